package io.pgtrickle.refresh.ddl.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The words a changed source signature is described with (messages of failed rebuilds). */
class SourceChangeTest {

  private static String describe(String stored, String current) {
    return new SourceChange(1, 2, stored, current, true).describe();
  }

  @Test
  void namesEachKindOfChange() {
    String before = "app.src (1 pk integer primary key, 3 v text, 4 n numeric(10, 2))";
    assertEquals("app.src: column v renamed to v2",
        describe(before, "app.src (1 pk integer primary key, 3 v2 text, 4 n numeric(10, 2))"));
    assertEquals("app.src2: app.src renamed to app.src2",
        describe(before, "app.src2 (1 pk integer primary key, 3 v text, 4 n numeric(10, 2))"));
    assertEquals("app.src: column pk changed from integer primary key to bigint primary key",
        describe(before, "app.src (1 pk bigint primary key, 3 v text, 4 n numeric(10, 2))"));
    assertEquals("app.src: column pk dropped",
        describe(before, "app.src (3 v text, 4 n numeric(10, 2))"));
    assertEquals("app.src dropped", describe(before, null));
  }

  @Test
  void quotedNamesWithSpacesCommasAndParentheses() {
    String before = "\"my app\".\"s (1)\" (2 \"a, b\" text, 5 \"x y\" integer)";
    assertEquals("\"my app\".\"s (1)\": column \"a, b\" renamed to \"c d\"",
        describe(before, "\"my app\".\"s (1)\" (2 \"c d\" text, 5 \"x y\" integer)"));
  }
}
