package io.pgtrickle.dvm.analysis;

import io.pgtrickle.dvm.calcite.PgRexBuilder;
import io.pgtrickle.dvm.calcite.PgSchemas;
import io.pgtrickle.dvm.calcite.SearchPathCatalogReader;
import io.pgtrickle.dvm.calcite.PgTypeFactory;
import io.pgtrickle.dvm.catalog.CatalogReader;
import io.pgtrickle.dvm.parse.CaseInsensitiveOperatorTable;
import io.pgtrickle.dvm.parse.CatalogFunctionTable;
import io.pgtrickle.dvm.parse.ExtractAsNumeric;
import io.pgtrickle.dvm.parse.FallbackOperatorTable;
import io.pgtrickle.dvm.parse.PgOperators;
import io.pgtrickle.dvm.parse.PgSqlParser;
import org.apache.calcite.config.NullCollation;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.fun.SqlLibrary;
import org.apache.calcite.sql.fun.SqlLibraryOperatorTableFactory;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorUtil;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import io.pgtrickle.dvm.calcite.PgConvertletTable;

/**
 * Parse → validate → {@link RelRoot}, configured for PostgreSQL as research/calcite.md recommends:
 * our generated parser ({@link PgSqlParser}), Calcite's standard + POSTGRESQL operator library
 * looked up case-insensitively, our pgvector/jsonb operators, {@code pg_proc} functions as a
 * fallback, schemas resolved lazily from the {@link CatalogReader}, LENIENT conformance, NULLs
 * sorting high as in PostgreSQL, EXTRACT typed numeric ({@link ExtractAsNumeric}), no validator call rewrites (COALESCE/NULLIF stay calls, see
 * {@code PgConvertletTable}), no RelBuilder simplification (it drops casts to PostgreSQL-named types
 * such as {@code '[1,2,3]'::vector}), and {@code SqlToRelConverter} with {@code expand=false} (sub-queries
 * stay {@code RexSubQuery} for our own semi/anti-join lowering) and unused-field trimming (so scans
 * list only the columns the query references); then WHERE conjuncts move into the joins
 * ({@link FilterPushdown}).
 */
final class CalcitePipeline {
  private static final SqlOperatorTable BUILTIN_OPERATORS = new CaseInsensitiveOperatorTable(
      SqlOperatorTables.chain(PgOperators.TABLE,
          SqlLibraryOperatorTableFactory.INSTANCE.getOperatorTable(SqlLibrary.STANDARD, SqlLibrary.POSTGRESQL)));

  private CalcitePipeline() {}

  /** The validated, converted query. Throws with a user-facing reason when Calcite cannot. */
  static RelRoot toRel(String sql, CatalogReader catalog) throws UnsupportedQueryException {
    SqlNode parsed;
    try {
      parsed = ExtractAsNumeric.rewrite(PgSqlParser.parseQuery(sql));
    } catch (SqlParseException e) {
      throw new UnsupportedQueryException("syntax the analyzer does not understand: " + firstLine(e.getMessage()), e);
    }
    RelDataTypeFactory typeFactory = new PgTypeFactory();
    CalciteSchema root = CalciteSchema.createRootSchema(false, false, "", PgSchemas.root(catalog));
    PgSchemas.registerTypeNames(parsed, root, catalog);
    CalciteCatalogReader catalogReader = new SearchPathCatalogReader(root, catalog.searchPath(), typeFactory);
    SqlOperatorTable operators = new FallbackOperatorTable(BUILTIN_OPERATORS, new CatalogFunctionTable(catalog));
    SqlValidator validator = SqlValidatorUtil.newValidator(operators, catalogReader, typeFactory,
        SqlValidator.Config.DEFAULT
            .withConformance(SqlConformanceEnum.LENIENT)
            .withDefaultNullCollation(NullCollation.HIGH)
            .withIdentifierExpansion(true)
            .withCallRewrite(false));
    SqlNode validated;
    try {
      validated = validator.validate(parsed);
    } catch (CalciteContextException e) {
      throw new UnsupportedQueryException("analysis failed: " + firstLine(e.getMessage()), e);
    } catch (RuntimeException e) {
      throw new UnsupportedQueryException("analysis failed: " + firstLine(String.valueOf(e.getMessage())), e);
    }
    RelOptCluster cluster = RelOptCluster.create(new HepPlanner(HepProgram.builder().build()),
        new PgRexBuilder(typeFactory));
    SqlToRelConverter converter = new SqlToRelConverter(
        (rowType, queryString, schemaPath, viewPath) -> {
          throw new UnsupportedOperationException("views are read as relations");
        },
        validator, catalogReader, cluster, PgConvertletTable.INSTANCE,
        SqlToRelConverter.config().withExpand(false).withTrimUnusedFields(true)
            .withRelBuilderConfigTransform(c -> c.withSimplify(false)));
    try {
      RelRoot relRoot = converter.convertQuery(validated, false, true);
      return relRoot.withRel(FilterPushdown.apply(converter.trimUnusedFields(true, relRoot.rel)));
    } catch (RuntimeException | AssertionError e) {
      throw new UnsupportedQueryException("conversion failed: " + firstLine(String.valueOf(e.getMessage())), e);
    }
  }

  private static String firstLine(String message) {
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
