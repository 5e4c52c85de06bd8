package io.pgtrickle.corpus.fuzz;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The operator kinds a generated query uses, read from its text (the generator's fixed spelling), so a
 * campaign can report how often each kind ran and how often it was maintained differentially.
 */
final class OperatorTags {

  private static final Map<String, Pattern> TAGS = new LinkedHashMap<>();

  static {
    tag("inner join", "(?<!LEFT |RIGHT |FULL )JOIN ");
    tag("left join", "LEFT JOIN ");
    tag("right join", "RIGHT JOIN ");
    tag("full join", "FULL JOIN ");
    tag("nested join", "JOIN \\(t\\d");
    tag("self join", "\\b(t\\d) a\\d+\\b.*\\b\\1 a\\d+ ON\\b");
    tag("distinct", "SELECT DISTINCT ");
    tag("group by", "GROUP BY ");
    tag("ungrouped aggregate", "^SELECT (?!.*GROUP BY).*\\b(count|sum|min|max|avg|bool_and|bool_or)\\(");
    tag("having", "HAVING ");
    tag("aggregate filter", "\\) FILTER \\(WHERE ");
    tag("count distinct", "count\\(DISTINCT ");
    tag("avg", "\\bavg\\(");
    tag("bool_and/bool_or", "\\bbool_(and|or)\\(");
    tag("min/max", "\\b(min|max)\\(");
    tag("exists", "(?<!NOT )EXISTS \\(SELECT");
    tag("not exists", "NOT EXISTS \\(SELECT");
    tag("in subquery", "(?<!NOT )IN \\(SELECT");
    tag("not in subquery", "NOT IN \\(SELECT");
    tag("scalar subquery", "> \\(SELECT min\\(");
    tag("correlated scalar subquery", ">= \\(SELECT (avg|max|sum)\\(");
    tag("union", "UNION (?!ALL)");
    tag("union all", "UNION ALL ");
    tag("intersect", "INTERSECT (?!ALL)");
    tag("intersect all", "INTERSECT ALL ");
    tag("except", "EXCEPT (?!ALL)");
    tag("except all", "EXCEPT ALL ");
    tag("derived table", "FROM \\(SELECT ");
    tag("or", " OR ");
    tag("not (…)", "NOT \\(");
    tag("is [not] null", " IS (NOT )?NULL");
    tag("is distinct from", " IS DISTINCT FROM ");
    tag("not in list", "NOT IN \\((?!SELECT)");
    tag("case", "CASE WHEN ");
    tag("coalesce", "coalesce\\(");
  }

  private OperatorTags() {}

  private static void tag(String name, String regex) {
    TAGS.put(name, Pattern.compile(regex));
  }

  /** The tags of {@code query}, in report order. */
  static Set<String> of(String query) {
    Set<String> tags = new TreeSet<>((a, b) -> order(a) - order(b));
    TAGS.forEach((name, pattern) -> {
      if (pattern.matcher(query).find()) {
        tags.add(name);
      }
    });
    return tags;
  }

  /** Every tag, in report order. */
  static Set<String> all() {
    return TAGS.keySet();
  }

  private static int order(String tag) {
    int i = 0;
    for (String name : TAGS.keySet()) {
      if (name.equals(tag)) {
        return i;
      }
      i++;
    }
    return i;
  }
}
