package io.pgtrickle.refresh.full;

import io.pgtrickle.refresh.catalog.StreamTableRow;
import io.pgtrickle.refresh.ddl.Column;
import io.pgtrickle.refresh.ddl.DefinitionView;
import io.pgtrickle.refresh.sql.Maintenance;
import io.pgtrickle.refresh.sql.Sql;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * FULL maintenance of one stream table: recompute with the defining query (through its definition
 * view) and write the result, with the guard bypass on. Callers hold the catalog row lock.
 *
 * <ul>
 *   <li>{@link #populate}: the table is known to be empty (just created, or unpopulated): one
 *       {@code INSERT … SELECT}.
 *   <li>{@link #applyDifference}: one statement that deletes surplus and inserts missing rows only
 *       ({@link DiffStatement}); rows that did not change are not rewritten.
 *   <li>{@link #truncate}: {@code WITH NO DATA}.
 * </ul>
 *
 * <p>None of them blocks readers beyond what the writes themselves lock (row locks; TRUNCATE takes an
 * ACCESS EXCLUSIVE lock), which is why {@code REFRESH … CONCURRENTLY} needs nothing special.
 */
public final class FullRefresher {

  private static final Logger LOG = System.getLogger(FullRefresher.class.getName());

  private FullRefresher() {}

  /** The outcome of a FULL write with an extra expression evaluated in the same statement. */
  public record WithExtra(RefreshCounts counts, String extra) {}

  /**
   * {@link #populate} (when {@code populated} is false) or {@link #applyDifference}, evaluating
   * {@code extraSql} (e.g. the frontier of a differential stream table) in the same statement, so it
   * sees exactly the snapshot the definition view was read in.
   */
  public static WithExtra refreshWith(Connection connection, StreamTableRow st, boolean populated,
      String extraSql) throws SQLException {
    return refreshWith(connection, st, populated, extraSql, null);
  }

  /**
   * A stream table with hidden state columns: its rows come from {@code query}, which returns the user
   * columns (named like the definition view's) and then the {@code hidden} columns; every column is
   * cast to its storage type. The user columns are the query's result as the definition view gives
   * it; the hidden columns hold the state differential refreshes continue from.
   */
  public record StateSource(String query, List<Column> hidden) {
    public StateSource {
      hidden = List.copyOf(hidden);
    }

    String relation(List<Column> user) {
      List<String> items = new ArrayList<>();
      for (Column c : user) {
        items.add("(q." + Sql.ident(c.name()) + ")::" + c.typeName() + " AS " + Sql.ident(c.name()));
      }
      for (Column c : hidden) {
        items.add("(q." + Sql.ident(c.name()) + ")::" + c.typeName() + " AS " + Sql.ident(c.name()));
      }
      return "(SELECT " + String.join(", ", items) + " FROM (" + query + ") AS q)";
    }
  }

  /**
   * Like {@link #refreshWith(Connection, StreamTableRow, boolean, String)}, reading the rows from
   * {@code state} when it is not null.
   */
  public static WithExtra refreshWith(Connection connection, StreamTableRow st, boolean populated,
      String extraSql, StateSource state) throws SQLException {
    List<Column> user = DefinitionView.columns(connection, st.definitionViewRelid());
    List<Column> columns = new ArrayList<>(user);
    String source = st.definitionViewSql();
    if (state != null) {
      columns.addAll(state.hidden());
      source = state.relation(user);
    }
    String sql;
    if (populated) {
      ColumnComparability comparability = new ColumnComparability(connection);
      boolean[] sortable = new boolean[columns.size()];
      for (int i = 0; i < sortable.length; i++) {
        sortable[i] = comparability.sortable(columns.get(i).typeOid());
      }
      sql = DiffStatement.build(st.storageSql(), source, columns, sortable, extraSql);
    } else {
      String names = Sql.identList(columns.stream().map(Column::name).toList());
      String insert =
          columns.isEmpty()
              ? "INSERT INTO " + st.storageSql() + " SELECT FROM " + source
              : "INSERT INTO " + st.storageSql() + " (" + names + ") SELECT " + names + " FROM "
                  + source + " AS d";
      sql = "WITH \"__pgt_inserted\" AS (" + insert + " RETURNING 1)"
          + " SELECT (SELECT pg_catalog.count(*) FROM \"__pgt_inserted\"), 0::bigint, (" + extraSql + ")";
    }
    return Maintenance.bypassGuard(
        connection,
        () -> {
          try (Statement s = connection.createStatement();
              ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return new WithExtra(new RefreshCounts(rs.getLong(1), rs.getLong(2)), rs.getString(3));
          }
        });
  }

  /** Fills an empty stream table; returns the number of rows inserted. */
  public static long populate(Connection connection, StreamTableRow st) throws SQLException {
    List<Column> columns = DefinitionView.columns(connection, st.definitionViewRelid());
    String names = Sql.identList(columns.stream().map(Column::name).toList());
    String sql =
        columns.isEmpty()
            ? "INSERT INTO " + st.storageSql() + " SELECT FROM " + st.definitionViewSql()
            : "INSERT INTO " + st.storageSql() + " (" + names + ") SELECT " + names + " FROM "
                + st.definitionViewSql();
    long inserted =
        Maintenance.bypassGuard(
            connection,
            () -> {
              try (Statement s = connection.createStatement()) {
                return s.executeLargeUpdate(sql);
              }
            });
    LOG.log(Level.DEBUG, "populated {0}: {1} rows", st.displayName(), inserted);
    return inserted;
  }

  /** Brings a populated stream table up to date by writing only the difference. */
  public static RefreshCounts applyDifference(Connection connection, StreamTableRow st)
      throws SQLException {
    List<Column> columns = DefinitionView.columns(connection, st.definitionViewRelid());
    ColumnComparability comparability = new ColumnComparability(connection);
    boolean[] sortable = new boolean[columns.size()];
    for (int i = 0; i < sortable.length; i++) {
      sortable[i] = comparability.sortable(columns.get(i).typeOid());
    }
    String sql = DiffStatement.build(st.storageSql(), st.definitionViewSql(), columns, sortable);
    LOG.log(Level.TRACE, "full refresh of {0}: {1}", st.displayName(), sql);
    RefreshCounts counts =
        Maintenance.bypassGuard(
            connection,
            () -> {
              try (Statement s = connection.createStatement();
                  ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return new RefreshCounts(rs.getLong(1), rs.getLong(2));
              }
            });
    LOG.log(Level.DEBUG, "refreshed {0}: +{1} -{2}", st.displayName(), counts.rowsInserted(),
        counts.rowsDeleted());
    return counts;
  }

  /** Empties the stream table ({@code WITH NO DATA}). */
  public static void truncate(Connection connection, StreamTableRow st) throws SQLException {
    Maintenance.bypassGuard(
        connection,
        () -> {
          try (Statement s = connection.createStatement()) {
            s.execute("TRUNCATE ONLY " + st.storageSql());
          }
          return null;
        });
  }
}
