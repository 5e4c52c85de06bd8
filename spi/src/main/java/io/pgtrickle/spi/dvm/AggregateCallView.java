package io.pgtrickle.spi.dvm;

import java.util.List;
import java.util.Optional;

/** An aggregate call as an {@link AggregateStrategy} sees it. */
public interface AggregateCallView {
  /** The function name, lower case as PostgreSQL knows it ({@code count}, {@code sum}, {@code avg}, …). */
  String functionName();

  /** The arguments, in order; empty for {@code count(*)}. */
  List<SqlExpression> arguments();

  /** {@code DISTINCT} inside the call. */
  boolean distinct();

  /** The {@code FILTER (WHERE …)} predicate, if any. */
  Optional<SqlExpression> filter();

  /** True when the call has {@code ORDER BY} inside ({@code string_agg(x, ',' ORDER BY x)}). */
  boolean ordered();

  /** The PostgreSQL type name of the result. */
  String resultTypeName();
}
