package io.pgtrickle.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pgtrickle.jdbc.DriverProperty;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The connection-property table of {@code docs/driver.md} is generated from {@code DriverProperty}.
 * Regenerate with {@code -Dpgtrickle.docs.update=true}.
 */
class ConnectionPropertiesDocumentedTest {

  @Test
  void propertyTableMatchesTheDriver() throws Exception {
    MarkedSection section = new MarkedSection(
        MarkedSection.repositoryRoot().resolve(Path.of("docs/driver.md")), "connection-properties");
    StringBuilder md = new StringBuilder("| property | default | what it does |\n|---|---|---|\n");
    for (DriverProperty property : DriverProperty.values()) {
      md.append("| `").append(property.propertyName()).append("` | `").append(property.defaultValue())
          .append("` | ").append(property.description().replace("|", "\\|")).append(" |\n");
    }
    if (MarkedSection.updateRequested()) {
      section.write(md.toString());
    }
    assertEquals(md.toString(), section.read(),
        "docs/driver.md differs from DriverProperty; regenerate with -Dpgtrickle.docs.update=true");
  }
}
