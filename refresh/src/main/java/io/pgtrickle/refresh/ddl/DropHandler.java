package io.pgtrickle.refresh.ddl;

import io.pgtrickle.refresh.api.DdlOutcome;
import io.pgtrickle.refresh.api.DropStreamTables;
import io.pgtrickle.refresh.api.QualifiedName;
import io.pgtrickle.refresh.catalog.Relation;
import io.pgtrickle.refresh.catalog.RelationResolver;
import io.pgtrickle.refresh.catalog.StreamTableCatalog;
import io.pgtrickle.refresh.catalog.StreamTableRow;
import io.pgtrickle.refresh.diff.DifferentialSetup;
import io.pgtrickle.refresh.immediate.ImmediateSetup;
import io.pgtrickle.refresh.sql.SqlStates;
import io.pgtrickle.refresh.sql.TransactionScope;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code DROP MATERIALIZED VIEW [IF EXISTS] name [, …] [CASCADE | RESTRICT]}, where names may mix
 * stream tables and plain materialized views; the whole list is one statement (one transaction or
 * savepoint).
 *
 * <ol>
 *   <li>Every name is resolved first: a missing one is 42P01 (a NOTICE with IF EXISTS).
 *   <li>Stream tables reading a dropped relation: with RESTRICT, 2BP01 {@code cannot drop stream table
 *       a because other objects depend on it} (DETAIL lists them, HINT suggests CASCADE); with CASCADE
 *       they join the drop set, recursively.
 *   <li>Everything is dropped dependents first: a stream table as {@code DROP TABLE … [CASCADE]} (the
 *       guard trigger goes with it; ordinary views on it behave as PostgreSQL decides), then its
 *       definition view and catalog rows (dependencies and history cascade); a plain materialized view
 *       with PostgreSQL's own {@code DROP MATERIALIZED VIEW … [CASCADE]}.
 *   <li>With CASCADE, stream tables that PostgreSQL's cascade reached indirectly (through ordinary
 *       views) are dropped too.
 * </ol>
 */
public final class DropHandler implements CommandHandler {

  private static final Logger LOG = System.getLogger(DropHandler.class.getName());

  private final DropStreamTables command;

  public DropHandler(DropStreamTables command) {
    this.command = command;
  }

  /** A relation to drop; {@code streamTable} null for a plain materialized view. */
  private record Target(Relation relation, StreamTableRow streamTable) {
    long relid() {
      return relation.oid();
    }

    String describe() {
      return Messages.kind(relation.relkind(), streamTable != null) + " " + relation.name();
    }
  }

  @Override
  public DdlOutcome handle(Connection connection, TransactionScope scope) throws SQLException {
    List<SQLWarning> warnings = new ArrayList<>();
    Map<Long, Target> targets = new LinkedHashMap<>();
    for (QualifiedName name : command.names()) {
      var relation = RelationResolver.resolve(connection, name);
      if (relation.isEmpty()) {
        if (!command.ifExists()) {
          throw Messages.materializedViewDoesNotExist(name);
        }
        warnings.add(Messages.materializedViewDoesNotExistSkipping(name));
        continue;
      }
      Relation r = relation.get();
      targets.putIfAbsent(
          r.oid(), new Target(r, StreamTableCatalog.lockByRelid(connection, r.oid()).orElse(null)));
    }
    addDependents(connection, targets);
    for (Target target : dropOrder(connection, targets)) {
      drop(connection, target);
    }
    if (command.cascade()) {
      OrphanSweeper.sweepBroken(connection);
    }
    return new DdlOutcome(0, warnings);
  }

  /** Stream tables that read a target: 2BP01 with RESTRICT, added (recursively) with CASCADE. */
  private void addDependents(Connection connection, Map<Long, Target> targets) throws SQLException {
    List<Long> frontier = new ArrayList<>(targets.keySet());
    while (!frontier.isEmpty()) {
      Map<Long, List<Long>> blocked = new LinkedHashMap<>();
      List<Long> added = new ArrayList<>();
      for (long[] edge : StreamTableCatalog.dependents(connection, frontier)) {
        long dependent = edge[0];
        long source = edge[1];
        if (targets.containsKey(dependent)) {
          continue;
        }
        if (!command.cascade()) {
          blocked.computeIfAbsent(source, k -> new ArrayList<>()).add(dependent);
          continue;
        }
        StreamTableRow row = StreamTableCatalog.lockByRelid(connection, dependent).orElse(null);
        Relation relation = RelationResolver.byOid(connection, dependent).orElse(null);
        if (row != null && relation != null) {
          targets.put(dependent, new Target(relation, row));
          added.add(dependent);
          LOG.log(Level.DEBUG, "drop cascades to stream table {0}", row.displayName());
        }
      }
      if (!blocked.isEmpty()) {
        throw dependentsExist(connection, targets, blocked);
      }
      frontier = added;
    }
  }

  private static SQLException dependentsExist(
      Connection connection, Map<Long, Target> targets, Map<Long, List<Long>> blocked)
      throws SQLException {
    Map.Entry<Long, List<Long>> first = blocked.entrySet().iterator().next();
    Target source = targets.get(first.getKey());
    List<String> lines = new ArrayList<>();
    for (Map.Entry<Long, List<Long>> entry : blocked.entrySet()) {
      Target src = targets.get(entry.getKey());
      for (long dependent : entry.getValue()) {
        String name =
            RelationResolver.byOid(connection, dependent).map(Relation::name).orElse("?");
        lines.add("stream table " + name + " depends on " + src.describe());
      }
    }
    return SqlStates.error(
        SqlStates.DEPENDENT_OBJECTS_STILL_EXIST,
        "cannot drop " + source.describe() + " because other objects depend on it",
        String.join("\n", lines),
        "Use DROP ... CASCADE to drop the dependent objects too.");
  }

  /** Targets ordered so that each comes before every target it reads. */
  private static List<Target> dropOrder(Connection connection, Map<Long, Target> targets)
      throws SQLException {
    Map<Long, Set<Long>> reads = new LinkedHashMap<>();
    for (Target target : targets.values()) {
      long ruleOwner =
          target.streamTable() == null
              ? target.relid()
              : target.streamTable().definitionViewRelid();
      reads.put(
          target.relid(),
          DependencyReader.sources(connection, ruleOwner).stream()
              .map(s -> s.dependency().sourceRelid())
              .collect(Collectors.toCollection(HashSet::new)));
    }
    List<Target> order = new ArrayList<>();
    List<Long> remaining = new ArrayList<>(targets.keySet());
    while (!remaining.isEmpty()) {
      Long next = remaining.get(0);
      for (Long candidate : remaining) {
        boolean readByOther =
            remaining.stream().anyMatch(o -> !o.equals(candidate) && reads.get(o).contains(candidate));
        if (!readByOther) {
          next = candidate;
          break;
        }
      }
      remaining.remove(next);
      order.add(targets.get(next));
    }
    return order;
  }

  private void drop(Connection connection, Target target) throws SQLException {
    String cascade = command.cascade() ? " CASCADE" : "";
    boolean exists = RelationResolver.byOid(connection, target.relid()).isPresent();
    try (Statement st = connection.createStatement()) {
      if (target.streamTable() == null) {
        if (exists) {
          st.execute("DROP MATERIALIZED VIEW " + target.relation().sql() + cascade);
        }
        return;
      }
      StreamTableRow row = target.streamTable();
      if (exists) {
        st.execute("DROP TABLE " + row.storageSql() + cascade);
      }
      DefinitionView.drop(connection, row.definitionViewName(), command.cascade());
      DifferentialSetup.dropped(connection, row.pgtId());
      ImmediateSetup.dropped(connection, row.pgtId());
      StreamTableCatalog.delete(connection, row.pgtId());
      LOG.log(Level.INFO, "dropped stream table {0}", row.displayName());
    }
  }
}
