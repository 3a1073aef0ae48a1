package dev.redline.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.testing.EndToEnd;
import dev.redline.testing.ForkedGatling;
import dev.redline.testing.TestRedis7;
import dev.redline.testing.TestRedisServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A comparison with a baseline does not cry wolf and does not miss a real slowdown: runs of the
 * same build against the same server are "within noise" for every request and break no regression
 * assertion; the same run against a server that syncs every write to disk is "slower" for SET and
 * breaks a 20 % regression assertion. Each run is WorkloadSimulation (basic_rw) in a JVM of its
 * own, as a CI job runs it: runs in one JVM would compare a JIT-cold run with a warm one.
 */
@EndToEnd
class BaselineComparisonTest {
  private static final String RUN_SECONDS = "6s";

  /**
   * Runs of the same build: bounds above what two of them differ by on a 2-core machine that client
   * and server share, measured by this test (docs/ci-gates.md): p50 as a whole by +31 % and −35 %;
   * one pair of 2026-12-04 whose baseline ran slow moved p99 by −53 %, throughput by +79 … +85 %,
   * which the other way round is p99 +113 % and throughput −44 … −46 %.
   */
  private static final String SAME_BUILD =
      "SET p99 vs baseline < +150%; GET p50 vs baseline < +75%; * ops_per_sec vs baseline > -60%";

  /**
   * The regression gate, on SET's p90: with a server that syncs every write the run sends
   * about 12,000 SETs, and one stalled second moves a p99 far more than a p90 (under the first,
   * per-window form of the interval a p99 was once "within noise" at +642 %, interval −65 … +1989
   * %).
   */
  private static final String TWENTY_PERCENT = "SET p90 vs baseline < +20%";

  /**
   * Two runs of the same build on a 2-core machine that client and server share moved, as ratios
   * either way, p50 by up to 1.54 times, p90 1.67, p99 2.13 and p99.9 4.13 (−75.8 %, inside .ci/run
   * on 2026-12-04; docs/ci-gates.md). No run's own spread can see a shift of the whole run, so each
   * threshold sits at least 1.5 times above that: 150 % (2.5 times; a fall counts below −60 %), p99
   * 300 % (4 times, −75 %), p99.9 1000 % (11 times, −90.9 %). A server that syncs every write moved
   * SET's p50 by 4.0 … 6.1 times and p90 by 3.0 … 4.8 (2026-12-04; the low ends on this machine's
   * own disk, the high ends on the CI host's).
   */
  private static final String THRESHOLD_PCT = "150; p99 300; p99.9 1000";

  /** One run of basic_rw; its Redline report folder. */
  private static Path run(
      TestRedisServer server, String baseline, String assertions, int expectedExit)
      throws Exception {
    List<String> properties =
        new ArrayList<>(
            List.of(
                "redline.redis.url=" + server.url(),
                "redline.test.threads_per_client=2",
                "redline.test.duration=" + RUN_SECONDS,
                "redline.assertions=" + assertions,
                "redline.baseline_threshold=" + THRESHOLD_PCT,
                "gatling.noReports=true"));
    if (baseline != null) {
      properties.add("redline.baseline=" + baseline);
    }
    ForkedGatling.Result run =
        ForkedGatling.run(
            "dev.redline.simulations.WorkloadSimulation",
            properties,
            Map.of(),
            Duration.ofSeconds(120));
    assertEquals(expectedExit, run.exitCode(), run.output());
    try (Stream<Path> files = Files.walk(run.resultsFolder())) {
      return files
          .filter(p -> p.endsWith(Path.of("redline", "summary.json")))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no Redline summary:\n" + run.output()))
          .getParent();
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> detail(Path report) throws Exception {
    Map<String, Object> summary =
        new ObjectMapper().readValue(report.resolve("summary.json").toFile(), Map.class);
    return (Map<String, Object>) summary.get("redline");
  }

  @Test
  @SuppressWarnings("unchecked")
  void runsOfTheSameBuildAreWithinNoise() throws Exception {
    List<String> cries = new ArrayList<>();
    List<String> spread = new ArrayList<>();
    try (TestRedisServer server = TestRedis7.start()) {
      Path previous = run(server, null, SAME_BUILD, 0);
      for (int pair = 1; pair <= 5; pair++) {
        Path now = run(server, previous.toString(), SAME_BUILD, 0);
        Map<String, Object> detail = detail(now);
        Map<String, Object> baseline = (Map<String, Object>) detail.get("baseline");
        for (Map<String, Object> request : (List<Map<String, Object>>) baseline.get("requests")) {
          for (Map<String, Object> metric : (List<Map<String, Object>>) request.get("metrics")) {
            String verdict = (String) metric.get("verdict");
            spread.add(
                request.get("name") + " " + metric.get("metric") + " " + metric.get("change_pct"));
            if (verdict.equals("slower") || verdict.equals("faster")) {
              cries.add("pair " + pair + ": " + request.get("name") + " " + metric);
            }
          }
        }
        for (Map<String, Object> assertion : (List<Map<String, Object>>) detail.get("assertions")) {
          if (!(Boolean) assertion.get("passed")) {
            cries.add("pair " + pair + ": " + assertion);
          }
        }
        previous = now;
      }
    }
    System.out.println("A/A changes, pct: " + spread);
    assertTrue(
        cries.isEmpty(),
        "runs of the same build differed beyond the noise:\n"
            + String.join("\n", cries)
            + "\nchanges seen: "
            + spread);
  }

  @Test
  @SuppressWarnings("unchecked")
  void aServerThatSyncsEveryWriteIsSlowerForSet() throws Exception {
    Path baseline;
    try (TestRedisServer fast = TestRedis7.start()) {
      baseline = run(fast, null, TWENTY_PERCENT, 0);
    }
    Path slow;
    try (TestRedisServer syncing =
        TestRedis7.start("--appendonly", "yes", "--appendfsync", "always")) {
      // the broken regression assertion fails the run as Gatling's own assertions do
      slow = run(syncing, baseline.toString(), TWENTY_PERCENT, 2);
    }
    Map<String, Object> detail = detail(slow);
    Map<String, Object> comparison = (Map<String, Object>) detail.get("baseline");
    Map<String, Object> set =
        ((List<Map<String, Object>>) comparison.get("requests"))
            .stream().filter(r -> "SET".equals(r.get("name"))).findFirst().orElseThrow();
    System.out.println("A/B, SET against a server that syncs every write: " + set);
    assertEquals("slower", set.get("verdict"), String.valueOf(set));
    Map<String, Object> setP90 =
        ((List<Map<String, Object>>) detail.get("assertions"))
            .stream()
                .filter(a -> ((String) a.get("assertion")).startsWith("SET p90"))
                .findFirst()
                .orElseThrow();
    assertEquals(false, setP90.get("passed"), String.valueOf(setP90));
  }
}
