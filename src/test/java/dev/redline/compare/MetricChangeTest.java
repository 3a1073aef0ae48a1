package dev.redline.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redline.config.Metric;
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

  @Test
  void aFallBeatsTheThresholdAsTheSameRatioTheOtherWayRound() {
    // 200 %: three times as slow, or a third of the time (−66.7 %)
    assertEquals(
        Verdict.FASTER, new MetricChange(Metric.P99, 300, 90, -70, -90, -40, 200).verdict());
    assertEquals(
        Verdict.WITHIN_NOISE, new MetricChange(Metric.P99, 300, 105, -65, -90, -40, 200).verdict());
    assertEquals(
        Verdict.SLOWER,
        new MetricChange(Metric.OPS_PER_SEC, 1000, 300, -70, -90, -40, 200).verdict(),
        "a third of the throughput is as far from the baseline as three times it");
    // 10 %: a fall of 9.5 % is 1/1.105 of the baseline, beyond 1/1.1
    assertEquals(
        Verdict.FASTER, new MetricChange(Metric.P50, 100, 90.5, -9.5, -12, -7, 10).verdict());
  }
}
