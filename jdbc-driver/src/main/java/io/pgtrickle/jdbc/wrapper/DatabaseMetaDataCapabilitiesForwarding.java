package io.pgtrickle.jdbc.wrapper;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;

/** Forwards the boolean capability methods of {@link DatabaseMetaData} to {@link #metaDataDelegate()}. */
public interface DatabaseMetaDataCapabilitiesForwarding extends DatabaseMetaData {

  /** The object every method of this interface forwards to. */
  DatabaseMetaData metaDataDelegate();

  default boolean allProceduresAreCallable() throws SQLException {
    return metaDataDelegate().allProceduresAreCallable();
  }

  default boolean allTablesAreSelectable() throws SQLException {
    return metaDataDelegate().allTablesAreSelectable();
  }

  default boolean autoCommitFailureClosesAllResultSets() throws SQLException {
    return metaDataDelegate().autoCommitFailureClosesAllResultSets();
  }

  default boolean dataDefinitionCausesTransactionCommit() throws SQLException {
    return metaDataDelegate().dataDefinitionCausesTransactionCommit();
  }

  default boolean dataDefinitionIgnoredInTransactions() throws SQLException {
    return metaDataDelegate().dataDefinitionIgnoredInTransactions();
  }

  default boolean deletesAreDetected(int type) throws SQLException {
    return metaDataDelegate().deletesAreDetected(type);
  }

  default boolean doesMaxRowSizeIncludeBlobs() throws SQLException {
    return metaDataDelegate().doesMaxRowSizeIncludeBlobs();
  }

  default boolean generatedKeyAlwaysReturned() throws SQLException {
    return metaDataDelegate().generatedKeyAlwaysReturned();
  }

  default boolean insertsAreDetected(int type) throws SQLException {
    return metaDataDelegate().insertsAreDetected(type);
  }

  default boolean isCatalogAtStart() throws SQLException {
    return metaDataDelegate().isCatalogAtStart();
  }

  default boolean isReadOnly() throws SQLException {
    return metaDataDelegate().isReadOnly();
  }

  default boolean locatorsUpdateCopy() throws SQLException {
    return metaDataDelegate().locatorsUpdateCopy();
  }

  default boolean nullPlusNonNullIsNull() throws SQLException {
    return metaDataDelegate().nullPlusNonNullIsNull();
  }

  default boolean nullsAreSortedAtEnd() throws SQLException {
    return metaDataDelegate().nullsAreSortedAtEnd();
  }

  default boolean nullsAreSortedAtStart() throws SQLException {
    return metaDataDelegate().nullsAreSortedAtStart();
  }

  default boolean nullsAreSortedHigh() throws SQLException {
    return metaDataDelegate().nullsAreSortedHigh();
  }

  default boolean nullsAreSortedLow() throws SQLException {
    return metaDataDelegate().nullsAreSortedLow();
  }

  default boolean othersDeletesAreVisible(int type) throws SQLException {
    return metaDataDelegate().othersDeletesAreVisible(type);
  }

  default boolean othersInsertsAreVisible(int type) throws SQLException {
    return metaDataDelegate().othersInsertsAreVisible(type);
  }

  default boolean othersUpdatesAreVisible(int type) throws SQLException {
    return metaDataDelegate().othersUpdatesAreVisible(type);
  }

  default boolean ownDeletesAreVisible(int type) throws SQLException {
    return metaDataDelegate().ownDeletesAreVisible(type);
  }

  default boolean ownInsertsAreVisible(int type) throws SQLException {
    return metaDataDelegate().ownInsertsAreVisible(type);
  }

  default boolean ownUpdatesAreVisible(int type) throws SQLException {
    return metaDataDelegate().ownUpdatesAreVisible(type);
  }

  default boolean storesLowerCaseIdentifiers() throws SQLException {
    return metaDataDelegate().storesLowerCaseIdentifiers();
  }

  default boolean storesLowerCaseQuotedIdentifiers() throws SQLException {
    return metaDataDelegate().storesLowerCaseQuotedIdentifiers();
  }

  default boolean storesMixedCaseIdentifiers() throws SQLException {
    return metaDataDelegate().storesMixedCaseIdentifiers();
  }

  default boolean storesMixedCaseQuotedIdentifiers() throws SQLException {
    return metaDataDelegate().storesMixedCaseQuotedIdentifiers();
  }

  default boolean storesUpperCaseIdentifiers() throws SQLException {
    return metaDataDelegate().storesUpperCaseIdentifiers();
  }

  default boolean storesUpperCaseQuotedIdentifiers() throws SQLException {
    return metaDataDelegate().storesUpperCaseQuotedIdentifiers();
  }

  default boolean supportsANSI92EntryLevelSQL() throws SQLException {
    return metaDataDelegate().supportsANSI92EntryLevelSQL();
  }

  default boolean supportsANSI92FullSQL() throws SQLException {
    return metaDataDelegate().supportsANSI92FullSQL();
  }

  default boolean supportsANSI92IntermediateSQL() throws SQLException {
    return metaDataDelegate().supportsANSI92IntermediateSQL();
  }

  default boolean supportsAlterTableWithAddColumn() throws SQLException {
    return metaDataDelegate().supportsAlterTableWithAddColumn();
  }

  default boolean supportsAlterTableWithDropColumn() throws SQLException {
    return metaDataDelegate().supportsAlterTableWithDropColumn();
  }

  default boolean supportsBatchUpdates() throws SQLException {
    return metaDataDelegate().supportsBatchUpdates();
  }

  default boolean supportsCatalogsInDataManipulation() throws SQLException {
    return metaDataDelegate().supportsCatalogsInDataManipulation();
  }

  default boolean supportsCatalogsInIndexDefinitions() throws SQLException {
    return metaDataDelegate().supportsCatalogsInIndexDefinitions();
  }

  default boolean supportsCatalogsInPrivilegeDefinitions() throws SQLException {
    return metaDataDelegate().supportsCatalogsInPrivilegeDefinitions();
  }

  default boolean supportsCatalogsInProcedureCalls() throws SQLException {
    return metaDataDelegate().supportsCatalogsInProcedureCalls();
  }

  default boolean supportsCatalogsInTableDefinitions() throws SQLException {
    return metaDataDelegate().supportsCatalogsInTableDefinitions();
  }

  default boolean supportsColumnAliasing() throws SQLException {
    return metaDataDelegate().supportsColumnAliasing();
  }

  default boolean supportsConvert() throws SQLException {
    return metaDataDelegate().supportsConvert();
  }

  default boolean supportsConvert(int fromType, int toType) throws SQLException {
    return metaDataDelegate().supportsConvert(fromType, toType);
  }

  default boolean supportsCoreSQLGrammar() throws SQLException {
    return metaDataDelegate().supportsCoreSQLGrammar();
  }

  default boolean supportsCorrelatedSubqueries() throws SQLException {
    return metaDataDelegate().supportsCorrelatedSubqueries();
  }

  default boolean supportsDataDefinitionAndDataManipulationTransactions() throws SQLException {
    return metaDataDelegate().supportsDataDefinitionAndDataManipulationTransactions();
  }

  default boolean supportsDataManipulationTransactionsOnly() throws SQLException {
    return metaDataDelegate().supportsDataManipulationTransactionsOnly();
  }

  default boolean supportsDifferentTableCorrelationNames() throws SQLException {
    return metaDataDelegate().supportsDifferentTableCorrelationNames();
  }

  default boolean supportsExpressionsInOrderBy() throws SQLException {
    return metaDataDelegate().supportsExpressionsInOrderBy();
  }

  default boolean supportsExtendedSQLGrammar() throws SQLException {
    return metaDataDelegate().supportsExtendedSQLGrammar();
  }

  default boolean supportsFullOuterJoins() throws SQLException {
    return metaDataDelegate().supportsFullOuterJoins();
  }

  default boolean supportsGetGeneratedKeys() throws SQLException {
    return metaDataDelegate().supportsGetGeneratedKeys();
  }

  default boolean supportsGroupBy() throws SQLException {
    return metaDataDelegate().supportsGroupBy();
  }

  default boolean supportsGroupByBeyondSelect() throws SQLException {
    return metaDataDelegate().supportsGroupByBeyondSelect();
  }

  default boolean supportsGroupByUnrelated() throws SQLException {
    return metaDataDelegate().supportsGroupByUnrelated();
  }

  default boolean supportsIntegrityEnhancementFacility() throws SQLException {
    return metaDataDelegate().supportsIntegrityEnhancementFacility();
  }

  default boolean supportsLikeEscapeClause() throws SQLException {
    return metaDataDelegate().supportsLikeEscapeClause();
  }

  default boolean supportsLimitedOuterJoins() throws SQLException {
    return metaDataDelegate().supportsLimitedOuterJoins();
  }

  default boolean supportsMinimumSQLGrammar() throws SQLException {
    return metaDataDelegate().supportsMinimumSQLGrammar();
  }

  default boolean supportsMixedCaseIdentifiers() throws SQLException {
    return metaDataDelegate().supportsMixedCaseIdentifiers();
  }

  default boolean supportsMixedCaseQuotedIdentifiers() throws SQLException {
    return metaDataDelegate().supportsMixedCaseQuotedIdentifiers();
  }

  default boolean supportsMultipleOpenResults() throws SQLException {
    return metaDataDelegate().supportsMultipleOpenResults();
  }

  default boolean supportsMultipleResultSets() throws SQLException {
    return metaDataDelegate().supportsMultipleResultSets();
  }

  default boolean supportsMultipleTransactions() throws SQLException {
    return metaDataDelegate().supportsMultipleTransactions();
  }

  default boolean supportsNamedParameters() throws SQLException {
    return metaDataDelegate().supportsNamedParameters();
  }

  default boolean supportsNonNullableColumns() throws SQLException {
    return metaDataDelegate().supportsNonNullableColumns();
  }

  default boolean supportsOpenCursorsAcrossCommit() throws SQLException {
    return metaDataDelegate().supportsOpenCursorsAcrossCommit();
  }

  default boolean supportsOpenCursorsAcrossRollback() throws SQLException {
    return metaDataDelegate().supportsOpenCursorsAcrossRollback();
  }

  default boolean supportsOpenStatementsAcrossCommit() throws SQLException {
    return metaDataDelegate().supportsOpenStatementsAcrossCommit();
  }

  default boolean supportsOpenStatementsAcrossRollback() throws SQLException {
    return metaDataDelegate().supportsOpenStatementsAcrossRollback();
  }

  default boolean supportsOrderByUnrelated() throws SQLException {
    return metaDataDelegate().supportsOrderByUnrelated();
  }

  default boolean supportsOuterJoins() throws SQLException {
    return metaDataDelegate().supportsOuterJoins();
  }

  default boolean supportsPositionedDelete() throws SQLException {
    return metaDataDelegate().supportsPositionedDelete();
  }

  default boolean supportsPositionedUpdate() throws SQLException {
    return metaDataDelegate().supportsPositionedUpdate();
  }

  default boolean supportsRefCursors() throws SQLException {
    return metaDataDelegate().supportsRefCursors();
  }

  default boolean supportsResultSetConcurrency(int type, int concurrency) throws SQLException {
    return metaDataDelegate().supportsResultSetConcurrency(type, concurrency);
  }

  default boolean supportsResultSetHoldability(int holdability) throws SQLException {
    return metaDataDelegate().supportsResultSetHoldability(holdability);
  }

  default boolean supportsResultSetType(int type) throws SQLException {
    return metaDataDelegate().supportsResultSetType(type);
  }

  default boolean supportsSavepoints() throws SQLException {
    return metaDataDelegate().supportsSavepoints();
  }

  default boolean supportsSchemasInDataManipulation() throws SQLException {
    return metaDataDelegate().supportsSchemasInDataManipulation();
  }

  default boolean supportsSchemasInIndexDefinitions() throws SQLException {
    return metaDataDelegate().supportsSchemasInIndexDefinitions();
  }

  default boolean supportsSchemasInPrivilegeDefinitions() throws SQLException {
    return metaDataDelegate().supportsSchemasInPrivilegeDefinitions();
  }

  default boolean supportsSchemasInProcedureCalls() throws SQLException {
    return metaDataDelegate().supportsSchemasInProcedureCalls();
  }

  default boolean supportsSchemasInTableDefinitions() throws SQLException {
    return metaDataDelegate().supportsSchemasInTableDefinitions();
  }

  default boolean supportsSelectForUpdate() throws SQLException {
    return metaDataDelegate().supportsSelectForUpdate();
  }

  default boolean supportsSharding() throws SQLException {
    return metaDataDelegate().supportsSharding();
  }

  default boolean supportsStatementPooling() throws SQLException {
    return metaDataDelegate().supportsStatementPooling();
  }

  default boolean supportsStoredFunctionsUsingCallSyntax() throws SQLException {
    return metaDataDelegate().supportsStoredFunctionsUsingCallSyntax();
  }

  default boolean supportsStoredProcedures() throws SQLException {
    return metaDataDelegate().supportsStoredProcedures();
  }

  default boolean supportsSubqueriesInComparisons() throws SQLException {
    return metaDataDelegate().supportsSubqueriesInComparisons();
  }

  default boolean supportsSubqueriesInExists() throws SQLException {
    return metaDataDelegate().supportsSubqueriesInExists();
  }

  default boolean supportsSubqueriesInIns() throws SQLException {
    return metaDataDelegate().supportsSubqueriesInIns();
  }

  default boolean supportsSubqueriesInQuantifieds() throws SQLException {
    return metaDataDelegate().supportsSubqueriesInQuantifieds();
  }

  default boolean supportsTableCorrelationNames() throws SQLException {
    return metaDataDelegate().supportsTableCorrelationNames();
  }

  default boolean supportsTransactionIsolationLevel(int level) throws SQLException {
    return metaDataDelegate().supportsTransactionIsolationLevel(level);
  }

  default boolean supportsTransactions() throws SQLException {
    return metaDataDelegate().supportsTransactions();
  }

  default boolean supportsUnion() throws SQLException {
    return metaDataDelegate().supportsUnion();
  }

  default boolean supportsUnionAll() throws SQLException {
    return metaDataDelegate().supportsUnionAll();
  }

  default boolean updatesAreDetected(int type) throws SQLException {
    return metaDataDelegate().updatesAreDetected(type);
  }

  default boolean usesLocalFilePerTable() throws SQLException {
    return metaDataDelegate().usesLocalFilePerTable();
  }

  default boolean usesLocalFiles() throws SQLException {
    return metaDataDelegate().usesLocalFiles();
  }
}
