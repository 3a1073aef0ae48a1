package dev.redline.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redline.config.BaselineThreshold;
import dev.redline.config.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * The noise interval is the spread of the figure the comparison shows: runs drawn from one
 * distribution are within noise, a slowdown of every request is slower, and one stalled second in
 * the baseline hides nothing (it moves the mean of per-second p99s, not the whole run's p99).
 */
class NoiseTest {

  /**
   * A run of {@code seconds} seconds, {@code perSecond} requests each, times drawn by {@code at}.
   */
  static RunMeasures run(
      int seconds,
      int perSecond,
      long seed,
      java.util.function.BiFunction<Integer, Random, Long> at) {
    Random random = new Random(seed);
    List<RunMeasures.Second> list = new ArrayList<>();
    for (int s = 0; s < seconds; s++) {
      Histogram ok = new Histogram(3);
      for (int i = 0; i < perSecond; i++) {
        ok.recordValue(at.apply(s, random));
      }
      list.add(new RunMeasures.Second(1_000 + s, ok, new Histogram(3)));
    }
    return new RunMeasures(Map.of("SET", list), seconds, Set.of());
  }

  /** Around 100 µs, a log-normal spread as service times have. */
  static long usual(Random random) {
    return (long) (100_000 * Math.exp(0.3 * random.nextGaussian()));
  }

  private static List<SecondBlocks.Block> blocks(RunMeasures run) {
    return SecondBlocks.of(run.requests().get("SET"));
  }

  private static BaselineComparison compare(RunMeasures before, RunMeasures now) {
    return BaselineComparison.of("baseline", before, now, BaselineThreshold.of(10));
  }

  @Test
  void runsOfOneDistributionAreWithinNoise() {
    BaselineComparison c =
        compare(run(12, 2_000, 1, (s, r) -> usual(r)), run(12, 2_000, 2, (s, r) -> usual(r)));
    for (Metric metric : Metric.values()) {
      MetricChange change = c.change("SET", metric);
      assertTrue(
          !change.surelyUp() && !change.surelyDown(),
          metric + " " + change.describeChange() + " should hold zero");
    }
    assertEquals(Verdict.WITHIN_NOISE, c.verdict("SET"));
  }

  @Test
  void everyRequestTwiceAsSlowIsSlowerAtEveryPercentile() {
    BaselineComparison c =
        compare(run(12, 2_000, 1, (s, r) -> usual(r)), run(12, 2_000, 2, (s, r) -> 2 * usual(r)));
    for (Metric metric : List.of(Metric.P50, Metric.P90, Metric.P99, Metric.P99_9)) {
      MetricChange change = c.change("SET", metric);
      assertEquals(Verdict.SLOWER, change.verdict(), metric + " " + change.describeChange());
      assertTrue(change.noiseLowPct() > 50, change.describeChange());
    }
  }

  @Test
  void aStalledSecondInTheBaselineDoesNotHideASlowdownOfEveryRequest() {
    // the baseline stalls for one second: about 30 of that second's requests (1.5 %), 30 of the
    // run's 24,000 (0.13 %), take 50 ms
    RunMeasures before =
        run(12, 2_000, 1, (s, r) -> s == 6 && r.nextInt(64) == 0 ? 50_000_000L : usual(r));
    RunMeasures now = run(12, 2_000, 2, (s, r) -> 3 * usual(r));
    BaselineComparison c = compare(before, now);
    MetricChange p99 = c.change("SET", Metric.P99);
    // a mean of per-second p99s is (9 × ~0.2 ms + 50 ms) / 10 ≈ 5 ms: the run looks "faster";
    // the whole run's p99 triples, and so does every resample of it
    assertEquals(Verdict.SLOWER, p99.verdict(), p99.describeChange());
    assertTrue(p99.noiseLowPct() > 100, p99.describeChange());
  }

  @Test
  void tooFewSecondsOrRequestsAreUnknown() {
    double[][] threeSeconds =
        Noise.intervals(
            blocks(run(3, 2_000, 1, (s, r) -> usual(r))),
            blocks(run(12, 2_000, 2, (s, r) -> usual(r))));
    for (double[] interval : threeSeconds) {
      assertNull(interval, "one second left between the run's first and last");
    }
    double[][] fewRequests =
        Noise.intervals(
            blocks(run(12, 100, 1, (s, r) -> usual(r))),
            blocks(run(12, 100, 2, (s, r) -> usual(r))));
    assertNotNull(fewRequests[Metric.P99.ordinal()], "1,000 requests tell a p99");
    assertNull(fewRequests[Metric.P99_9.ordinal()], "1,000 requests cannot tell a p99.9");
  }

  @Test
  void failuresFromNoneToSomeAreSurelyUp() {
    List<RunMeasures.Second> none = new ArrayList<>();
    List<RunMeasures.Second> some = new ArrayList<>();
    for (int s = 0; s < 8; s++) {
      Histogram ok = new Histogram(3);
      ok.recordValueWithCount(100_000, 1_000);
      Histogram noFailures = new Histogram(3);
      Histogram failures = new Histogram(3);
      failures.recordValueWithCount(100_000, 20 + s % 3);
      none.add(new RunMeasures.Second(1_000 + s, ok, noFailures));
      some.add(new RunMeasures.Second(1_000 + s, ok, failures));
    }
    double[] same =
        Noise.intervals(SecondBlocks.of(none), SecondBlocks.of(none))[Metric.FAILED_PCT.ordinal()];
    assertEquals(0, same[0]);
    assertEquals(0, same[1]);
    double[] more =
        Noise.intervals(SecondBlocks.of(none), SecondBlocks.of(some))[Metric.FAILED_PCT.ordinal()];
    assertTrue(more[0] > 1.5, "about 2 points more, surely: " + more[0]);
  }

  @Test
  void aLongRunIsCutIntoAtMostThirtyBlocksAndKeepsItsGaps() {
    List<RunMeasures.Second> seconds = new ArrayList<>();
    for (int s = 0; s < 600; s++) {
      if (s >= 300 && s < 310) {
        continue; // ten seconds in which nothing ended
      }
      Histogram ok = new Histogram(3);
      ok.recordValue(100_000);
      seconds.add(new RunMeasures.Second(s, ok, new Histogram(3)));
    }
    List<SecondBlocks.Block> blocks = SecondBlocks.of(seconds);
    assertEquals(SecondBlocks.MOST, blocks.size());
    assertEquals(598, blocks.stream().mapToInt(SecondBlocks.Block::seconds).sum());
    assertEquals(588, blocks.stream().mapToLong(b -> b.ok().getTotalCount()).sum());
    // seconds 1…598 in 30 blocks of 19 or 20; block 15 is seconds 300…318, the gap 300…309 in it
    assertEquals(19, blocks.get(15).seconds());
    assertEquals(9, blocks.get(15).ok().getTotalCount());
  }

  @Test
  void aResampleReadsAPercentileAtTheRankHdrHistogramReads() {
    Histogram h = new Histogram(3);
    for (long v = 1; v <= 10_000; v++) {
      h.recordValue(v * 1_000);
    }
    for (double p : new double[] {50, 90, 99, 99.9}) {
      long rank = Noise.rank(p, h.getTotalCount());
      assertEquals(
          h.getValueAtPercentile(p),
          h.highestEquivalentValue(rank * 1_000),
          "p" + p + " of 1…10,000 µs is the value at rank " + rank);
    }
    assertEquals(9_990, Noise.rank(99.9, 10_000), "not one rank above, as ceil(p/100·n) gives");
  }

  @Test
  void aNameSeenInTwoSecondsHasNoBlocks() {
    List<RunMeasures.Second> twoSeconds = new ArrayList<>();
    for (long s : new long[] {1_000, 1_010}) { // FLUSHALL at the start and at the end
      Histogram ok = new Histogram(3);
      ok.recordValueWithCount(100_000, 500);
      twoSeconds.add(new RunMeasures.Second(s, ok, new Histogram(3)));
    }
    assertEquals(List.of(), SecondBlocks.of(twoSeconds));
    BaselineComparison c =
        compare(
            new RunMeasures(Map.of("SET", twoSeconds), 11, Set.of()),
            new RunMeasures(Map.of("SET", twoSeconds), 11, Set.of()));
    assertEquals(Verdict.UNKNOWN, c.change("SET", Metric.P50).verdict());
    assertEquals(Verdict.UNKNOWN, c.change("SET", Metric.OPS_PER_SEC).verdict());
    assertEquals(1_000 / 11.0, c.change("SET", Metric.OPS_PER_SEC).current(), 1e-9);
  }

  @Test
  void thirtyOneSecondsAreThirtyBlocksOfOneOrTwo() {
    List<RunMeasures.Second> seconds = new ArrayList<>();
    for (int s = 0; s < 33; s++) { // 31 between the first and the last
      Histogram ok = new Histogram(3);
      ok.recordValueWithCount(100_000, s);
      seconds.add(new RunMeasures.Second(s, ok, new Histogram(3)));
    }
    List<SecondBlocks.Block> blocks = SecondBlocks.of(seconds);
    assertEquals(30, blocks.size());
    assertNull(Noise.intervals(List.of(), blocks)[Metric.P50.ordinal()], "no blocks, no interval");
    assertEquals(
        List.of(1, 2),
        blocks.stream().map(SecondBlocks.Block::seconds).distinct().sorted().toList());
    // each second's requests land in the block that spans it: block 0 is second 1 alone
    assertEquals(1, blocks.get(0).ok().getTotalCount());
    assertEquals(31 * 32 / 2, blocks.stream().mapToLong(b -> b.ok().getTotalCount()).sum());
  }

  @Test
  void percentilesAscendAsAResampleReadsThem() {
    double previous = 0;
    for (Metric metric : Metric.values()) {
      if (metric.isPercentile()) {
        assertTrue(metric.percentile() > previous, metric + " after p" + previous);
        previous = metric.percentile();
      }
    }
  }
}
