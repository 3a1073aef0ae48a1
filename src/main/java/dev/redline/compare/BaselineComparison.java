package dev.redline.compare;

import dev.redline.config.BaselineThreshold;
import dev.redline.config.Metric;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * This run against a baseline run, request name by request name: throughput, p50, p90, p99, p99.9
 * and the failed share, their change in percent, the noise the two runs' own seconds show, and a
 * verdict for each.
 *
 * @param baselineLabel where the baseline came from (its folder)
 * @param threshold the smallest change worth a verdict, per metric
 * @param requests per request name present in both runs, its changes
 * @param onlyInBaseline request names the baseline had and this run did not
 * @param onlyNow request names this run had and the baseline did not
 * @param baseline the baseline's measures (for charts)
 * @param current this run's measures (for charts)
 */
public record BaselineComparison(
    String baselineLabel,
    BaselineThreshold threshold,
    Map<String, List<MetricChange>> requests,
    List<String> onlyInBaseline,
    List<String> onlyNow,
    RunMeasures baseline,
    RunMeasures current) {

  /** Compares {@code current} with {@code baseline}. */
  public static BaselineComparison of(
      String baselineLabel,
      RunMeasures baseline,
      RunMeasures current,
      BaselineThreshold threshold) {
    Map<String, List<MetricChange>> requests = new LinkedHashMap<>();
    List<String> onlyInBaseline = new ArrayList<>();
    List<String> onlyNow = new ArrayList<>();
    for (String name : current.requests().keySet()) {
      if (!baseline.requests().containsKey(name)) {
        onlyNow.add(name);
        continue;
      }
      List<SecondBlocks.Block> before = SecondBlocks.of(baseline.requests().get(name));
      List<SecondBlocks.Block> now = SecondBlocks.of(current.requests().get(name));
      double[][] intervals = Noise.intervals(before, now);
      Compared was = Compared.of(before, baseline, name);
      Compared is = Compared.of(now, current, name);
      List<MetricChange> changes = new ArrayList<>();
      for (Metric metric : Metric.values()) {
        changes.add(
            change(
                metric,
                was.value(metric),
                is.value(metric),
                intervals[metric.ordinal()],
                threshold.pctFor(metric)));
      }
      requests.put(name, changes);
    }
    for (String name : baseline.requests().keySet()) {
      if (!current.requests().containsKey(name)) {
        onlyInBaseline.add(name);
      }
    }
    return new BaselineComparison(
        baselineLabel, threshold, requests, onlyInBaseline, onlyNow, baseline, current);
  }

  /**
   * What of a run a request name is compared on, merged once for all metrics: the seconds between
   * the run's first and last, as the noise resamples them (see {@link SecondBlocks}); a request
   * name seen in fewer seconds, the whole run.
   */
  private record Compared(Histogram ok, long ko, double seconds) {
    static Compared of(List<SecondBlocks.Block> blocks, RunMeasures run, String name) {
      if (blocks.isEmpty()) {
        return new Compared(run.ok(name), run.ko(name), run.spanSeconds());
      }
      Histogram ok = new Histogram(3);
      long ko = 0;
      int seconds = 0;
      for (SecondBlocks.Block block : blocks) {
        ok.add(block.ok());
        ko += block.ko();
        seconds += block.seconds();
      }
      return new Compared(ok, ko, seconds);
    }

    double value(Metric metric) {
      return metric.value(
          ok.getTotalCount(), ko, seconds, p -> ok.getValueAtPercentile(p) / 1000.0);
    }
  }

  private static MetricChange change(
      Metric metric, double was, double is, double[] interval, double thresholdPct) {
    double change;
    if (metric == Metric.FAILED_PCT) {
      // in percentage points: from no failures at all to some is a change, not a division by 0
      change = Double.isNaN(was) || Double.isNaN(is) ? Double.NaN : is - was;
    } else {
      change =
          was == 0 || Double.isNaN(was) || Double.isNaN(is)
              ? (was == 0 && is == 0 ? 0 : Double.NaN)
              : (is - was) / was * 100;
    }
    return new MetricChange(
        metric,
        was,
        is,
        change,
        interval == null ? Double.NaN : interval[0],
        interval == null ? Double.NaN : interval[1],
        thresholdPct);
  }

  /** Whether a request name is a batch's round trip (BATCH, MULTI/EXEC) in this run. */
  public boolean isBatch(String name) {
    return current.batches().contains(name);
  }

  /** One metric's change for a request name, or null when the name is not in both runs. */
  public MetricChange change(String name, Metric metric) {
    List<MetricChange> changes = requests.get(name);
    return changes == null ? null : changes.get(metric.ordinal());
  }

  /** A request name's verdict: slower when any metric is, else faster when any is, else noise. */
  public Verdict verdict(String name) {
    List<MetricChange> changes = requests.get(name);
    if (changes.stream().anyMatch(c -> c.verdict() == Verdict.SLOWER)) {
      return Verdict.SLOWER;
    }
    if (changes.stream().anyMatch(c -> c.verdict() == Verdict.FASTER)) {
      return Verdict.FASTER;
    }
    return changes.stream().allMatch(c -> c.verdict() == Verdict.UNKNOWN)
        ? Verdict.UNKNOWN
        : Verdict.WITHIN_NOISE;
  }
}
