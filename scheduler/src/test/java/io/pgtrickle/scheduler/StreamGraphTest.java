package io.pgtrickle.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgtrickle.refresh.option.Schedule;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Ordering, cycles, calculated schedules and diamond groups, without a database. */
class StreamGraphTest {

  private static final Duration FALLBACK = Duration.ofMinutes(1);

  private static StreamGraph.Node st(long relid, String name, String schedule) {
    return st(relid, name, schedule, true);
  }

  private static StreamGraph.Node st(long relid, String name, String schedule, boolean atomic) {
    if (schedule == null) {
      return new StreamGraph.Node(relid, name, null, null, null, atomic);
    }
    if (schedule.equals("calculated")) {
      return new StreamGraph.Node(relid, name, Schedule.Kind.CALCULATED, schedule, null, atomic);
    }
    if (schedule.contains(" ")) {
      return new StreamGraph.Node(relid, name, Schedule.Kind.CRON, schedule, null, atomic);
    }
    return new StreamGraph.Node(relid, name, Schedule.Kind.DURATION, schedule,
        Long.parseLong(schedule.replace("s", "")), atomic);
  }

  private static long[] edge(long reader, long source) {
    return new long[] {reader, source};
  }

  private static List<String> names(List<StreamGraph.Node> nodes) {
    return nodes.stream().map(StreamGraph.Node::name).toList();
  }

  @Test
  void sourcesComeBeforeReaders() throws Exception {
    // base table 1; c(30) reads b(20) reads a(10) reads 1; d(5) reads a and c
    StreamGraph g = new StreamGraph(
        List.of(st(5, "d", "1s"), st(10, "a", "1s"), st(20, "b", "1s"), st(30, "c", "1s")),
        List.of(edge(10, 1), edge(20, 10), edge(30, 20), edge(5, 10), edge(5, 30)));
    assertEquals(List.of("a", "b", "c", "d"), names(g.topologicalOrder()));
  }

  @Test
  void aCycleIsRefusedNamingItsMembers() {
    StreamGraph g = new StreamGraph(
        List.of(st(10, "a", "1s"), st(20, "b", "1s"), st(30, "c", "1s")),
        List.of(edge(10, 30), edge(20, 10), edge(30, 20)));
    StreamGraph.CycleException e = assertThrows(StreamGraph.CycleException.class, g::topologicalOrder);
    assertEquals("stream tables depend on each other in a cycle: a, b, c", e.getMessage());
    assertThrows(StreamGraph.CycleException.class, g::units);
  }

  @Test
  void calculatedTakesTheTightestScheduleOfItsReaders() throws Exception {
    // a (calculated) is read by b (30s), c (5s) and e (cron); f (calculated) reads nothing upstream
    // of it and nobody reads f; g (calculated) is read by h (calculated) read by i (2s)
    StreamGraph g = new StreamGraph(
        List.of(st(10, "a", "calculated"), st(20, "b", "30s"), st(30, "c", "5s"),
            st(40, "e", "*/5 * * * *"), st(50, "f", "calculated"), st(60, "g", "calculated"),
            st(70, "h", "calculated"), st(80, "i", "2s"), st(90, "n", null)),
        List.of(edge(10, 1), edge(20, 10), edge(30, 10), edge(40, 10), edge(50, 1), edge(70, 60),
            edge(80, 70), edge(90, 10)));
    Map<Long, EffectiveSchedule> s = g.schedules(FALLBACK, ZoneOffset.UTC);
    assertEquals(new EffectiveSchedule.Every(Duration.ofSeconds(5)), s.get(10L));
    assertEquals(new EffectiveSchedule.Every(FALLBACK), s.get(50L));
    assertEquals(new EffectiveSchedule.Every(Duration.ofSeconds(2)), s.get(60L));
    assertEquals(new EffectiveSchedule.Every(Duration.ofSeconds(2)), s.get(70L));
    assertEquals(new EffectiveSchedule.At("*/5 * * * *", ZoneOffset.UTC), s.get(40L));
    assertEquals(new EffectiveSchedule.Never(), s.get(90L));
  }

  @Test
  void aDiamondOverABaseTableIsOneUnit() throws Exception {
    // base 1 -> b(20), c(30) -> d(40); e(50) reads d only; x(60) reads an unrelated base 2
    StreamGraph g = new StreamGraph(
        List.of(st(20, "b", "calculated"), st(30, "c", "calculated"), st(40, "d", "1s"),
            st(50, "e", "1s"), st(60, "x", "1s")),
        List.of(edge(20, 1), edge(30, 1), edge(40, 20), edge(40, 30), edge(50, 40), edge(60, 2)));
    List<StreamGraph.Unit> units = g.units();
    assertEquals(List.of(List.of("b", "c", "d"), List.of("e"), List.of("x")),
        units.stream().map(u -> names(u.members())).toList());
    assertTrue(units.get(0).isGroup());
  }

  @Test
  void aDiamondOverAStreamTableLeavesTheSharedAncestorOutside() throws Exception {
    // a(10) over base 1; b(20), c(30) read a; c2(35) reads c; d(40) reads b and c2
    StreamGraph g = new StreamGraph(
        List.of(st(10, "a", "1s"), st(20, "b", "1s"), st(30, "c", "1s"), st(35, "c2", "1s"),
            st(40, "d", "1s")),
        List.of(edge(10, 1), edge(20, 10), edge(30, 10), edge(35, 30), edge(40, 20), edge(40, 35)));
    assertEquals(Set.of(20L, 30L, 35L), g.diamondMembers(40));
    assertEquals(List.of(List.of("a"), List.of("b", "c", "c2", "d")),
        g.units().stream().map(u -> names(u.members())).toList());
  }

  @Test
  void diamondConsistencyNoneRefreshesBranchesAlone() throws Exception {
    StreamGraph g = new StreamGraph(
        List.of(st(20, "b", "1s", false), st(30, "c", "1s", false), st(40, "d", "1s", false)),
        List.of(edge(20, 1), edge(30, 1), edge(40, 20), edge(40, 30)));
    assertEquals(List.of(List.of("b"), List.of("c"), List.of("d")),
        g.units().stream().map(u -> names(u.members())).toList());
  }

  @Test
  void twoSourcesWithoutACommonAncestorAreNoDiamond() throws Exception {
    StreamGraph g = new StreamGraph(
        List.of(st(20, "b", "1s"), st(30, "c", "1s"), st(40, "d", "1s")),
        List.of(edge(20, 1), edge(30, 2), edge(40, 20), edge(40, 30)));
    assertEquals(Set.of(), g.diamondMembers(40));
    assertEquals(3, g.units().size());
  }
}
