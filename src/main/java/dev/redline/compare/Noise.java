package dev.redline.compare;

import dev.redline.config.Metric;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * How much a change between two runs can be noise: a block bootstrap of the very figures the
 * comparison shows. Each run's seconds are cut into blocks ({@link SecondBlocks}); each of {@value
 * #RESAMPLES} resamples draws, with replacement, as many blocks as each run has, merges them, and
 * takes every metric of the merged whole as the comparison takes it of the whole run (throughput
 * over the drawn seconds, each percentile of the merged service times at two significant digits,
 * the pooled failed share) and its change; the middle 99 % of those changes is the interval the
 * change lies in. A change counts only when that interval lies wholly on one side of zero (and the
 * change beats the user's threshold).
 *
 * <p>The figure resampled is the one compared (the comparison takes it over the same seconds): a
 * whole run's p99 is not the mean of its seconds' p99s. A baseline with one stalled second has a
 * high mean of per-second p99s but an ordinary whole-run p99 (the stall's few requests are far
 * fewer than 1 %); resampling means would let that second hide a slowdown of every request. The
 * interval is taken as it falls, not as a symmetric half-width: a latency that spikes in some
 * seconds (a disk sync) has a long upper tail, and a half-width would hide a slowdown whose whole
 * interval is above zero. With few blocks the bootstrap's interval is too narrow (it cannot see how
 * far the values might spread), so it is widened around its middle by Student's t over the normal
 * quantile for the blocks' degrees of freedom (×1.44 for four blocks a run, ×1.07 for thirty). The
 * seed is fixed, so the same two runs always give the same answer.
 */
final class Noise {
  static final int RESAMPLES = 2_000;

  /** Fewer blocks than this in either run, and the noise is unknown. */
  static final int MIN_BLOCKS = 3;

  private static final Metric[] METRICS = Metric.values();

  private final long[] scale; // every service time (ns) either run holds, in order
  private final Compact[] before;
  private final Compact[] now;

  /** A block as counts at positions of the shared scale. */
  private record Compact(int[] positions, long[] counts, long ok, long ko, int seconds) {}

  private Noise(List<SecondBlocks.Block> baseline, List<SecondBlocks.Block> current) {
    // resampled at two significant digits (under 1 % apart): an interval needs no finer grain, and
    // a long run's blocks then merge several times faster
    Histogram coarse = new Histogram(2);
    TreeMap<Long, Integer> positions = new TreeMap<>();
    for (List<SecondBlocks.Block> run : List.of(baseline, current)) {
      for (SecondBlocks.Block block : run) {
        for (HistogramIterationValue v : block.ok().recordedValues()) {
          positions.put(coarse.highestEquivalentValue(v.getValueIteratedTo()), 0);
        }
      }
    }
    scale = new long[positions.size()];
    int i = 0;
    for (var entry : positions.entrySet()) {
      scale[i] = entry.getKey();
      entry.setValue(i++);
    }
    before = compact(baseline, positions, coarse);
    now = compact(current, positions, coarse);
  }

  private static Compact[] compact(
      List<SecondBlocks.Block> blocks, TreeMap<Long, Integer> positions, Histogram coarse) {
    Compact[] compact = new Compact[blocks.size()];
    long[] dense = new long[positions.size()];
    for (int b = 0; b < compact.length; b++) {
      SecondBlocks.Block block = blocks.get(b);
      Arrays.fill(dense, 0);
      int n = 0;
      for (HistogramIterationValue v : block.ok().recordedValues()) {
        int at = positions.get(coarse.highestEquivalentValue(v.getValueIteratedTo()));
        n += dense[at] == 0 ? 1 : 0;
        dense[at] += v.getCountAtValueIteratedTo();
      }
      int[] at = new int[n];
      long[] counts = new long[n];
      for (int i = 0, j = 0; i < dense.length; i++) {
        if (dense[i] != 0) {
          at[j] = i;
          counts[j++] = dense[i];
        }
      }
      compact[b] = new Compact(at, counts, block.ok().getTotalCount(), block.ko(), block.seconds());
    }
    return compact;
  }

  /**
   * Per metric (by ordinal), the 99 % interval of the change, {@code [low, high]}, in percent of
   * the baseline (the failed share in points); null where either run has too few blocks or too few
   * requests to tell.
   */
  static double[][] intervals(List<SecondBlocks.Block> before, List<SecondBlocks.Block> now) {
    double[][] intervals = new double[METRICS.length][];
    if (before.size() < MIN_BLOCKS || now.size() < MIN_BLOCKS) {
      return intervals;
    }
    return new Noise(before, now).resample();
  }

  private double[][] resample() {
    SplittableRandom random = new SplittableRandom(42);
    double[][] changes = new double[METRICS.length][RESAMPLES];
    int[] n = new int[METRICS.length];
    long[] merged = new long[scale.length];
    boolean[] enough = enoughRequests();
    for (int r = 0; r < RESAMPLES; r++) {
      double[] base = draw(before, merged, random);
      double[] then = draw(now, merged, random);
      for (int m = 0; m < METRICS.length; m++) {
        if (METRICS[m] == Metric.FAILED_PCT) {
          changes[m][n[m]++] = then[m] - base[m];
        } else if (base[m] != 0 && !Double.isNaN(base[m]) && !Double.isNaN(then[m])) {
          changes[m][n[m]++] = (then[m] - base[m]) / Math.abs(base[m]) * 100;
        }
      }
    }
    double widen = smallSampleWidening(before.length + now.length - 2);
    double[][] intervals = new double[METRICS.length][];
    for (int m = 0; m < METRICS.length; m++) {
      if (enough[m] && n[m] >= RESAMPLES / 2) {
        intervals[m] = interval(Arrays.copyOf(changes[m], n[m]), widen);
      }
    }
    return intervals;
  }

  private boolean[] enoughRequests() {
    boolean[] enough = new boolean[METRICS.length];
    for (int m = 0; m < METRICS.length; m++) {
      Metric metric = METRICS[m];
      enough[m] =
          metric.enoughRequests(requests(before, metric))
              && metric.enoughRequests(requests(now, metric));
    }
    return enough;
  }

  private static long requests(Compact[] blocks, Metric metric) {
    long requests = 0;
    for (Compact block : blocks) {
      requests += block.ok() + (metric == Metric.FAILED_PCT ? block.ko() : 0);
    }
    return requests;
  }

  /** Every metric of as many blocks of a run as it has, drawn with replacement and merged. */
  private double[] draw(Compact[] blocks, long[] merged, SplittableRandom random) {
    Arrays.fill(merged, 0);
    long ok = 0;
    long ko = 0;
    int seconds = 0;
    for (int i = 0; i < blocks.length; i++) {
      Compact block = blocks[random.nextInt(blocks.length)];
      for (int j = 0; j < block.positions().length; j++) {
        merged[block.positions()[j]] += block.counts()[j];
      }
      ok += block.ok();
      ko += block.ko();
      seconds += block.seconds();
    }
    double[] micros = percentilesMicros(merged, ok);
    double[] values = new double[METRICS.length];
    for (int m = 0; m < METRICS.length; m++) {
      int at = m;
      values[m] = METRICS[m].value(ok, ko, seconds, percentile -> micros[at]);
    }
    return values;
  }

  /**
   * Per metric (by ordinal), the percentile it reads of the merged counts in µs, in one pass, as
   * HdrHistogram reads one: the first value at which the count reaches its share of {@code total}.
   */
  private double[] percentilesMicros(long[] merged, long total) {
    double[] micros = new double[METRICS.length];
    int m = nextPercentile(0);
    long seen = 0;
    for (int i = 0; i < merged.length && m < METRICS.length; i++) {
      seen += merged[i];
      while (m < METRICS.length && seen >= rank(METRICS[m].percentile(), total)) {
        micros[m] = scale[i] / 1000.0;
        m = nextPercentile(m + 1);
      }
    }
    return micros;
  }

  private static int nextPercentile(int from) {
    int m = from;
    while (m < METRICS.length && !METRICS[m].isPercentile()) {
      m++;
    }
    return m;
  }

  /** The rank HdrHistogram's getValueAtPercentile looks for. */
  static long rank(double percentile, long total) {
    double below = Math.nextAfter(percentile, Double.NEGATIVE_INFINITY);
    return Math.max(1, (long) Math.ceil(below * total / 100));
  }

  private static double[] interval(double[] changes, double widen) {
    Arrays.sort(changes);
    int n = changes.length;
    double low = changes[(int) Math.floor(0.005 * (n - 1))];
    double high = changes[(int) Math.ceil(0.995 * (n - 1))];
    double middle = changes[(n - 1) / 2];
    // a bootstrap over a handful of blocks draws too narrow an interval: widen it as Student's t
    // widens the normal interval for so few values
    return new double[] {middle - (middle - low) * widen, middle + (high - middle) * widen};
  }

  /** Student's t over the normal quantile, two-sided 99 %, for {@code df} degrees of freedom. */
  static double smallSampleWidening(int df) {
    int[] dfs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 15, 20, 30, 60};
    double[] t = {
      63.657, 9.925, 5.841, 4.604, 4.032, 3.707, 3.499, 3.355, 3.250, 3.169, 3.055, 2.947, 2.845,
      2.750, 2.660
    };
    double quantile = 2.576;
    for (int i = dfs.length - 1; i >= 0; i--) {
      if (df >= dfs[i]) {
        quantile = i == dfs.length - 1 && df > 120 ? 2.576 : t[i];
        break;
      }
    }
    return quantile / 2.576;
  }
}
