package io.pgtrickle.scheduler;

import io.pgtrickle.refresh.option.Schedule;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The dependency graph of stream tables, a pure value: vertices are relation OIDs (stream tables by
 * their storage table, plus the base tables they read), edges go from a source to the stream table
 * that reads it directly. It answers the scheduler's three questions:
 *
 * <ul>
 *   <li>{@link #topologicalOrder()}: sources before readers; a cycle is refused with
 *       {@link CycleException} naming its members;
 *   <li>{@link #schedules}: each stream table's effective schedule, {@code calculated} resolved to the
 *       tightest duration among the stream tables that read it directly (recursively; cron and
 *       unscheduled readers do not count), or the fallback when nobody scheduled reads it;
 *   <li>{@link #units()}: what refreshes together. A <em>diamond</em> is a stream table D
 *       ({@code diamond_consistency = atomic}) two of whose direct sources share an ancestor A; the
 *       stream tables between A and D, and D itself, form one unit refreshed in one transaction, so D
 *       never sees one branch refreshed and the other not. Overlapping diamonds merge.
 * </ul>
 */
public final class StreamGraph {

  /** One stream table as the scheduler sees it. */
  public record Node(long relid, String name, Schedule.Kind kind, String scheduleText,
      Long intervalSeconds, boolean atomicDiamonds) {}

  /** The stream tables of one refresh transaction, sources first. */
  public record Unit(List<Node> members) {
    /** Whether this unit is a diamond group (more than one member). */
    public boolean isGroup() {
      return members.size() > 1;
    }
  }

  /** A dependency cycle among stream tables. */
  public static final class CycleException extends Exception {
    private static final long serialVersionUID = 1L;

    CycleException(String message) {
      super(message);
    }
  }

  private final Map<Long, Node> nodes = new LinkedHashMap<>();
  private final Map<Long, Set<Long>> sources = new HashMap<>();
  private final Map<Long, Set<Long>> readers = new HashMap<>();

  /** A graph of {@code nodes} with {@code edges} as (reader relid, source relid) pairs. */
  public StreamGraph(List<Node> nodes, List<long[]> edges) {
    for (Node n : nodes) {
      this.nodes.put(n.relid(), n);
    }
    for (long[] e : edges) {
      sources.computeIfAbsent(e[0], k -> new TreeSet<>()).add(e[1]);
      readers.computeIfAbsent(e[1], k -> new TreeSet<>()).add(e[0]);
    }
  }

  /** The stream table stored in {@code relid}, if it is one. */
  public Node node(long relid) {
    return nodes.get(relid);
  }

  /** The stream tables reading {@code relid} directly. */
  public Set<Long> readersOf(long relid) {
    return readers.getOrDefault(relid, Set.of());
  }

  /** Stream tables, every one after the stream tables it reads (ties by OID). */
  public List<Node> topologicalOrder() throws CycleException {
    Map<Long, Integer> pending = new HashMap<>();
    for (long relid : nodes.keySet()) {
      int n = 0;
      for (long s : sources.getOrDefault(relid, Set.of())) {
        if (nodes.containsKey(s)) {
          n++;
        }
      }
      pending.put(relid, n);
    }
    TreeSet<Long> ready = new TreeSet<>();
    pending.forEach((relid, n) -> {
      if (n == 0) {
        ready.add(relid);
      }
    });
    List<Node> order = new ArrayList<>();
    while (!ready.isEmpty()) {
      long next = ready.pollFirst();
      order.add(nodes.get(next));
      for (long r : readersOf(next)) {
        if (nodes.containsKey(r) && pending.merge(r, -1, Integer::sum) == 0) {
          ready.add(r);
        }
      }
    }
    if (order.size() < nodes.size()) {
      List<String> members = new ArrayList<>();
      pending.forEach((relid, n) -> {
        if (n > 0) {
          members.add(nodes.get(relid).name());
        }
      });
      members.sort(Comparator.naturalOrder());
      throw new CycleException("stream tables depend on each other in a cycle: "
          + String.join(", ", members));
    }
    return order;
  }

  /** Effective schedules; {@code calculated} without scheduled readers gets {@code fallback}. */
  public Map<Long, EffectiveSchedule> schedules(Duration fallback, ZoneId cronZone)
      throws CycleException {
    List<Node> order = topologicalOrder();
    Map<Long, EffectiveSchedule> result = new HashMap<>();
    for (int i = order.size() - 1; i >= 0; i--) { // readers first
      Node n = order.get(i);
      result.put(n.relid(), resolve(n, result, fallback, cronZone));
    }
    return result;
  }

  private EffectiveSchedule resolve(Node n, Map<Long, EffectiveSchedule> resolved, Duration fallback,
      ZoneId cronZone) {
    if (n.kind() == null) {
      return new EffectiveSchedule.Never();
    }
    return switch (n.kind()) {
      case DURATION -> new EffectiveSchedule.Every(Duration.ofSeconds(n.intervalSeconds()));
      case CRON -> new EffectiveSchedule.At(n.scheduleText(), cronZone);
      case CALCULATED -> {
        Duration tightest = null;
        for (long r : readersOf(n.relid())) {
          if (resolved.get(r) instanceof EffectiveSchedule.Every every
              && (tightest == null || every.interval().compareTo(tightest) < 0)) {
            tightest = every.interval();
          }
        }
        yield new EffectiveSchedule.Every(tightest == null ? fallback : tightest);
      }
    };
  }

  /** Refresh units in an order that puts every unit after the units it reads. */
  public List<Unit> units() throws CycleException {
    List<Node> order = topologicalOrder();
    Map<Long, Integer> position = new HashMap<>();
    for (int i = 0; i < order.size(); i++) {
      position.put(order.get(i).relid(), i);
    }
    Map<Long, Long> groupOf = new HashMap<>(); // union-find parent
    for (Node d : order) {
      if (d.atomicDiamonds()) {
        for (long member : diamondMembers(d.relid())) {
          union(groupOf, d.relid(), member);
        }
      }
    }
    Map<Long, List<Node>> groups = new TreeMap<>();
    for (Node n : order) {
      groups.computeIfAbsent(find(groupOf, n.relid()), k -> new ArrayList<>()).add(n);
    }
    List<Unit> units = new ArrayList<>();
    for (List<Node> members : groups.values()) {
      units.add(new Unit(List.copyOf(members))); // members already in topological order
    }
    units.sort(Comparator.comparingInt(
        u -> position.get(u.members().get(u.members().size() - 1).relid())));
    return units;
  }

  /**
   * The stream tables that must refresh with {@code d} for it to never see a mixed state: empty when
   * no two of its direct sources share an ancestor.
   */
  Set<Long> diamondMembers(long d) {
    List<Long> direct = new ArrayList<>(sources.getOrDefault(d, Set.of()));
    Set<Long> shared = new HashSet<>();
    for (int i = 0; i < direct.size(); i++) {
      for (int j = i + 1; j < direct.size(); j++) {
        Set<Long> common = new HashSet<>(ancestorsOrSelf(direct.get(i)));
        common.retainAll(ancestorsOrSelf(direct.get(j)));
        shared.addAll(common);
      }
    }
    Set<Long> members = new LinkedHashSet<>();
    if (shared.isEmpty()) {
      return members;
    }
    for (long a : ancestorsOrSelf(d)) {
      if (a != d && nodes.containsKey(a) && !shared.contains(a)) {
        Set<Long> above = new HashSet<>(ancestorsOrSelf(a));
        above.retainAll(shared);
        if (!above.isEmpty()) {
          members.add(a);
        }
      }
    }
    return members;
  }

  private Set<Long> ancestorsOrSelf(long relid) {
    Set<Long> seen = new HashSet<>();
    Deque<Long> todo = new ArrayDeque<>(List.of(relid));
    while (!todo.isEmpty()) {
      long next = todo.pop();
      if (seen.add(next)) {
        todo.addAll(sources.getOrDefault(next, Set.of()));
      }
    }
    return seen;
  }

  private static long find(Map<Long, Long> parent, long x) {
    long root = x;
    while (parent.containsKey(root) && parent.get(root) != root) {
      root = parent.get(root);
    }
    return root;
  }

  private static void union(Map<Long, Long> parent, long a, long b) {
    long ra = find(parent, a);
    long rb = find(parent, b);
    if (ra != rb) {
      parent.put(Math.max(ra, rb), Math.min(ra, rb));
    }
  }
}
