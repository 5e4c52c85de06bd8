package io.pgtrickle.dvm.parse;

import java.util.List;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.validate.SqlNameMatcher;

/**
 * Asks {@code fallback} only for names {@code primary} does not know. Unlike a chain, it never offers
 * two definitions of one function (Calcite's typed {@code upper} and a catalog {@code upper}), which
 * would make overload resolution arbitrary.
 */
public final class FallbackOperatorTable implements SqlOperatorTable {
  private final SqlOperatorTable primary;
  private final SqlOperatorTable fallback;

  /** Consults {@code primary}, then {@code fallback} if it found nothing. */
  public FallbackOperatorTable(SqlOperatorTable primary, SqlOperatorTable fallback) {
    this.primary = primary;
    this.fallback = fallback;
  }

  @Override public void lookupOperatorOverloads(SqlIdentifier opName, SqlFunctionCategory category,
      SqlSyntax syntax, List<SqlOperator> operatorList, SqlNameMatcher nameMatcher) {
    int before = operatorList.size();
    primary.lookupOperatorOverloads(opName, category, syntax, operatorList, nameMatcher);
    if (operatorList.size() == before) {
      fallback.lookupOperatorOverloads(opName, category, syntax, operatorList, nameMatcher);
    }
  }

  @Override public List<SqlOperator> getOperatorList() {
    return primary.getOperatorList();
  }
}
