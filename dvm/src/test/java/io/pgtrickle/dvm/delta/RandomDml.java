package io.pgtrickle.dvm.delta;

import io.pgtrickle.dvm.catalog.PgIdentifiers;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random INSERT / UPDATE / DELETE statements over {@link SourceTable}s, reproducible from the
 * {@link Random} given. Rows are picked by position in {@code ctid} order; updates change a random
 * subset of the columns, and for keyed tables sometimes the key itself (to a fresh value).
 */
final class RandomDml {
  private final Random random;
  private int nextKey = 1_000_000;

  RandomDml(Random random) {
    this.random = random;
  }

  /** A fresh key value (never reused). */
  int freshKey() {
    return nextKey++;
  }

  /** {@code rows} random rows inserted into {@code table}. */
  void insert(Statement st, SourceTable table, int rows) throws SQLException {
    for (int i = 0; i < rows; i++) {
      st.execute("INSERT INTO " + q(table.name()) + " (" + String.join(", ", table.columnNames().stream().map(RandomDml::q)
          .toList()) + ") VALUES (" + String.join(", ", randomRow(table)) + ")");
    }
  }

  /** One random change to one of {@code tables}. */
  void change(Connection c, List<SourceTable> tables) throws SQLException {
    SourceTable table = tables.get(random.nextInt(tables.size()));
    try (Statement st = c.createStatement()) {
      long count = count(st, table);
      int op = random.nextInt(10);
      if (count == 0 || op < 4) {
        insert(st, table, 1 + random.nextInt(2));
      } else if (op < 7) {
        st.execute("DELETE FROM " + q(table.name()) + " WHERE ctid = " + pick(table, count));
      } else {
        update(st, table, count);
      }
    }
  }

  private void update(Statement st, SourceTable table, long count) throws SQLException {
    List<String> sets = new ArrayList<>();
    for (SourceTable.ColumnSpec col : table.columns()) {
      if (random.nextBoolean()) {
        sets.add(q(col.name()) + " = " + col.value().apply(random));
      }
    }
    if (table.key().isPresent() && random.nextInt(4) == 0) {
      sets.add(q(table.key().get()) + " = " + freshKey());
    }
    if (sets.isEmpty()) {
      SourceTable.ColumnSpec col = table.columns().get(random.nextInt(table.columns().size()));
      sets.add(q(col.name()) + " = " + col.value().apply(random));
    }
    st.execute("UPDATE " + q(table.name()) + " SET " + String.join(", ", sets) + " WHERE ctid = " + pick(table, count));
  }

  private String pick(SourceTable table, long count) {
    return "(SELECT ctid FROM " + q(table.name()) + " ORDER BY ctid OFFSET " + (long) (random.nextDouble() * count)
        + " LIMIT 1)";
  }

  private List<String> randomRow(SourceTable table) {
    List<String> values = new ArrayList<>();
    table.key().ifPresent(k -> values.add(Integer.toString(freshKey())));
    table.columns().forEach(col -> values.add(col.value().apply(random)));
    return values;
  }

  private static long count(Statement st, SourceTable table) throws SQLException {
    try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + q(table.name()))) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static String q(String id) {
    return PgIdentifiers.quote(id);
  }
}
