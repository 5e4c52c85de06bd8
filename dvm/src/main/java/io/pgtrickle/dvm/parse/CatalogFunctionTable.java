package io.pgtrickle.dvm.parse;

import io.pgtrickle.dvm.calcite.PgTypeMapping;
import io.pgtrickle.dvm.catalog.CatalogReader;
import io.pgtrickle.dvm.catalog.PgFunction;
import io.pgtrickle.dvm.catalog.PgType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.fun.SqlBasicAggFunction;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlNameMatcher;

/**
 * Functions from {@code pg_proc}, looked up lazily by name through the {@link CatalogReader}: one
 * {@link PgCatalogFunction} per argument count. The result type is the overloads' common return
 * type, or an unknown (ANY) type when they differ; PostgreSQL's own output types decide in the end.
 * User-defined aggregates are offered too (as plain aggregate functions, maintained later by group
 * rescan); window functions and procedures are not.
 */
public final class CatalogFunctionTable implements SqlOperatorTable {
  private final CatalogReader catalog;

  /** Resolves through {@code catalog}. */
  public CatalogFunctionTable(CatalogReader catalog) {
    this.catalog = catalog;
  }

  @Override public void lookupOperatorOverloads(SqlIdentifier opName, SqlFunctionCategory category,
      SqlSyntax syntax, List<SqlOperator> operatorList, SqlNameMatcher nameMatcher) {
    if (syntax != SqlSyntax.FUNCTION || !opName.isSimple()) {
      return;
    }
    String name = opName.getSimple();
    List<PgFunction> all = catalog.functions(name);
    byArity(all, 'f').forEach((arity, overloads) -> operatorList.add(new PgCatalogFunction(name, arity, overloads,
        binding -> returnType(binding.getTypeFactory(), overloads))));
    byArity(all, 'a').forEach((arity, overloads) -> operatorList.add(SqlBasicAggFunction.create(name,
        SqlKind.OTHER_FUNCTION, binding -> returnType(binding.getTypeFactory(), overloads),
        OperandTypes.repeat(SqlOperandCountRanges.of(arity), OperandTypes.ANY))));
  }

  private static Map<Integer, List<PgFunction>> byArity(List<PgFunction> functions, char kind) {
    return functions.stream().filter(f -> f.kind() == kind)
        .collect(Collectors.groupingBy(f -> f.argumentTypeOids().size(), TreeMap::new, Collectors.toList()));
  }

  private RelDataType returnType(org.apache.calcite.rel.type.RelDataTypeFactory f, List<PgFunction> overloads) {
    List<Long> returnOids = overloads.stream().map(PgFunction::returnTypeOid).distinct().toList();
    Optional<PgType> type = returnOids.size() == 1 ? catalog.type(returnOids.get(0)) : Optional.empty();
    return type.map(t -> PgTypeMapping.toRelType(f, t, -1, true))
        .orElseGet(() -> f.createTypeWithNullability(f.createSqlType(SqlTypeName.ANY), true));
  }

  @Override public List<SqlOperator> getOperatorList() {
    return List.of();
  }
}
