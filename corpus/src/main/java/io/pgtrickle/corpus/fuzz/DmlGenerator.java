package io.pgtrickle.corpus.fuzz;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Initial rows and random DML steps: inserts (NULLs, duplicate rows in keyless tables), multi-row UPDATEs
 * that change join and group keys (and primary keys), deletes of whole key groups (a join partner's rows),
 * the occasional TRUNCATE. Primary keys never collide: ids come from a per-table counter that stays above every id in use.
 */
final class DmlGenerator {

  private final Random random;
  private final List<FuzzTable> tables;
  private final Map<String, Integer> nextId = new HashMap<>();

  DmlGenerator(Random random, List<FuzzTable> tables) {
    this.random = random;
    this.tables = tables;
  }

  /** CREATE TABLE statements, then one INSERT per initial row. */
  List<String> setup() {
    List<String> setup = new ArrayList<>();
    tables.forEach(t -> setup.add(t.ddl()));
    for (FuzzTable t : tables) {
      for (int i = random.nextInt(12); i > 0; i--) {
        setup.add(insertRow(t));
      }
    }
    return setup;
  }

  List<List<String>> steps(int count) {
    List<List<String>> steps = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      List<String> step = new ArrayList<>();
      for (int j = 1 + random.nextInt(4); j > 0; j--) {
        step.add(statement(tables.get(random.nextInt(tables.size()))));
      }
      steps.add(step);
    }
    return steps;
  }

  private String statement(FuzzTable t) {
    int pick = random.nextInt(40);
    if (pick == 0) {
      return "TRUNCATE " + t.name();
    }
    if (pick < 14) {
      return insertRow(t);
    }
    if (pick < 17 && !t.primaryKey()) {
      return "INSERT INTO " + t.name() + " SELECT * FROM " + t.name() + " WHERE " + where(t); // duplicates
    }
    if (pick < 30) {
      return "UPDATE " + t.name() + " SET " + assignment(t) + " WHERE " + where(t);
    }
    return "DELETE FROM " + t.name() + " WHERE " + where(t);
  }

  private String insertRow(FuzzTable t) {
    int id = nextId.merge(t.name(), 1, Integer::sum);
    StringBuilder values = new StringBuilder(String.valueOf(id));
    for (ColumnType type : t.columns()) {
      values.append(", ").append(type.value(random, t.nullable(type)));
    }
    return "INSERT INTO " + t.name() + " (" + t.columnList() + ") VALUES (" + values + ")";
  }

  private String assignment(FuzzTable t) {
    if (t.primaryKey() && random.nextInt(8) == 0) {
      int shift = nextId.getOrDefault(t.name(), 0) + 1; // beyond every id, so no shifted row collides
      nextId.put(t.name(), 2 * shift);
      return "id = id + " + shift;
    }
    ColumnType type = t.columns().get(random.nextInt(t.columns().size()));
    String value = type.value(random, t.nullable(type));
    if (type == ColumnType.INT && random.nextInt(3) == 0) {
      value = t.nullable(type) && random.nextInt(4) == 0 ? "NULL" : "(k + 1) % 4";
    }
    return type.column + " = " + value;
  }

  private String where(FuzzTable t) {
    ColumnType type = t.columns().get(random.nextInt(t.columns().size()));
    return switch (random.nextInt(4)) {
      case 0 -> type.column + " IS NULL";
      case 1 -> type.column + " IS DISTINCT FROM " + type.literal(random);
      default -> type.column + " = " + type.literal(random);
    };
  }
}
