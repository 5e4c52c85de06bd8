package io.pgtrickle.corpus.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random schemas: 2–5 tables {@code t1…}, with or without a primary key, always with {@code k int}. */
final class SchemaGenerator {

  private SchemaGenerator() {}

  static List<FuzzTable> tables(Random random) {
    int count = 2 + random.nextInt(4);
    List<FuzzTable> tables = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      List<ColumnType> columns = new ArrayList<>();
      List<Boolean> nullable = new ArrayList<>();
      for (ColumnType type : ColumnType.values()) {
        if (type == ColumnType.INT || random.nextInt(3) > 0) {
          columns.add(type);
          nullable.add(random.nextInt(4) > 0);
        }
      }
      tables.add(new FuzzTable("t" + i, random.nextBoolean(), columns, nullable));
    }
    return tables;
  }
}
