package dev.redline.assertions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redline.compare.BaselineComparison;
import dev.redline.compare.RunMeasures;
import dev.redline.config.BaselineThreshold;
import dev.redline.config.MicrosAssertion;
import dev.redline.measure.LatencyRecorder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * {@code vs baseline} assertions on two runs built second by second: {@code *} means the requests,
 * not the batch round trips that hold them, as it does without a baseline.
 */
class BaselineAssertionTest {

  /** Ten seconds of 200 OK requests each, every one taking {@code micros}. */
  private static List<RunMeasures.Second> seconds(long micros) {
    List<RunMeasures.Second> seconds = new ArrayList<>();
    for (long second = 1_000; second < 1_010; second++) {
      Histogram ok = new Histogram(3);
      ok.recordValueWithCount(micros * 1_000, 200);
      seconds.add(new RunMeasures.Second(second, ok, new Histogram(3)));
    }
    return seconds;
  }

  private static List<AssertionOutcome> check(String assertion, long getNow, long batchNow) {
    RunMeasures before =
        new RunMeasures(Map.of("GET", seconds(100), "BATCH", seconds(100)), 10, Set.of("BATCH"));
    RunMeasures now =
        new RunMeasures(
            Map.of("GET", seconds(getNow), "BATCH", seconds(batchNow)), 10, Set.of("BATCH"));
    BaselineComparison comparison =
        BaselineComparison.of("before", before, now, BaselineThreshold.of(10));
    return AssertionCheck.evaluate(
        List.of(MicrosAssertion.parse(assertion, "test")),
        new LatencyRecorder(),
        10,
        0,
        Optional.of(comparison));
  }

  @Test
  void everyRequestMeansTheRequestsAndNotTheBatchesHoldingThem() {
    AssertionOutcome batchSlower = check("* p50 vs baseline < +20%", 100, 300).get(0);
    assertTrue(batchSlower.passed(), batchSlower.actual());
    AssertionOutcome namedBatch = check("BATCH p50 vs baseline < +20%", 100, 300).get(0);
    assertFalse(namedBatch.passed(), namedBatch.actual());
    AssertionOutcome getSlower = check("* p50 vs baseline < +20%", 300, 100).get(0);
    assertFalse(getSlower.passed(), getSlower.actual());
    assertTrue(getSlower.actual().startsWith("GET +199.9 %"), getSlower.actual());
  }

  @Test
  void aLowerBoundIsBrokenByAFallAndNotByARise() {
    // p50 halves: a latency bound "no more than 20 % lower" breaks, "no more than 20 % higher" not
    assertFalse(check("GET p50 vs baseline > -20%", 50, 100).get(0).passed());
    assertTrue(check("GET p50 vs baseline < +20%", 50, 100).get(0).passed());
  }

  @Test
  void secondsWithoutRequestsCountInTheRateOfTheirBlock() {
    List<RunMeasures.Second> gappy = new ArrayList<>(seconds(100));
    gappy.remove(6);
    gappy.remove(5); // the server stalled two seconds: nothing of GET ended in them
    RunMeasures before = new RunMeasures(Map.of("GET", seconds(100)), 10, Set.of());
    RunMeasures now = new RunMeasures(Map.of("GET", gappy), 10, Set.of());
    BaselineComparison comparison =
        BaselineComparison.of("before", before, now, BaselineThreshold.of(10));
    double[] interval = {
      comparison.change("GET", dev.redline.config.Metric.OPS_PER_SEC).noiseLowPct(),
      comparison.change("GET", dev.redline.config.Metric.OPS_PER_SEC).noiseHighPct()
    };
    // the two stalled seconds are blocks of no requests: resamples that draw them have less rate
    assertTrue(interval[0] < -30, "the stall shows in the spread: " + interval[0]);
    // compared between each run's first and last second: 600 requests in 8 seconds against 800
    assertEquals(
        -25.0, comparison.change("GET", dev.redline.config.Metric.OPS_PER_SEC).changePct(), 1e-9);
  }

  @Test
  void everyRequestOverRunsThatShareNoRequestFailsAndSaysSo() {
    RunMeasures before = new RunMeasures(Map.of("LPOP", seconds(100)), 10, Set.of());
    RunMeasures now = new RunMeasures(Map.of("GET", seconds(100)), 10, Set.of());
    BaselineComparison comparison =
        BaselineComparison.of("before", before, now, BaselineThreshold.of(10));
    for (String gate : List.of("* p99 vs baseline < +20%", "* ops_per_sec vs baseline > -10%")) {
      AssertionOutcome outcome =
          AssertionCheck.evaluate(
                  List.of(MicrosAssertion.parse(gate, "test")),
                  new LatencyRecorder(),
                  10,
                  0,
                  Optional.of(comparison))
              .get(0);
      assertFalse(outcome.passed(), gate + ": " + outcome.actual());
      assertTrue(outcome.actual().contains("share no request"), outcome.actual());
    }
    String table = dev.redline.compare.ComparisonReport.console(comparison);
    assertTrue(
        table.contains(
            "the two runs share no request name: this run has [GET], the baseline [LPOP]"),
        table);
  }

  @Test
  void aBaselineAssertionWithoutABaselineIsSkippedNotPassed() {
    AssertionOutcome outcome =
        AssertionCheck.evaluate(
                List.of(MicrosAssertion.parse("GET p99 vs baseline < +20%", "test")),
                new LatencyRecorder(),
                10,
                0,
                Optional.empty())
            .get(0);
    assertTrue(outcome.passed() && outcome.skipped(), outcome.describe());
    String xml = JUnitXml.of(List.of(outcome), 10);
    assertTrue(xml.contains("skipped=\"1\""), xml);
    assertTrue(xml.contains("<skipped message=\"not compared: no baseline was set"), xml);
  }
}
