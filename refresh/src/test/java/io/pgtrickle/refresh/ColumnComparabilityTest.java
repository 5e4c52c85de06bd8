package io.pgtrickle.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pgtrickle.refresh.full.ColumnComparability;
import io.pgtrickle.testing.Jdbc;
import io.pgtrickle.testing.PgTest;
import io.pgtrickle.testing.TestDatabase;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

@PgTest
class ColumnComparabilityTest {

  @Test
  void defaultBtreeOpclassRules(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      Jdbc.exec(c, "CREATE TYPE colour AS ENUM ('red', 'green')",
          "CREATE DOMAIN json_dom AS json", "CREATE DOMAIN int_dom AS int",
          "CREATE DOMAIN int_arr_dom AS int[]",
          "CREATE TYPE ok_pair AS (a int, b text)", "CREATE TYPE json_pair AS (a int, b json)",
          "CREATE TYPE nested AS (p ok_pair, q int[])", "CREATE TYPE nested_bad AS (p json_pair)");
      Map<String, Boolean> expected = new LinkedHashMap<>();
      for (String t : new String[] {"int4", "int8", "numeric", "text", "varchar", "bpchar", "name",
          "\"char\"", "bool", "bytea", "uuid", "jsonb", "interval", "timestamptz", "date", "money",
          "inet", "cidr", "macaddr", "tsvector", "bit", "varbit", "oid", "oidvector", "pg_lsn",
          "int4[]", "text[]", "jsonb[]", "int4range", "tstzrange", "int4multirange", "colour",
          "colour[]", "int_dom", "int_arr_dom", "ok_pair", "ok_pair[]", "nested", "xid8", "tid"}) {
        expected.put(t, true);
      }
      for (String t : new String[] {"json", "xml", "point", "box", "line", "lseg", "path",
          "polygon", "circle", "xid", "cid", "aclitem", "json[]", "xml[]", "point[]", "json_dom",
          "json_pair", "json_pair[]", "nested_bad", "txid_snapshot", "pg_snapshot"}) {
        expected.put(t, false);
      }
      ColumnComparability comparability = new ColumnComparability(c);
      Map<String, Boolean> actual = new LinkedHashMap<>();
      for (String type : expected.keySet()) {
        actual.put(type, comparability.sortable(Jdbc.count(c, "SELECT '" + type.replace("'", "''")
            + "'::regtype::oid")));
      }
      assertEquals(expected, actual);
    }
  }
}
