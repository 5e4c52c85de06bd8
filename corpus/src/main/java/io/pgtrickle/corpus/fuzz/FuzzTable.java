package io.pgtrickle.corpus.fuzz;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A generated source table: {@code id int} (the primary key, or a plain column of a keyless bag) and a
 * subset of the typed columns, each nullable or not.
 */
record FuzzTable(String name, boolean primaryKey, List<ColumnType> columns, List<Boolean> nullable) {

  String ddl() {
    return "CREATE TABLE " + name + " (id int" + (primaryKey ? " PRIMARY KEY" : "")
        + columns.stream().map(t -> ", " + t.column + " " + t.sqlType + (nullable(t) ? "" : " NOT NULL"))
            .collect(Collectors.joining()) + ")";
  }

  boolean has(ColumnType type) {
    return columns.contains(type);
  }

  boolean nullable(ColumnType type) {
    return nullable.get(columns.indexOf(type));
  }

  String columnList() {
    return "id" + columns.stream().map(t -> ", " + t.column).collect(Collectors.joining());
  }
}
