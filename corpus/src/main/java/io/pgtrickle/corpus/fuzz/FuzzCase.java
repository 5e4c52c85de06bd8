package io.pgtrickle.corpus.fuzz;

import java.util.ArrayList;
import java.util.List;

/**
 * One self-contained fuzz case: the statements that create and fill the sources, the stream table's
 * query, and the DML steps (each step is followed by a refresh and the checks). {@link #script()} prints it
 * as an SQL script that {@link #parse} reads back (the format of the committed regression cases).
 */
public record FuzzCase(String origin, List<String> setup, String query, List<List<String>> steps) {

  public FuzzCase {
    setup = List.copyOf(setup);
    steps = steps.stream().map(List::copyOf).toList();
  }

  /** The number of setup rows and DML statements: what shrinking makes smaller. */
  public int size() {
    return setup.size() + steps.stream().mapToInt(List::size).sum();
  }

  /** Source tables created by the setup, in creation order. */
  public List<String> tables() {
    List<String> tables = new ArrayList<>();
    for (String s : setup) {
      if (s.startsWith("CREATE TABLE ")) {
        tables.add(s.substring("CREATE TABLE ".length(), s.indexOf(' ', "CREATE TABLE ".length())));
      }
    }
    return tables;
  }

  public String script() {
    StringBuilder out = new StringBuilder("-- pgtrickle fuzz case: ").append(origin).append('\n');
    out.append("-- setup\n");
    setup.forEach(s -> out.append(s).append(";\n"));
    out.append("-- query (CREATE MATERIALIZED VIEW st WITH (pgtrickle.stream = true) AS …)\n")
        .append(query).append(";\n");
    for (int i = 0; i < steps.size(); i++) {
      out.append("-- step ").append(i + 1).append(" (then REFRESH MATERIALIZED VIEW st; check)\n");
      steps.get(i).forEach(s -> out.append(s).append(";\n"));
    }
    return out.toString();
  }

  /** Reads a script written by {@link #script()} (one statement per line, each ending with ';'). */
  public static FuzzCase parse(String script) {
    String origin = "";
    List<String> setup = new ArrayList<>();
    String query = null;
    List<List<String>> steps = new ArrayList<>();
    String section = "";
    for (String line : script.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.startsWith("-- pgtrickle fuzz case:")) {
        origin = trimmed.substring("-- pgtrickle fuzz case:".length()).strip();
      } else if (trimmed.startsWith("-- setup")) {
        section = "setup";
      } else if (trimmed.startsWith("-- query")) {
        section = "query";
      } else if (trimmed.startsWith("-- step")) {
        section = "step";
        steps.add(new ArrayList<>());
      } else if (!trimmed.isEmpty() && !trimmed.startsWith("--")) {
        String statement = trimmed.endsWith(";") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
        switch (section) {
          case "setup" -> setup.add(statement);
          case "query" -> query = statement;
          case "step" -> steps.get(steps.size() - 1).add(statement);
          default -> throw new IllegalArgumentException("statement outside a section: " + trimmed);
        }
      }
    }
    if (query == null) {
      throw new IllegalArgumentException("no query in fuzz case script");
    }
    return new FuzzCase(origin, setup, query, steps);
  }
}
