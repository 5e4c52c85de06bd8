package io.pgtrickle.corpus.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random queries from the operator set differential maintenance supports: nested inner/left/right/full
 * joins (self joins included), NULL-sensitive filters, EXISTS / NOT EXISTS / IN / NOT IN subqueries,
 * uncorrelated and correlated scalar subqueries,
 * aggregates with FILTER and HAVING (grouped and not), DISTINCT, the six set operations and derived
 * tables. Output columns are named {@code c1…}.
 */
final class QueryGenerator {

  private final Random random;
  private final List<FuzzTable> tables;
  private int aliases;

  /** The tables in a FROM clause, by alias. */
  private record Scope(List<String> aliases, List<FuzzTable> tables) {
    Scope() {
      this(new ArrayList<>(), new ArrayList<>());
    }

    void add(String alias, FuzzTable table) {
      aliases.add(alias);
      tables.add(table);
    }
  }

  QueryGenerator(Random random, List<FuzzTable> tables) {
    this.random = random;
    this.tables = tables;
  }

  String query() {
    return switch (random.nextInt(11)) {
      case 0, 1, 2 -> select(false);
      case 3 -> select(true);
      case 4, 5, 6 -> aggregate(true);
      case 7 -> aggregate(false);
      case 8, 9 -> setOperation();
      default -> derived();
    };
  }

  private String select(boolean distinct) {
    Scope scope = new Scope();
    String from = from(scope);
    List<String> items = new ArrayList<>();
    for (int i = 1 + random.nextInt(4); i > 0; i--) {
      items.add(expression(scope) + " AS c" + (items.size() + 1));
    }
    return "SELECT " + (distinct ? "DISTINCT " : "") + String.join(", ", items) + " FROM " + from
        + where(scope);
  }

  private String aggregate(boolean grouped) {
    Scope scope = new Scope();
    String from = from(scope);
    List<String> items = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    if (grouped) {
      for (int i = 1 + random.nextInt(2); i > 0; i--) {
        String key = column(scope, null);
        if (!keys.contains(key)) {
          keys.add(key);
          items.add(key + " AS c" + (items.size() + 1));
        }
      }
    }
    for (int i = 1 + random.nextInt(3); i > 0; i--) {
      items.add(aggregateCall(scope) + " AS c" + (items.size() + 1));
    }
    String sql = "SELECT " + String.join(", ", items) + " FROM " + from + where(scope);
    if (grouped) {
      sql += " GROUP BY " + String.join(", ", keys);
    }
    if (random.nextInt(4) == 0) {
      sql += " HAVING " + switch (random.nextInt(3)) {
        case 0 -> "count(*) > 1";
        case 1 -> "sum(" + column(scope, ColumnType.INT) + ") IS NOT NULL";
        default -> "min(" + column(scope, ColumnType.INT) + ") < 2";
      };
    }
    return sql;
  }

  private String setOperation() {
    FuzzTable left = table();
    FuzzTable right = table();
    List<ColumnType> shared = new ArrayList<>();
    for (ColumnType type : left.columns()) {
      if (right.has(type) && (type == ColumnType.INT || random.nextBoolean())) {
        shared.add(type);
      }
    }
    String op = List.of("UNION", "UNION ALL", "INTERSECT", "INTERSECT ALL", "EXCEPT", "EXCEPT ALL")
        .get(random.nextInt(6));
    return branch(left, shared) + " " + op + " " + branch(right, shared);
  }

  private String branch(FuzzTable table, List<ColumnType> columns) {
    Scope scope = new Scope();
    String alias = alias();
    scope.add(alias, table);
    List<String> items = new ArrayList<>();
    for (ColumnType type : columns) {
      items.add(alias + "." + type.column + " AS c" + (items.size() + 1));
    }
    return "SELECT " + String.join(", ", items) + " FROM " + table.name() + " " + alias + where(scope);
  }

  private String derived() {
    FuzzTable inner = table();
    String a = alias();
    Scope innerScope = new Scope();
    innerScope.add(a, inner);
    String sub = random.nextBoolean()
        ? "SELECT " + a + ".k AS c1, " + aggregateCall(innerScope) + " AS c2 FROM " + inner.name() + " " + a
            + where(innerScope) + " GROUP BY " + a + ".k"
        : "SELECT DISTINCT " + a + ".k AS c1, " + a + ".id AS c2 FROM " + inner.name() + " " + a + where(innerScope);
    FuzzTable outer = table();
    String x = alias();
    ColumnType extra = outer.columns().get(random.nextInt(outer.columns().size()));
    return "SELECT q.c1, q.c2, " + x + "." + extra.column + " AS c3 FROM (" + sub + ") q " + joinKind() + " "
        + outer.name() + " " + x + " ON " + x + ".k = q.c1";
  }

  private String from(Scope scope) {
    FuzzTable first = table();
    String alias = alias();
    scope.add(alias, first);
    StringBuilder from = new StringBuilder(first.name() + " " + alias);
    for (int i = random.nextInt(3); i > 0; i--) {
      String kind = joinKind();
      if (random.nextInt(4) == 0) { // a nested join as the right operand
        FuzzTable t1 = table();
        FuzzTable t2 = table();
        String a1 = alias();
        String a2 = alias();
        String inner = "(" + t1.name() + " " + a1 + " " + joinKind() + " " + t2.name() + " " + a2 + " ON "
            + joinCondition(a1, t1, a2, t2, false) + ")";
        String left = scope.aliases().get(random.nextInt(scope.aliases().size()));
        FuzzTable leftTable = scope.tables().get(scope.aliases().indexOf(left));
        from.append(' ').append(kind).append(' ').append(inner).append(" ON ")
            .append(joinCondition(left, leftTable, a1, t1, kind.startsWith("FULL")));
        scope.add(a1, t1);
        scope.add(a2, t2);
      } else {
        FuzzTable t = table();
        String a = alias();
        String left = scope.aliases().get(random.nextInt(scope.aliases().size()));
        FuzzTable leftTable = scope.tables().get(scope.aliases().indexOf(left));
        from.append(' ').append(kind).append(' ').append(t.name()).append(' ').append(a).append(" ON ")
            .append(joinCondition(left, leftTable, a, t, kind.startsWith("FULL")));
        scope.add(a, t);
      }
    }
    return from.toString();
  }

  private String joinCondition(String left, FuzzTable leftTable, String right, FuzzTable rightTable, boolean full) {
    List<ColumnType> shared = new ArrayList<>();
    for (ColumnType type : leftTable.columns()) {
      if (rightTable.has(type)) {
        shared.add(type);
      }
    }
    ColumnType on = shared.get(random.nextInt(shared.size()));
    String condition = left + "." + on.column + " = " + right + "." + on.column;
    if (!full && random.nextInt(3) == 0) {
      condition += " AND " + predicate(right, rightTable);
    }
    return condition;
  }

  private String joinKind() {
    return List.of("JOIN", "JOIN", "LEFT JOIN", "LEFT JOIN", "RIGHT JOIN", "FULL JOIN").get(random.nextInt(6));
  }

  private String where(Scope scope) {
    List<String> predicates = new ArrayList<>();
    for (int i = random.nextInt(3); i > 0; i--) {
      int pick = random.nextInt(scope.aliases().size());
      predicates.add(predicate(scope.aliases().get(pick), scope.tables().get(pick)));
    }
    if (random.nextInt(3) == 0) {
      int pick = random.nextInt(scope.aliases().size());
      predicates.add(subqueryPredicate(scope.aliases().get(pick), scope.tables().get(pick)));
    }
    if (predicates.isEmpty()) {
      return "";
    }
    String joined = String.join(random.nextInt(3) == 0 ? " OR " : " AND ", predicates);
    return " WHERE " + (random.nextInt(6) == 0 ? "NOT (" + joined + ")" : joined);
  }

  /** A NULL-sensitive predicate on one column of {@code alias}. */
  private String predicate(String alias, FuzzTable table) {
    ColumnType type = table.columns().get(random.nextInt(table.columns().size()));
    String col = alias + "." + type.column;
    return switch (random.nextInt(9)) {
      case 0 -> col + " IS NULL";
      case 1 -> col + " IS NOT NULL";
      case 2 -> col + " <> " + type.literal(random);
      case 3 -> col + " IS DISTINCT FROM " + type.literal(random);
      case 4 -> "coalesce(" + col + ", " + type.literal(random) + ") = " + type.literal(random);
      case 5 -> col + " IN (" + type.literal(random) + ", " + type.literal(random) + ")";
      case 6 -> col + " NOT IN (" + type.literal(random) + (random.nextBoolean() ? ", NULL)" : ")");
      case 7 -> type.orderable() ? col + " > " + type.literal(random) : "NOT " + col;
      default -> type == ColumnType.BOOL ? col : col + " = " + type.literal(random);
    };
  }

  private String subqueryPredicate(String alias, FuzzTable table) {
    FuzzTable inner = table();
    String x = alias();
    List<ColumnType> shared = new ArrayList<>();
    for (ColumnType type : table.columns()) {
      if (inner.has(type)) {
        shared.add(type);
      }
    }
    ColumnType on = shared.get(random.nextInt(shared.size()));
    String filter = random.nextBoolean() ? "" : " WHERE " + predicate(x, inner);
    String correlated = x + "." + on.column + " = " + alias + "." + on.column;
    return switch (random.nextInt(6)) {
      case 0 -> "EXISTS (SELECT 1 FROM " + inner.name() + " " + x + " WHERE " + correlated
          + (filter.isEmpty() ? "" : " AND " + filter.substring(" WHERE ".length())) + ")";
      case 1 -> "NOT EXISTS (SELECT 1 FROM " + inner.name() + " " + x + " WHERE " + correlated
          + (filter.isEmpty() ? "" : " AND " + filter.substring(" WHERE ".length())) + ")";
      case 2 -> alias + "." + on.column + " IN (SELECT " + x + "." + on.column + " FROM " + inner.name() + " " + x
          + filter + ")";
      case 3 -> alias + "." + on.column + " NOT IN (SELECT " + x + "." + on.column + " FROM " + inner.name() + " "
          + x + filter + ")";
      case 4 -> alias + ".k > (SELECT min(" + x + ".k) FROM " + inner.name() + " " + x + filter + ")";
      default -> alias + ".k >= (SELECT " + List.of("avg", "max", "sum").get(random.nextInt(3)) + "(" + x + ".k) - 1"
          + " FROM " + inner.name() + " " + x + " WHERE " + correlated
          + (filter.isEmpty() ? "" : " AND " + filter.substring(" WHERE ".length())) + ")";
    };
  }

  private String expression(Scope scope) {
    int pick = random.nextInt(scope.aliases().size());
    String alias = scope.aliases().get(pick);
    FuzzTable table = scope.tables().get(pick);
    ColumnType type = table.columns().get(random.nextInt(table.columns().size()));
    String col = alias + "." + type.column;
    return switch (random.nextInt(6)) {
      case 0 -> alias + ".id";
      case 1 -> type.summable() ? col + " + 1" : col;
      case 2 -> "coalesce(" + col + ", " + type.literal(random) + ")";
      case 3 -> "CASE WHEN " + predicate(alias, table) + " THEN 'y' ELSE 'n' END";
      default -> col;
    };
  }

  private String aggregateCall(Scope scope) {
    int pick = random.nextInt(scope.aliases().size());
    String alias = scope.aliases().get(pick);
    FuzzTable table = scope.tables().get(pick);
    ColumnType type = table.columns().get(random.nextInt(table.columns().size()));
    String col = alias + "." + type.column;
    String call = switch (random.nextInt(8)) {
      case 0 -> "count(*)";
      case 1 -> "count(" + col + ")";
      case 2, 3 -> "sum(" + (type.summable() ? col : alias + ".k") + ")";
      case 4 -> type.orderable() ? "min(" + col + ")" : "bool_and(" + col + ")";
      case 5 -> type.orderable() ? "max(" + col + ")" : "bool_or(" + col + ")";
      case 6 -> "avg(" + (type.summable() ? col : alias + ".k") + ")";
      default -> "count(DISTINCT " + col + ")";
    };
    if (random.nextInt(4) == 0) {
      call += " FILTER (WHERE " + predicate(alias, table) + ")";
    }
    return call;
  }

  private String column(Scope scope, ColumnType wanted) {
    int pick = random.nextInt(scope.aliases().size());
    FuzzTable table = scope.tables().get(pick);
    ColumnType type = wanted != null ? wanted : table.columns().get(random.nextInt(table.columns().size()));
    return scope.aliases().get(pick) + "." + type.column;
  }

  private FuzzTable table() {
    return tables.get(random.nextInt(tables.size()));
  }

  private String alias() {
    return "a" + (++aliases);
  }
}
