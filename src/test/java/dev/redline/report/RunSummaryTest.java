package dev.redline.report;

import static org.junit.jupiter.api.Assertions.*;

import dev.redline.measure.LatencyRecorder;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The summary's numbers against an independent computation from the same samples. */
class RunSummaryTest {

  @Test
  void percentilesAgreeWithAnExactComputationFromTheSameSamples() {
    LatencyRecorder recorder = new LatencyRecorder();
    Random random = new Random(42);
    long[] samples = new long[20_000];
    for (int i = 0; i < samples.length; i++) {
      // mostly 30-300 µs with a slow tail, in nanoseconds
      samples[i] =
          random.nextInt(10) == 0
              ? 1_000_000 + random.nextInt(5_000_000)
              : 30_000 + random.nextInt(270_000);
      recorder.ok(i % 2 == 0 ? "GET" : "SET", samples[i]);
    }
    recorder.ko("GET", 2_000_000, "TIMEOUT", "Read timed out");
    recorder.markBatch("BATCH");
    recorder.ok("BATCH", 5_000_000);
    recorder.sample();

    RunFacts facts =
        new RunFacts(
            "app",
            "host-1",
            "run-1",
            "1.0",
            "w",
            1_000_000L,
            1_010_000L,
            1_000_000L,
            List.of(),
            List.of("7.0.15"),
            2,
            1500.0,
            java.util.Optional.empty(),
            java.util.Map.of(),
            0,
            java.util.Optional.empty());
    Map<String, Object> summary =
        RunSummary.build(facts, recorder, CommandCrossCheck.unavailable("not in this test"));

    long[] sorted = samples.clone();
    Arrays.sort(sorted);
    assertEquals(
        20_001L, summary.get("total_commands_count"), "the BATCH round trip is not a command");
    assertEquals(20_000L, summary.get("successful_commands_count"));
    assertEquals(1L, summary.get("failed_commands_count"));
    assertEquals(2000.1, (Double) summary.get("overall_throughput"), 0.01);
    assertClose(sorted[0], (Double) summary.get("min_latency_ms"));
    assertClose(sorted[sorted.length - 1], (Double) summary.get("max_latency_ms"));
    assertClose(exactPercentile(sorted, 50), (Double) summary.get("median_latency_ms"));
    assertClose(exactPercentile(sorted, 95), (Double) summary.get("p95_latency_ms"));
    assertClose(exactPercentile(sorted, 99), (Double) summary.get("p99_latency_ms"));
    assertClose(
        (long) Arrays.stream(samples).average().orElseThrow(),
        (Double) summary.get("avg_latency_ms"));
    assertEquals(2L, summary.get("reconnection_count"));
    assertEquals(1500.0, summary.get("avg_reconnection_duration_ms"));
    @SuppressWarnings("unchecked")
    Map<String, Object> detail = (Map<String, Object>) summary.get("redline");
    assertEquals(Map.of("TIMEOUT", 1L), detail.get("errors_by_kind"));
  }

  /** HdrHistogram keeps 3 significant digits: equal within 0.1 % (plus rounding to 0.1 µs). */
  private static void assertClose(long exactNanos, double summaryMillis) {
    double exactMillis = exactNanos / 1_000_000.0;
    assertEquals(
        exactMillis,
        summaryMillis,
        exactMillis * 0.001 + 0.0001,
        "exact " + exactMillis + " ms vs summary " + summaryMillis);
  }

  private static long exactPercentile(long[] sorted, double percentile) {
    int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, index)];
  }
}
