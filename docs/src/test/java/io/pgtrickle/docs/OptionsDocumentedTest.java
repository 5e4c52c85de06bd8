package io.pgtrickle.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The option tables in the docs and the README are generated from {@code StreamOption}: this test
 * fails when they drift. Regenerate with {@code ./mvnw -pl docs -am test -Dpgtrickle.docs.update=true}.
 */
class OptionsDocumentedTest {

  @ParameterizedTest
  @ValueSource(strings = {"docs/sql-reference.md", "README.md"})
  void optionTableMatchesTheRegistry(String file) throws Exception {
    MarkedSection section = new MarkedSection(MarkedSection.repositoryRoot().resolve(Path.of(file)), "options");
    String expected = OptionsTable.render();
    if (MarkedSection.updateRequested()) {
      section.write(expected);
    }
    assertEquals(expected, section.read(), file + ": options table differs from StreamOption; "
        + "regenerate with -Dpgtrickle.docs.update=true");
  }
}
