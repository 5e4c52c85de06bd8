package io.pgtrickle.dvm.delta.sql;

import java.util.List;

/**
 * Something usable in a FROM clause (a relation or CTE name, or a parenthesised subquery) and the
 * names of its columns, in order.
 *
 * @param from the FROM item, without alias
 * @param columns its column names, quoted as needed
 */
public record RelationRef(String from, List<String> columns) {
  public RelationRef {
    columns = List.copyOf(columns);
  }
}
