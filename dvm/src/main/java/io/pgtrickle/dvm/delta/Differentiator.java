package io.pgtrickle.dvm.delta;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.pgtrickle.dvm.analysis.AnalysisResult;
import io.pgtrickle.dvm.analysis.UnsupportedQueryException;
import io.pgtrickle.dvm.delta.sql.OperatorSql;
import io.pgtrickle.dvm.delta.sql.RelationRef;
import io.pgtrickle.dvm.delta.sql.Sql;
import io.pgtrickle.dvm.plan.Column;
import io.pgtrickle.dvm.plan.PlanNode;
import io.pgtrickle.dvm.plan.PlanPrinter;
import io.pgtrickle.dvm.plan.Project;
import io.pgtrickle.dvm.plan.Scan;
import io.pgtrickle.spi.dvm.DeltaRule;
import io.pgtrickle.spi.dvm.DeltaSql;
import io.pgtrickle.spi.dvm.InputRelations;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.calcite.rex.RexInputRef;

/**
 * Differentiates an analysed query into one delta statement.
 *
 * <p>The tree is walked bottom-up. Every node is given a {@link io.pgtrickle.spi.dvm.DeltaContext}:
 * for each input its delta, before and after relations ({@link InputRelations}; for a scan, the one
 * input is its bound source), fresh CTE names and its output column names (positional
 * {@code "c0", "c1", …} below the root; the stream table's column names at the root). The first
 * {@link DeltaRule} (from {@code ServiceLoader}) that accepts the node emits CTEs for its delta.
 * A node's after relation is the node over its inputs' after relations (so, transitively, the
 * subtree over the live sources); its before relation is the same over the sources' before states
 * (see {@link SourceStates}). Both are offered as {@code NOT MATERIALIZED} CTEs and emitted only if a
 * rule uses them. The statement's result is the root's delta consolidated: grouped by all output
 * columns, weights summed, zero sums dropped.
 *
 * <p>When the root's rule is a {@link StatefulRootRule} that keeps hidden state, the delta and the
 * plan carry its hidden columns after the user columns; a root projection that merely reorders the
 * columns of such an operator (say {@code SELECT count(*) AS n, g … GROUP BY g}) is skipped, the
 * operator taking the stream table's column names.
 *
 * <p>Thread-safe; emitted plans are cached by (analysis identity, stored result, bindings' SQL).
 */
public final class Differentiator {
  private static final Logger LOG = System.getLogger(Differentiator.class.getName());
  private static final long CACHE_ENTRIES = 2_000;

  /** Rules are looked up once per class loader; instances are cheap and share the plan cache. */
  private static final class Shared {
    static final RuleRegistry RULES = RuleRegistry.load();
    static final Cache<PlanKey, DeltaPlan> CACHE = newCache();
  }

  private final RuleRegistry rules;
  private final Cache<PlanKey, DeltaPlan> cache;

  /**
   * Rules from {@code ServiceLoader<DeltaRule>}, in registration order. Every instance made this way
   * shares one rule list and one plan cache, so creating one per refresh costs nothing.
   */
  public Differentiator() {
    this.rules = Shared.RULES;
    this.cache = Shared.CACHE;
  }

  /** With explicit rules and a private cache (tests). */
  Differentiator(RuleRegistry rules) {
    this.rules = rules;
    this.cache = newCache();
    LOG.log(Level.DEBUG, () -> rules.size() + " delta rules");
  }

  private static Cache<PlanKey, DeltaPlan> newCache() {
    return Caffeine.newBuilder().maximumSize(CACHE_ENTRIES).build();
  }

  /**
   * The delta plan of {@code analysis}.
   *
   * @param storedResult the stream table, schema-qualified and quoted: the query's result as of the
   *     previous refresh (root rules may read old rows from it)
   * @param sources how each scan reads its source's changes and current contents
   * @throws UnsupportedQueryException when no rule handles some operator; the message names the construct
   */
  public DeltaPlan differentiate(AnalysisResult.Supported analysis, String storedResult, SourceBindings sources)
      throws UnsupportedQueryException {
    return differentiate(analysis, storedResult, sources, true);
  }

  /**
   * Like {@link #differentiate(AnalysisResult.Supported, String, SourceBindings)}; with
   * {@code hiddenState} false no rule keeps hidden state columns in the stream table (its stored
   * result holds the user columns only), e.g. for a maintenance path that does not store them.
   */
  public DeltaPlan differentiate(AnalysisResult.Supported analysis, String storedResult, SourceBindings sources,
      boolean hiddenState) throws UnsupportedQueryException {
    PlanKey key = PlanKey.of(analysis, storedResult + (hiddenState ? "" : " (no hidden state)"), sources);
    DeltaPlan cached = cache.getIfPresent(key);
    if (cached != null) {
      return cached;
    }
    DeltaPlan plan = build(analysis, storedResult, sources, hiddenState);
    cache.put(key, plan);
    return plan;
  }

  private DeltaPlan build(AnalysisResult.Supported analysis, String storedResult, SourceBindings sources,
      boolean hiddenState) throws UnsupportedQueryException {
    List<String> names = analysis.outputColumns().stream().map(Column::name).toList();
    Set<String> seen = new HashSet<>();
    for (String n : names) {
      if (!seen.add(n)) {
        throw new UnsupportedQueryException("output column \"" + n + "\" specified more than once");
      }
    }
    List<String> out = names.stream().map(Sql::quote).toList();
    // a root that only reorders the columns of a stateful operator: that operator is the root
    PlanNode top = analysis.root();
    List<String> topOut = out;
    Optional<StatefulRootRule.RootState> state = hiddenState ? rootState(top, sources, topOut) : Optional.empty();
    Optional<List<Integer>> permutation = permutation(top);
    if (hiddenState && state.isEmpty() && permutation.isPresent()) {
      List<String> permuted = new ArrayList<>(out);
      for (int i = 0; i < out.size(); i++) {
        permuted.set(permutation.get().get(i), out.get(i));
      }
      state = rootState(top.inputs().get(0), sources, permuted).map(s -> {
        // the state query in the stream table's column order
        List<String> ordered = new ArrayList<>(out);
        ordered.addAll(s.hiddenColumns());
        return new StatefulRootRule.RootState(s.hiddenColumns(), "SELECT " + Sql.columns("q", ordered)
            + " FROM (" + s.stateQuery() + ") AS q", s.explain());
      });
      if (state.isPresent()) {
        top = top.inputs().get(0);
        topOut = permuted;
      }
    }
    List<String> all = new ArrayList<>(out);
    state.ifPresent(s -> all.addAll(s.hiddenColumns()));
    StatementBuilder st = new StatementBuilder();
    Walk walk = new Walk(st, sources, storedResult, topOut, hiddenState);
    InputRelations root = walk.visit(top, true);
    String finalSelect = "SELECT " + Sql.columns("d", all) + ", sum(d." + Sql.W + ")::bigint AS " + Sql.W
        + " FROM " + root.delta() + " AS d GROUP BY " + Sql.columns("d", all)
        + " HAVING sum(d." + Sql.W + ") <> 0";
    String sql = st.build(finalSelect);
    LOG.log(Level.DEBUG, () -> "delta query for " + storedResult + ":\n" + sql);
    String tree = PlanPrinter.print(analysis.root());
    return state.map(s -> new DeltaPlan(sql, names, RowKeys.of(analysis.root()), tree + "\n" + s.explain(),
            s.hiddenColumns(), s.stateQuery()))
        .orElseGet(() -> new DeltaPlan(sql, names, RowKeys.of(analysis.root()), tree));
  }

  /**
   * For a projection that outputs every column of its input exactly once as a plain column reference
   * (in any order): per output position, the input column it is. Empty for any other node.
   */
  private static Optional<List<Integer>> permutation(PlanNode node) {
    if (!(node instanceof Project p) || p.projections().size() != p.input().columns().size()) {
      return Optional.empty();
    }
    List<Integer> refs = new ArrayList<>();
    for (var e : p.projections()) {
      if (!(e.rex() instanceof RexInputRef ref) || refs.contains(ref.getIndex())) {
        return Optional.empty();
      }
      refs.add(ref.getIndex());
    }
    return Optional.of(refs);
  }

  /** The hidden state the root's rule keeps, if it is a {@link StatefulRootRule}. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private Optional<StatefulRootRule.RootState> rootState(PlanNode root, SourceBindings sources, List<String> out) {
    Optional<DeltaRule<PlanNode>> rule = rules.find(root);
    if (rule.isPresent() && rule.get() instanceof StatefulRootRule stateful) {
      return stateful.rootState(root, scan -> sources.current((Scan) scan), out);
    }
    return Optional.empty();
  }

  /** One walk over a tree, building one statement. */
  private final class Walk {
    private final StatementBuilder st;
    private final SourceBindings sources;
    private final String storedResult;
    private final List<String> rootColumns;

    private final boolean hiddenState;

    Walk(StatementBuilder st, SourceBindings sources, String storedResult, List<String> rootColumns,
        boolean hiddenState) {
      this.hiddenState = hiddenState;
      this.st = st;
      this.sources = sources;
      this.storedResult = storedResult;
      this.rootColumns = rootColumns;
    }

    InputRelations visit(PlanNode node, boolean root) throws UnsupportedQueryException {
      List<String> out = root ? rootColumns : Sql.positional(node.columns().size());
      List<InputRelations> inputs = new ArrayList<>();
      if (node instanceof Scan scan) {
        inputs.add(SourceStates.of(scan, sources, out, st));
      } else {
        for (PlanNode in : node.inputs()) {
          inputs.add(visit(in, false));
        }
      }
      DeltaRule<PlanNode> rule = rules.find(node).orElseThrow(
          () -> new UnsupportedQueryException(Constructs.describe(node)));
      NodeContext context = new NodeContext(inputs, out, st, root ? Optional.of(storedResult) : Optional.empty(),
          root && hiddenState);
      DeltaSql delta = rule.emit(node, context);
      st.addRuleCtes(delta.ctes());
      if (node instanceof Scan) {
        InputRelations source = inputs.get(0);
        return new InputRelations(delta.result(), source.before(), source.after(), out);
      }
      String kind = node.kind().name().toLowerCase(java.util.Locale.ROOT);
      String after = st.state("new_" + kind, OperatorSql.select(node,
          inputs.stream().map(i -> new RelationRef(i.after().orElseThrow(), i.columns())).toList(), out), true);
      String before = st.state("old_" + kind, OperatorSql.select(node,
          inputs.stream().map(i -> new RelationRef(i.before().orElseThrow(), i.columns())).toList(), out), true);
      return new InputRelations(delta.result(), Optional.of(before), Optional.of(after), out);
    }
  }

  /** Cache key: the analysis by identity, the stored result and every binding's SQL. */
  private record PlanKey(Identity analysis, String storedResult, List<String> bindings) {
    static PlanKey of(AnalysisResult.Supported analysis, String storedResult, SourceBindings sources) {
      List<String> b = new ArrayList<>();
      analysis.root().descendantsAndSelf().filter(Scan.class::isInstance).map(Scan.class::cast).forEach(s -> {
        b.add(sources.changes(s));
        b.add(sources.current(s));
      });
      return new PlanKey(new Identity(analysis), storedResult, b);
    }
  }

  /** Reference equality for a cache key component. */
  private static final class Identity {
    private final Object target;

    Identity(Object target) {
      this.target = target;
    }

    @Override public boolean equals(Object o) {
      return o instanceof Identity other && other.target == target;
    }

    @Override public int hashCode() {
      return System.identityHashCode(target);
    }
  }
}
