package dev.redline.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redline.client.ServerTime;
import dev.redline.measure.LatencyRecorder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The verdict's rules on a machine that client and server share: when together they use nearly all
 * its cores, the side that used more CPU is the limit, although neither alone reached its own bar;
 * on separate machines the same figures hold nobody back. (The runs behind each rule are in
 * WhereTheTimeWentTest; here the figures are set, so that each rule is seen on any machine.)
 */
class LimitVerdictTest {
  private static final long SECOND = 1_000_000_000L;

  /**
   * One server over one second: {@code cpu} seconds of its process, {@code main} of its main
   * thread.
   */
  private static ServerWindow server(double cpu, double main) {
    ServerTime start = new ServerTime(Map.of(), Map.of(), true, 0, 0, 0);
    ServerTime end = new ServerTime(Map.of(), Map.of(), true, cpu, main, SECOND);
    return new ServerWindow("127.0.0.1:7000", start, end);
  }

  /** The load generator over one second on two cores, using {@code cores} of them. */
  private static ClientWindow client(double cores) {
    return new ClientWindow((long) (cores * SECOND), (long) (cores * SECOND / 2), SECOND, 2);
  }

  private static LimitVerdict decide(double clientCores, double serverCpu, boolean shared) {
    return LimitVerdict.decide(
        List.of(server(serverCpu, serverCpu * 0.95)),
        RunConditions.NONE,
        client(clientCores),
        new LatencyRecorder(),
        1.0,
        6,
        6,
        shared);
  }

  @Test
  void aFullSharedMachineWhoseGeneratorUsesMoreIsHeldBackByTheGenerator() {
    // as bench/run's SET P1 c6 on two cores: the JVM 1.2 cores, redis-server 0.5
    LimitVerdict verdict = decide(1.2, 0.5, true);
    assertEquals("load_generator", verdict.verdict(), verdict.reasons().toString());
    assertTrue(
        verdict.reasons().stream().anyMatch(r -> r.contains("together used 85 % of its 2 cores")),
        verdict.reasons().toString());
    assertEquals(0.85, (Double) verdict.figures().get("machine_cores_busy"), 1e-9);
  }

  @Test
  void aFullSharedMachineWhoseServerUsesMoreIsHeldBackByTheServer() {
    // a server with I/O threads: its process 1.3 cores, its main thread below the bar
    LimitVerdict verdict =
        LimitVerdict.decide(
            List.of(server(1.3, 0.7)),
            RunConditions.NONE,
            client(0.4),
            new LatencyRecorder(),
            1.0,
            6,
            6,
            true);
    assertEquals("server", verdict.verdict(), verdict.reasons().toString());
    assertTrue(
        verdict.reasons().stream().anyMatch(r -> r.contains("the server, the larger of the two")),
        verdict.reasons().toString());
  }

  @Test
  void aGeneratorAtItsOwnBarOnASharedMachineStillSaysTheMachineIsShared() {
    LimitVerdict verdict = decide(1.8, 0.1, true);
    assertEquals("load_generator", verdict.verdict(), verdict.reasons().toString());
    assertTrue(
        verdict.reasons().stream().anyMatch(r -> r.contains("used 90 % of its 2 cores")),
        verdict.reasons().toString());
    assertTrue(
        verdict.reasons().stream()
            .anyMatch(r -> r.contains("client and server share this machine")),
        verdict.reasons().toString());
  }

  @Test
  void theSameFiguresOnSeparateMachinesHoldNobodyBack() {
    LimitVerdict verdict = decide(1.2, 0.5, false);
    assertEquals("neither", verdict.verdict(), verdict.reasons().toString());
    assertEquals(null, verdict.figures().get("machine_cores_busy"));
  }

  @Test
  void aSharedMachineWithRoomHoldsNobodyBackAndSaysWhatBothUsed() {
    LimitVerdict verdict = decide(0.5, 0.3, true);
    assertEquals("neither", verdict.verdict(), verdict.reasons().toString());
    assertTrue(
        verdict.reasons().stream()
            .anyMatch(r -> r.contains("together they used 0.8 of its 2 cores")),
        verdict.reasons().toString());
  }

  @Test
  void aServerThatCouldNotBeReadGivesNoFigureAndNoVerdict() {
    LimitVerdict verdict =
        LimitVerdict.decide(
            List.of(),
            new RunConditions(
                Map.of("127.0.0.1:7000", "at the end: CONNECTION Connection refused"),
                0,
                false,
                0,
                Double.NaN),
            client(0.3),
            new LatencyRecorder(),
            1.0,
            6,
            6,
            true);
    assertEquals("unknown", verdict.verdict(), verdict.reasons().toString());
    assertTrue(
        verdict.reasons().get(0).contains("127.0.0.1:7000 at the end: CONNECTION"),
        verdict.reasons().toString());
    for (String figure :
        List.of(
            "server_main_thread_busy",
            "server_cpu_seconds",
            "busiest_server",
            "machine_cores_busy",
            "server_cpu_ms_per_1000_commands")) {
      assertTrue(verdict.figures().containsKey(figure), figure);
      assertEquals(null, verdict.figures().get(figure), figure + " was not measured");
    }
    assertTrue(verdict.headline().contains("could not be judged"), verdict.headline());
  }

  @Test
  void aStallOfASecondOrMoreIsNamedFirst() {
    LimitVerdict verdict =
        LimitVerdict.decide(
            List.of(server(0.1, 0.1)),
            new RunConditions(Map.of(), 3.0, false, 0, Double.NaN),
            client(0.2),
            new LatencyRecorder(),
            1.0,
            6,
            6,
            false);
    assertTrue(
        verdict
            .reasons()
            .get(0)
            .startsWith("for 3.0 s of the 1.0 s window a client could not reach"),
        verdict.reasons().toString());
    assertTrue(
        verdict.reasons().stream()
            .noneMatch(r -> r.startsWith("the server's main thread was busy")),
        "no 'below what either side could do' without the stall: " + verdict.reasons());
  }

  @Test
  void aThrottledLoadSaysSoAndWhetherItReachedItsTarget() {
    LimitVerdict short_ =
        LimitVerdict.decide(
            List.of(server(0.1, 0.1)),
            new RunConditions(Map.of(), 0, true, 2000, Double.NaN),
            client(0.2),
            new LatencyRecorder(),
            1.0,
            6,
            6,
            false);
    assertTrue(
        short_.reasons().get(0).startsWith("the load was throttled to 2,000 requests/s"),
        short_.reasons().toString());
    assertTrue(short_.reasons().get(0).endsWith("it did not reach its target"));
    assertTrue(
        short_.reasons().stream()
            .anyMatch(r -> r.endsWith("the throttle, not either side, set the rate")),
        short_.reasons().toString());
    assertEquals(true, short_.figures().get("throttled"));
  }

  @Test
  void otherProcessesThatTookTheCoresAreNamed() {
    // client 0.3 cores, server 0.2, the machine 1.9 of 2: others took 1.4
    LimitVerdict verdict =
        LimitVerdict.decide(
            List.of(server(0.2, 0.19)),
            new RunConditions(Map.of(), 0, false, 0, 1.9),
            client(0.3),
            new LatencyRecorder(),
            1.0,
            6,
            6,
            true);
    assertTrue(
        verdict.reasons().stream()
            .anyMatch(
                r -> r.startsWith("the machine was shared: other processes used 1.4 of its 2")),
        verdict.reasons().toString());
    assertTrue(
        verdict.reasons().stream().noneMatch(r -> r.contains("below what either side could do")),
        verdict.reasons().toString());
    assertEquals(1.4, (Double) verdict.figures().get("other_processes_cores"), 1e-9);
  }
}
