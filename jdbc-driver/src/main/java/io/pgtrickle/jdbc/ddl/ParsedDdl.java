package io.pgtrickle.jdbc.ddl;

import io.pgtrickle.refresh.api.QualifiedName;
import io.pgtrickle.refresh.api.StreamTableCommand;
import java.util.List;

/** What {@link DdlParser} made of one statement, and so what the driver does with it. */
public sealed interface ParsedDdl {

  /** Not a stream-table statement: it goes to PostgreSQL exactly as written. */
  record NotStreamDdl() implements ParsedDdl {
    public static final NotStreamDdl INSTANCE = new NotStreamDdl();
  }

  /**
   * {@code CREATE MATERIALIZED VIEW … WITH (pgtrickle.stream = false …)}: a plain materialized view;
   * {@code statementText} is the statement's text with the {@code pgtrickle.stream} item (and the
   * {@code WITH (…)} clause, when it was the only item) cut out, everything else byte for byte.
   */
  record PlainMaterializedView(String statementText) implements ParsedDdl {}

  /** Certainly a stream-table statement (it names {@code pgtrickle.*} options): for the engine. */
  record StreamDdl(StreamTableCommand command) implements ParsedDdl {}

  /**
   * {@code REFRESH / DROP / ALTER … SET|RESET} without {@code pgtrickle.*} options: for the engine
   * when one of {@code names} is a stream table at the time it runs, else for PostgreSQL as written.
   */
  record StreamDdlIfStreamTable(List<QualifiedName> names, StreamTableCommand command)
      implements ParsedDdl {
    public StreamDdlIfStreamTable {
      names = List.copyOf(names);
    }
  }

  /**
   * {@code ALTER|DROP TABLE|VIEW|SCHEMA …} (also {@code FOREIGN TABLE}): goes to PostgreSQL as
   * written; afterwards, in the same transaction, the engine rebuilds the stream tables whose sources
   * it renamed or altered ({@code StreamTableEngine.sourcesAltered}).
   */
  record SourceDdl() implements ParsedDdl {
    public static final SourceDdl INSTANCE = new SourceDdl();
  }

  /**
   * An {@code ALTER MATERIALIZED VIEW} form that stream tables do not support (e.g. {@code RENAME}):
   * refused with SQLSTATE 0A000 when {@code name} is a stream table, else for PostgreSQL as written.
   */
  record UnsupportedOnStreamTable(QualifiedName name, String form) implements ParsedDdl {}
}
