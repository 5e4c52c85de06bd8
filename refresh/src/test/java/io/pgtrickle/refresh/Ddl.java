package io.pgtrickle.refresh;

import io.pgtrickle.refresh.api.AlterStreamTable;
import io.pgtrickle.refresh.api.CreateStreamTable;
import io.pgtrickle.refresh.api.DdlOutcome;
import io.pgtrickle.refresh.api.DropStreamTables;
import io.pgtrickle.refresh.api.OptionSetting;
import io.pgtrickle.refresh.api.QualifiedName;
import io.pgtrickle.refresh.api.RefreshStreamTable;
import io.pgtrickle.refresh.api.StreamTableCommand;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/** Builds engine commands the way the driver would, and runs them. */
final class Ddl {

  static final PgTrickleEngine ENGINE = new PgTrickleEngine();

  private Ddl() {}

  static QualifiedName name(String dotted) {
    int dot = dotted.indexOf('.');
    return dot < 0
        ? QualifiedName.unqualified(dotted)
        : QualifiedName.of(dotted.substring(0, dot), dotted.substring(dot + 1));
  }

  static OptionSetting opt(String name, String value) {
    return OptionSetting.of(name, value);
  }

  static CreateStreamTable create(String name, String query, OptionSetting... options) {
    return new CreateStreamTable(name(name), false, List.of(), Arrays.asList(options), List.of(),
        query, true, "CREATE MATERIALIZED VIEW " + name + " WITH (pgtrickle.stream = true) AS " + query);
  }

  static CreateStreamTable createNoData(String name, String query) {
    return new CreateStreamTable(name(name), false, List.of(), List.of(), List.of(), query, false,
        "CREATE MATERIALIZED VIEW " + name + " WITH (pgtrickle.stream = true) AS " + query
            + " WITH NO DATA");
  }

  static RefreshStreamTable refresh(String name) {
    return new RefreshStreamTable(name(name), false, true, "REFRESH MATERIALIZED VIEW " + name);
  }

  static RefreshStreamTable refreshNoData(String name) {
    return new RefreshStreamTable(name(name), false, false,
        "REFRESH MATERIALIZED VIEW " + name + " WITH NO DATA");
  }

  static AlterStreamTable alterSet(String name, OptionSetting... options) {
    return new AlterStreamTable(name(name), false, Arrays.asList(options), List.of(), List.of(),
        List.of(), "ALTER MATERIALIZED VIEW " + name + " SET (…)");
  }

  static AlterStreamTable alterReset(String name, String... options) {
    return new AlterStreamTable(name(name), false, List.of(), Arrays.asList(options), List.of(),
        List.of(), "ALTER MATERIALIZED VIEW " + name + " RESET (…)");
  }

  static DropStreamTables drop(boolean cascade, String... names) {
    return new DropStreamTables(Arrays.stream(names).map(Ddl::name).toList(), false, cascade,
        "DROP MATERIALIZED VIEW " + String.join(", ", names) + (cascade ? " CASCADE" : ""));
  }

  static DdlOutcome run(Connection c, StreamTableCommand command) throws SQLException {
    return ENGINE.execute(c, command);
  }
}
