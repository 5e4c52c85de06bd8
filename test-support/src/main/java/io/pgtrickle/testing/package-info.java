/**
 * Test harness for pgtrickle: a real PostgreSQL per test JVM, a fresh database per test class, and the
 * multiset oracle.
 *
 * <pre>
 * {@literal @}PgTest
 * class MyFeatureTest {
 *   {@literal @}Test
 *   void streamTableMatchesItsQuery(TestDatabase db) throws SQLException {
 *     try (Connection c = DriverManager.getConnection(db.pgtrickleUrl(), db.properties())) {
 *       c.createStatement().execute("CREATE TABLE t(k int, v numeric)");
 *       // ... CREATE MATERIALIZED VIEW st WITH (pgtrickle.stream = true) AS SELECT k, sum(v) FROM t GROUP BY k
 *       MultisetOracle.assertSameRows(c, "SELECT k, s FROM st", "SELECT k, sum(v) FROM t GROUP BY k");
 *     }
 *   }
 * }
 * </pre>
 *
 * <p>Where the server comes from (first that works): env {@code PGTRICKLE_TEST_URL} or
 * {@code -Dpgtrickle.test.url} ({@code jdbc:postgresql://host:port/db?user=…&password=…}, a role with
 * CREATEDB); a throwaway cluster from local binaries ({@code PGTRICKLE_PG_BIN}, else the highest
 * {@code /usr/lib/postgresql/N/bin}, else {@code pg_config --bindir}; as root it runs as OS user
 * {@code postgres} or {@code PGTRICKLE_PG_OS_USER}); Testcontainers with {@code pgvector/pgvector:pg15}. If none
 * works, test classes are skipped, or fail when {@code CI=true}. The local cluster has
 * {@code wal_level=logical}, 20 replication slots and wal senders, 200 connections, fsync off, trust
 * authentication, and pgvector's {@code vector} extension is created in every test database when installed.
 */
package io.pgtrickle.testing;
