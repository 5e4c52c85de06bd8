package io.pgtrickle.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The source-DDL tests' schema, query and seeded writes, shared by the engine's and the driver's test:
 * a source {@code src (pk, k, v, n, spare)} joined to a dimension {@code dim (k, label)}, with NULLs and
 * duplicate rows, and random writes that keep working whatever the change renamed.
 *
 * <p>New keys come from a counter, and a key update negates the key, so no write can hit a unique
 * violation by chance: a replayed seed gives the same writes and the same outcome.
 */
public final class SourceDdlWorkload {

  /** The stream table's row query, for the multiset oracle. */
  public static final String STREAM_TABLE_ROWS = "SELECT k, label, v, n FROM st";

  /** How many of the stream table {@code st}'s sources have a signature other than the live one. */
  public static final String STALE_SIGNATURES = "SELECT count(*) FROM pgtrickle.pgt_dependencies d"
      + " JOIN pgtrickle.pgt_stream_tables st USING (pgt_id) WHERE st.storage_relid = 'st'::regclass"
      + " AND d.source_signature IS DISTINCT FROM"
      + " pgtrickle.source_signature(st.definition_view_relid, d.source_relid)";

  private final Random random;
  private long nextKey = 100_000;

  public SourceDdlWorkload(long seed) {
    this.random = new Random(seed);
  }

  /** The defining query over source {@code table} whose value column is named {@code v}. */
  public static String query(String table, String v) {
    return "SELECT s.k, d.label, s." + v + " AS v, s.n FROM " + table + " s JOIN dim d ON d.k = s.k"
        + " WHERE s." + v + " IS NOT NULL";
  }

  /** A catalog column of the stream table {@code st}. */
  public static String catalogColumn(String column) {
    return "SELECT " + column + " FROM pgtrickle.pgt_stream_tables WHERE storage_relid = 'st'::regclass";
  }

  /**
   * Creates {@code schema} with both sources, sets the search path to it, and loads {@code rows} source
   * rows (NULL keys and values among them) plus a duplicate of those with {@code pk < duplicated}.
   */
  public static String[] setUp(String schema, int rows, int duplicated) {
    return new String[] {
      "CREATE SCHEMA " + schema, "SET search_path = " + schema + ", public",
      "CREATE TABLE dim (k int PRIMARY KEY, label text)",
      "CREATE TABLE src (pk int PRIMARY KEY, k int, v text, n numeric, spare int)",
      "INSERT INTO dim SELECT i, CASE WHEN i % 3 = 0 THEN NULL ELSE 'l' || i END FROM generate_series(0, 6) i",
      "INSERT INTO src SELECT i, CASE WHEN i % 9 = 0 THEN NULL ELSE i % 8 END,"
          + " CASE WHEN i % 5 = 0 THEN NULL ELSE 'v' || (i % 3) END, i % 7, i FROM generate_series(1, "
          + rows + ") i",
      "INSERT INTO src SELECT pk + 500, k, v, n, spare FROM src WHERE pk < " + duplicated
    };
  }

  /**
   * Random writes to source {@code t} (key column {@code pk}, value column {@code v}) and to {@code dim}:
   * inserts (copies of existing rows too), updates of the join key, the value, the number and the key,
   * deletes.
   */
  public List<String> writes(String t, String pk, String v) {
    List<String> sql = new ArrayList<>();
    for (int i = random.nextInt(5) + 1; i > 0; i--) {
      if (random.nextInt(3) == 0) {
        long base = nextKey;
        nextKey += 10;
        sql.add("INSERT INTO " + t + " (" + pk + ", k, " + v + ", n) SELECT " + base + " + row_number() OVER (), k, "
            + v + ", n FROM " + t + " WHERE k IS NOT DISTINCT FROM " + k() + " LIMIT 2");
      } else {
        sql.add("INSERT INTO " + t + " (" + pk + ", k, " + v + ", n) VALUES (" + nextKey++ + ", " + k() + ", "
            + v() + ", " + n() + ")");
      }
    }
    for (int i = random.nextInt(4); i > 0; i--) {
      String set = switch (random.nextInt(4)) {
        case 0 -> "k = " + k();
        case 1 -> v + " = " + v();
        case 2 -> "n = " + n();
        default -> pk + " = -" + pk;
      };
      sql.add("UPDATE " + t + " SET " + set + " WHERE k IS NOT DISTINCT FROM " + k());
    }
    for (int i = random.nextInt(3); i > 0; i--) {
      sql.add("DELETE FROM " + t + " WHERE " + v + " IS NOT DISTINCT FROM " + v() + " AND " + pk + " % 2 "
          + (random.nextBoolean() ? "= 0" : "<> 0"));
    }
    if (random.nextInt(3) == 0) {
      sql.add("UPDATE dim SET label = CASE WHEN label IS NULL THEN 'l' || k ELSE NULL END WHERE k = "
          + random.nextInt(8));
    }
    return sql;
  }

  private String k() {
    return random.nextInt(6) == 0 ? "NULL" : String.valueOf(random.nextInt(8));
  }

  private String v() {
    return random.nextInt(5) == 0 ? "NULL" : "'v" + random.nextInt(4) + "'";
  }

  private String n() {
    return random.nextInt(5) == 0 ? "NULL" : String.valueOf(random.nextInt(1000) / 10.0);
  }
}
