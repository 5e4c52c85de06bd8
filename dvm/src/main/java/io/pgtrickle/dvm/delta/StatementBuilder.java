package io.pgtrickle.dvm.delta;

import io.pgtrickle.spi.dvm.DeltaSql;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Collects the CTEs of one delta statement. Two kinds:
 * <ul>
 *   <li><em>state</em> CTEs (a node's before/after relation, a source's delta): offered to every
 *   rule but emitted only if something that is emitted references them. Before/after states are
 *   {@code NOT MATERIALIZED}, so PostgreSQL inlines them even when referenced several times and
 *   pushes the rules' predicates down into the sources' indexes.</li>
 *   <li><em>rule</em> CTEs: a rule's output, always emitted, in order.</li>
 * </ul>
 * State CTEs reference only earlier state CTEs, so they go first, in creation order.
 */
final class StatementBuilder {
  private static final Pattern NON_IDENTIFIER = Pattern.compile("[^a-z0-9_]");

  private record State(String name, String query, boolean inline) {}

  private final List<State> states = new ArrayList<>();
  private final List<DeltaSql.Cte> ruleCtes = new ArrayList<>();
  private int counter;

  /** A fresh name: {@code __pgt_<prefix><n>_<hint>}. */
  String newName(String prefix, String hint) {
    String clean = NON_IDENTIFIER.matcher(hint.toLowerCase(Locale.ROOT)).replaceAll("_");
    return "__pgt_" + prefix + (++counter) + (clean.isEmpty() ? "" : "_" + clean);
  }

  /** Registers a state CTE; {@code inline}: emit it {@code NOT MATERIALIZED}. Returns its name. */
  String state(String hint, String query, boolean inline) {
    String name = newName("s", hint);
    states.add(new State(name, query, inline));
    return name;
  }

  void addRuleCtes(List<DeltaSql.Cte> ctes) {
    ruleCtes.addAll(ctes);
  }

  /** {@code WITH <used CTEs> <finalSelect>}. */
  String build(String finalSelect) {
    Set<String> used = new LinkedHashSet<>();
    List<String> pending = new ArrayList<>();
    pending.add(finalSelect);
    ruleCtes.forEach(c -> pending.add(c.query()));
    while (!pending.isEmpty()) {
      String text = pending.remove(pending.size() - 1);
      for (State s : states) {
        if (!used.contains(s.name()) && references(text, s.name())) {
          used.add(s.name());
          pending.add(s.query());
        }
      }
    }
    List<String> defs = new ArrayList<>();
    for (State s : states) {
      if (used.contains(s.name())) {
        defs.add(s.name() + " AS " + (s.inline() ? "NOT MATERIALIZED " : "") + "(" + s.query() + ")");
      }
    }
    ruleCtes.forEach(c -> defs.add(c.name() + " AS (" + c.query() + ")"));
    return defs.isEmpty() ? finalSelect : "WITH " + String.join(",\n", defs) + "\n" + finalSelect;
  }

  private static boolean references(String text, String name) {
    int from = 0;
    while (true) {
      int at = text.indexOf(name, from);
      if (at < 0) {
        return false;
      }
      int end = at + name.length();
      boolean before = at == 0 || !identifierChar(text.charAt(at - 1));
      boolean after = end == text.length() || !identifierChar(text.charAt(end));
      if (before && after) {
        return true;
      }
      from = end;
    }
  }

  private static boolean identifierChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }
}
