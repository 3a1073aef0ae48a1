package dev.redline.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** When a change counts: beyond the threshold and with its interval on one side of zero. */
class MetricChangeTest {

  @Test
  void aLatencyCountsOnlyBeyondTheThresholdWithItsIntervalAboveZero() {
    // a long upper tail: the interval is wide, but wholly above zero
    assertEquals(
        Verdict.SLOWER, new MetricChange(Metric.P99, 100, 300, 200, 20, 800, 10).verdict());
    assertEquals(
        Verdict.WITHIN_NOISE, new MetricChange(Metric.P99, 100, 300, 200, -5, 800, 10).verdict());
    assertEquals(
        Verdict.WITHIN_NOISE, new MetricChange(Metric.P99, 100, 105, 5, 1, 9, 10).verdict());
    assertEquals(
        Verdict.FASTER, new MetricChange(Metric.P50, 100, 50, -50, -60, -40, 10).verdict());
    assertEquals(
        Verdict.SLOWER,
        new MetricChange(Metric.OPS_PER_SEC, 1000, 500, -50, -60, -40, 10).verdict(),
        "less throughput is slower");
    assertEquals(
        Verdict.UNKNOWN,
        new MetricChange(Metric.P99, 100, 300, 200, Double.NaN, Double.NaN, 10).verdict());
  }

  @Test
  void failuresFromNoneToSomeAreAChangeInPoints() {
    MetricChange failures = new MetricChange(Metric.FAILED_PCT, 0, 2.5, 2.5, 1.5, 3.5, 10);
    assertEquals(Verdict.SLOWER, failures.verdict(), "no threshold for the failed share");
    assertTrue(failures.describeChange().startsWith("+2.5 points"), failures.describeChange());
  }
}
