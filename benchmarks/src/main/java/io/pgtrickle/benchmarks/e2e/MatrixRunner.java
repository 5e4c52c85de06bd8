package io.pgtrickle.benchmarks.e2e;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs one base size: creates the data and every (scenario, method) copy, then for each change size runs
 * cycles of "apply one batch, refresh every copy" (methods in rotating order, all on the same batch),
 * with the no-change refreshes after the first change size, then drops everything.
 */
final class MatrixRunner {
  private static final Logger LOG = System.getLogger(MatrixRunner.class.getName());
  private static final int CHECK_FLOOR_UP_TO = 200_000;
  private static final int NO_CHANGE_FULL_ROUNDS = 2;

  /** One change size of a size's plan: a label, rows per batch and the report section. */
  record Change(String section, String label, int rows, List<String> scenarios) {}

  private final Db db;
  private final BenchConfig config;
  private final Deadline run;
  private final Results results;
  private double seed = 0.1;

  MatrixRunner(Db db, BenchConfig config, Deadline run, Results results) {
    this.db = db;
    this.config = config;
    this.run = run;
    this.results = results;
  }

  void runSize(int baseRows, List<Scenario> scenarios, List<Change> changes, boolean noChange) throws SQLException {
    if (run.expired()) {
      results.note("skipped base " + baseRows + ": the run's time budget was spent");
      return;
    }
    LOG.log(Level.INFO, "base {0} rows: creating data and {1} scenarios", baseRows, scenarios.size());
    boolean tpch = scenarios.stream().anyMatch(Scenario::tpch);
    Workload.create(db.plain, baseRows, tpch);
    Map<Scenario, List<Target>> targets = new LinkedHashMap<>();
    try {
      for (Scenario s : scenarios) {
        List<Target> list = new ArrayList<>();
        targets.put(s, list);
        for (Method m : Method.values()) {
          Target t = Target.create(db, s, m);
          list.add(t);
          if (!t.available()) {
            results.note(m.label() + " " + s.name() + ": " + t.unavailable());
          }
        }
      }
      Map<String, ChangeApplier> appliers = new LinkedHashMap<>();
      appliers.put("src", new ChangeApplier(db.plain, Workload.SRC));
      if (tpch) {
        appliers.put("lineitem", new ChangeApplier(db.plain, Workload.lineitem(baseRows)));
      }
      // no-change latency right after the first change size, so a run cut short by its budget still has it
      for (int i = 0; i < changes.size(); i++) {
        runChange(baseRows, changes.get(i), targets, appliers);
        if (noChange && i == 0) {
          runNoChange(baseRows, targets);
        }
      }
      if (noChange && changes.isEmpty()) {
        runNoChange(baseRows, targets);
      }
    } finally {
      for (List<Target> list : targets.values()) {
        for (Target t : list) {
          t.drop(db);
        }
      }
    }
  }

  private void runChange(int baseRows, Change change, Map<Scenario, List<Target>> all,
      Map<String, ChangeApplier> appliers) throws SQLException {
    if (run.expired()) {
      results.note("skipped " + change.section() + " " + change.label() + " at base " + baseRows + ": run budget spent");
      return;
    }
    Map<Scenario, List<Target>> selected = new LinkedHashMap<>();
    all.forEach((s, list) -> {
      if (change.scenarios().contains(s.name())) {
        selected.put(s, list);
      }
    });
    if (selected.isEmpty()) {
      return;
    }
    Map<Scenario, List<Target>> targets = selected;
    Deadline cell = Deadline.in(config.cellBudget().multipliedBy(targets.size())).min(run);
    Map<Scenario, Map<Method, Samples>> samples = newSamples(targets);
    List<ChangeApplier> used = appliers.values().stream()
        .filter(a -> targets.keySet().stream().anyMatch(s -> s.source().equals(a.table().table()))).toList();
    Map<String, ChangeApplier.Batch> first = new LinkedHashMap<>();
    int cycles = 0;
    for (int cycle = 0; cycle < config.cycles() && (cycle == 0 || !cell.expired()); cycle++) {
      for (ChangeApplier a : used) {
        ChangeApplier.Batch batch = a.apply(db.plain, change.rows(), seed = ChangeApplier.nextSeed(seed));
        first.putIfAbsent(a.table().table(), batch);
      }
      refreshAll(targets, samples, cycle, Set.of(Method.values()));
      for (ChangeApplier a : used) {
        a.clearDelta(db.plain);
      }
      cycles++;
    }
    if (cycles < config.cycles()) {
      results.note(change.section() + " " + change.label() + " at base " + baseRows + ": " + cycles
          + " of " + config.cycles() + " cycles (cell time budget)");
    }
    for (Map.Entry<Scenario, List<Target>> e : targets.entrySet()) {
      ChangeApplier.Batch b = first.get(e.getKey().source());
      results.cells.add(new Results.Cell(change.section(), e.getKey().name(), baseRows, change.label(), b.total(),
          b.updated(), b.deleted(), b.inserted(), figures(e.getValue(), samples.get(e.getKey()))));
      if (baseRows <= CHECK_FLOOR_UP_TO) {
        checkFloor(e.getValue());
      }
    }
    LOG.log(Level.INFO, "{0} {1} at base {2}: {3} cycles", change.section(), change.label(), baseRows, cycles);
  }

  private void runNoChange(int baseRows, Map<Scenario, List<Target>> targets) throws SQLException {
    if (run.expired()) {
      results.note("skipped no-change latency at base " + baseRows + ": run budget spent");
      return;
    }
    Map<Scenario, Map<Method, Samples>> samples = newSamples(targets);
    // FULL and REFRESH MV recompute everything whether or not anything changed: two rounds of them suffice
    for (int i = 0; i < config.noChangeRepeats() && (i == 0 || !run.expired()); i++) {
      refreshAll(targets, samples, i, i < NO_CHANGE_FULL_ROUNDS ? Set.of(Method.values())
          : Set.of(Method.DIFF, Method.AUTO, Method.FLOOR));
    }
    for (Map.Entry<Scenario, List<Target>> e : targets.entrySet()) {
      results.cells.add(new Results.Cell("no-change", e.getKey().name(), baseRows, "none", 0, 0, 0, 0,
          figures(e.getValue(), samples.get(e.getKey()))));
    }
  }

  /** Refreshes every available copy once; the method order rotates with {@code round}. */
  private void refreshAll(Map<Scenario, List<Target>> targets, Map<Scenario, Map<Method, Samples>> samples,
      int round, Set<Method> methods) throws SQLException {
    for (Map.Entry<Scenario, List<Target>> e : targets.entrySet()) {
      List<Target> list = e.getValue();
      for (int k = 0; k < list.size(); k++) {
        Target t = list.get((k + round) % list.size());
        if (t.available() && methods.contains(t.method)) {
          Target.Refresh r = t.refresh(db);
          samples.get(e.getKey()).get(t.method).add(r.millis(), r.rowsInserted(), r.rowsDeleted(), r.strategy());
        }
      }
    }
  }

  private void checkFloor(List<Target> list) throws SQLException {
    for (Target t : list) {
      if (t.method == Method.FLOOR) {
        long bad = t.floorMismatches(db);
        if (bad != 0) {
          results.note("floor of " + t.scenario.name() + " differs from its query by " + bad + " rows (harness bug)");
        }
      }
    }
  }

  private static Map<Scenario, Map<Method, Samples>> newSamples(Map<Scenario, List<Target>> targets) {
    Map<Scenario, Map<Method, Samples>> m = new LinkedHashMap<>();
    for (Scenario s : targets.keySet()) {
      Map<Method, Samples> byMethod = new EnumMap<>(Method.class);
      for (Method method : Method.values()) {
        byMethod.put(method, new Samples());
      }
      m.put(s, byMethod);
    }
    return m;
  }

  private static Map<Method, Results.MethodFigures> figures(List<Target> list, Map<Method, Samples> samples) {
    Map<Method, Results.MethodFigures> f = new EnumMap<>(Method.class);
    for (Target t : list) {
      f.put(t.method, t.available() ? Results.MethodFigures.of(t.method, samples.get(t.method))
          : Results.MethodFigures.missing(t.method, t.unavailable()));
    }
    return f;
  }
}
