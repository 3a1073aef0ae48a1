package dev.redline.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One basic_rw run of WorkloadSimulation in a JVM of its own, as a CI job runs it, compared with a
 * baseline when given one: runs in one JVM would compare a JIT-cold run with a warm one. Used by
 * the baseline gate's test and by {@code bench/same-build-pairs}.
 */
public final class ForkedWorkloadRun {
  private ForkedWorkloadRun() {}

  /**
   * Runs basic_rw for {@code seconds} against {@code server}; its Redline report folder. The exit
   * code must be {@code expectedExit} unless that is negative.
   */
  public static Path run(
      TestRedisServer server,
      String seconds,
      String baseline,
      String assertions,
      String threshold,
      int expectedExit)
      throws Exception {
    List<String> properties =
        new ArrayList<>(
            List.of(
                "redline.redis.url=" + server.url(),
                "redline.test.threads_per_client=2",
                "redline.test.duration=" + seconds,
                "redline.assertions=" + assertions,
                "redline.baseline_threshold=" + threshold,
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
    if (expectedExit >= 0) {
      assertEquals(expectedExit, run.exitCode(), run.output());
    }
    try (Stream<Path> files = Files.walk(run.resultsFolder())) {
      return files
          .filter(p -> p.endsWith(Path.of("redline", "summary.json")))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no Redline summary:\n" + run.output()))
          .getParent();
    }
  }

  /** The "redline" object of a run's summary.json. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> detail(Path report) throws Exception {
    Map<String, Object> summary =
        new ObjectMapper().readValue(report.resolve("summary.json").toFile(), Map.class);
    return (Map<String, Object>) summary.get("redline");
  }
}
