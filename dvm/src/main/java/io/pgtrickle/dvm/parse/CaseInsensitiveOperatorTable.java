package io.pgtrickle.dvm.parse;

import java.util.List;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.validate.SqlNameMatcher;
import org.apache.calcite.sql.validate.SqlNameMatchers;

/**
 * Looks functions up ignoring case. Our parser is case-sensitive for identifiers (PostgreSQL's
 * {@code "Foo"} is not {@code foo}), which Calcite also applies to function names; its library
 * defines {@code LENGTH}, {@code GREATEST}, … in upper case, so {@code length(x)} would not resolve
 * (calcite.md §2). PostgreSQL's own built-in function names are lower case, so nothing is lost.
 */
public final class CaseInsensitiveOperatorTable implements SqlOperatorTable {
  private final SqlOperatorTable delegate;

  /** Wraps {@code delegate}. */
  public CaseInsensitiveOperatorTable(SqlOperatorTable delegate) {
    this.delegate = delegate;
  }

  @Override public void lookupOperatorOverloads(SqlIdentifier opName, SqlFunctionCategory category,
      SqlSyntax syntax, List<SqlOperator> operatorList, SqlNameMatcher nameMatcher) {
    delegate.lookupOperatorOverloads(opName, category, syntax, operatorList,
        SqlNameMatchers.withCaseSensitive(false));
  }

  @Override public List<SqlOperator> getOperatorList() {
    return delegate.getOperatorList();
  }
}
