package io.pgtrickle.refresh.diff;

import io.pgtrickle.dvm.delta.DeltaPlan;
import io.pgtrickle.dvm.delta.SourceBindings;
import io.pgtrickle.refresh.ddl.Column;
import io.pgtrickle.refresh.sql.Sql;
import io.pgtrickle.spi.cdc.ChangeBufferLayout;
import io.pgtrickle.spi.cdc.OwnMark;
import io.pgtrickle.spi.cdc.PgSnapshot;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.StringJoiner;

/**
 * Materialises one window's consolidated delta into a temporary table with <em>one</em> statement
 * that also evaluates S₁ and the TRUNCATE check (see {@link WindowSnapshot} for why it must be one):
 *
 * <pre>
 * CREATE TEMP TABLE pg_temp."__pgt_delta_&lt;id&gt;" (cols…, "__pgt_w", "__pgt_frontier", "__pgt_truncated")
 *   ON COMMIT DROP AS
 * WITH "__pgt_window" AS (SELECT '&lt;S₀&gt;'::pg_snapshot AS s0, &lt;S₁&gt; AS s1)
 * SELECT d.col::type…, d."__pgt_w", NULL, NULL FROM (&lt;delta query&gt;) AS d(…)
 * UNION ALL SELECT NULL…, 0, w.s1, &lt;truncated in window&gt; FROM "__pgt_window" w
 * </pre>
 *
 * The delta's columns are cast to the stream table's column types (so hashing and matching against
 * stored rows compare like with like). The one row with weight 0 carries S₁ and the TRUNCATE flag.
 */
final class DeltaMaterializer {

  /** Names of the temp table's bookkeeping columns. */
  static final String WEIGHT = DeltaPlan.WEIGHT_COLUMN;

  private static final String FRONTIER = "__pgt_frontier";
  private static final String TRUNCATED = "__pgt_truncated";

  /**
   * JIT off from the delta statement until {@link #drop}: the delta and apply statements are large but
   * touch few rows, and PostgreSQL's cost-based JIT threshold makes it compile them anyway (measured:
   * 20 s of JIT for a 0.2 ms TPC-H delta). Transaction-local, with the caller's value kept in
   * {@code pgtrickle.jit_before} and put back by {@link #drop}; a failure rolls both back with the
   * enclosing savepoint or transaction.
   */
  private static final String JIT_OFF =
      "SELECT pg_catalog.set_config('pgtrickle.jit_before', pg_catalog.current_setting('jit'), true),"
          + " pg_catalog.set_config('jit', 'off', true)";

  private static final String JIT_RESTORE =
      "SELECT pg_catalog.set_config('jit', pg_catalog.current_setting('pgtrickle.jit_before'), true)";

  private DeltaMaterializer() {}

  /** What the statement produced. */
  record Materialized(String table, PgSnapshot upper, boolean truncated, long rows, long inserts, long deletes) {}

  /** The temp table's name for a stream table. */
  static String tableName(long pgtId) {
    return "pg_temp." + Sql.ident("__pgt_delta_" + pgtId);
  }

  /** The statement (also used by tests to EXPLAIN it). */
  static String statement(
      String table,
      String deltaQuery,
      List<Column> columns,
      String lower,
      OwnMark lowerMark,
      String upperSql,
      Collection<Long> sourceOids) {
    List<String> names = new ArrayList<>();
    List<String> positional = new ArrayList<>();
    StringJoiner deltaSelect = new StringJoiner(", ");
    StringJoiner frontierSelect = new StringJoiner(", ");
    for (int i = 0; i < columns.size(); i++) {
      Column c = columns.get(i);
      names.add(Sql.ident(c.name()));
      String p = Sql.ident("__pgt_c" + (i + 1));
      positional.add(p);
      deltaSelect.add("(d." + p + ")::" + c.typeName());
      frontierSelect.add("NULL::" + c.typeName());
    }
    names.add(Sql.ident(WEIGHT));
    names.add(Sql.ident(FRONTIER));
    names.add(Sql.ident(TRUNCATED));
    positional.add(Sql.ident(WEIGHT));
    deltaSelect.add("(d." + Sql.ident(WEIGHT) + ")::bigint").add("NULL::pg_catalog.pg_snapshot")
        .add("NULL::boolean");
    StringJoiner truncated = new StringJoiner(" OR ");
    truncated.setEmptyValue("false");
    for (long oid : sourceOids) {
      truncated.add("EXISTS (SELECT 1 FROM " + ChangeBufferLayout.qualifiedTableName(oid) + " AS c WHERE "
          + WindowBindings.WINDOW.truncationPredicate("c") + ")");
    }
    frontierSelect.add("0::bigint").add("w.\"s1\"").add("(" + truncated + ")");
    return "CREATE TEMPORARY TABLE " + table + " (" + String.join(", ", names) + ") ON COMMIT DROP AS"
        + " WITH " + WindowBindings.cte(lower, lowerMark, upperSql)
        + " SELECT " + deltaSelect + " FROM (" + deltaQuery + ") AS d(" + String.join(", ", positional) + ")"
        + " UNION ALL SELECT " + frontierSelect + " FROM " + Sql.ident(SourceBindings.WINDOW_CTE) + " AS w";
  }

  /** Runs the statement and reads back S₁, the TRUNCATE flag and the delta's size. */
  static Materialized run(
      Connection connection,
      long pgtId,
      String deltaQuery,
      List<Column> columns,
      PgSnapshot lower,
      OwnMark lowerMark,
      String upperSql,
      Collection<Long> sourceOids)
      throws SQLException {
    String table = tableName(pgtId);
    String summary =
        "SELECT (SELECT " + Sql.ident(FRONTIER) + "::text FROM " + table + " WHERE "
            + Sql.ident(WEIGHT) + " = 0 AND " + Sql.ident(FRONTIER) + " IS NOT NULL),"
            + " (SELECT bool_or(" + Sql.ident(TRUNCATED) + ") FROM " + table + "),"
            + " count(*) FILTER (WHERE " + Sql.ident(WEIGHT) + " <> 0),"
            + " COALESCE(sum(" + Sql.ident(WEIGHT) + ") FILTER (WHERE " + Sql.ident(WEIGHT) + " > 0), 0),"
            + " COALESCE(-sum(" + Sql.ident(WEIGHT) + ") FILTER (WHERE " + Sql.ident(WEIGHT) + " < 0), 0)"
            + " FROM " + table;
    // one round trip: PgJDBC sends the statements of one string together
    try (Statement st = connection.createStatement()) {
      st.execute(JIT_OFF + "; DROP TABLE IF EXISTS " + table + "; "
          + statement(table, deltaQuery, columns, lower.toSqlLiteral(), lowerMark, upperSql, sourceOids)
          + "; " + summary);
      int resultSets = 0;
      do {
        ResultSet rs = st.getResultSet();
        if (rs != null && ++resultSets == 2) { // the first is JIT_OFF's
          rs.next();
          return new Materialized(table, PgSnapshot.parse(rs.getString(1)), rs.getBoolean(2),
              rs.getLong(3), rs.getLong(4), rs.getLong(5));
        }
      } while (st.getMoreResults() || st.getUpdateCount() != -1);
      throw new SQLException("the delta statement of " + table + " returned no summary");
    }
  }

  /** Drops the temp table (it would go at commit anyway) and gives JIT its setting back. */
  static void drop(Connection connection, String table) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute("DROP TABLE IF EXISTS " + table + "; " + JIT_RESTORE);
    }
  }
}
