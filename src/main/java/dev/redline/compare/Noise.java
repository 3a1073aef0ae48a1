package dev.redline.compare;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * How much a change between two runs can be noise: a bootstrap over the per-window values of both
 * runs (see {@link Metric#windows}). Each of {@value #RESAMPLES} resamples draws, with replacement,
 * as many windows as each run has and takes the relative change of their means; the middle 99 % of
 * those changes is the interval the change lies in. A change counts only when that interval lies
 * wholly on one side of zero (and the change beats the user's threshold). The interval is taken as
 * it falls, not as a symmetric half-width: a latency that spikes in some windows (a disk sync) has
 * a long upper tail, and a half-width would hide a slowdown whose whole interval is above zero.
 * With few windows the bootstrap's interval is too narrow (it cannot see how far the values might
 * spread), so it is widened around its middle by Student's t over the normal quantile for the
 * windows' degrees of freedom (×1.44 for four windows a run, ×1.07 for thirty). Windows rather than
 * single seconds keep a percentile meaningful inside each value; the seed is fixed, so the same two
 * runs always give the same answer.
 */
final class Noise {
  static final int RESAMPLES = 2_000;

  /** Fewer windows than this in either run, and the noise is unknown. */
  static final int MIN_WINDOWS = 3;

  private Noise() {}

  /**
   * The 99 % interval of the change in percent of the baseline, {@code [low, high]}, or null when
   * either run has too few windows.
   */
  static double[] intervalPct(double[] baseline, double[] current) {
    return interval(baseline, current, true);
  }

  /**
   * The same for a change in the metric's own unit (percentage points of the failed share), {@code
   * [low, high]}, or null.
   */
  static double[] intervalPoints(double[] baseline, double[] current) {
    return interval(baseline, current, false);
  }

  private static double[] interval(double[] baseline, double[] current, boolean relative) {
    if (baseline.length < MIN_WINDOWS || current.length < MIN_WINDOWS) {
      return null;
    }
    SplittableRandom random = new SplittableRandom(42);
    double[] changes = new double[RESAMPLES];
    int n = 0;
    for (int i = 0; i < RESAMPLES; i++) {
      double base = resampledMean(baseline, random);
      double now = resampledMean(current, random);
      if (!relative) {
        changes[n++] = now - base;
      } else if (base != 0) {
        changes[n++] = (now - base) / Math.abs(base) * 100;
      }
    }
    if (n < RESAMPLES / 2) {
      return null;
    }
    double[] sorted = Arrays.copyOf(changes, n);
    Arrays.sort(sorted);
    double low = sorted[(int) Math.floor(0.005 * (n - 1))];
    double high = sorted[(int) Math.ceil(0.995 * (n - 1))];
    double middle = sorted[(n - 1) / 2];
    // a bootstrap over a handful of windows draws too narrow an interval: widen it as Student's t
    // widens the normal interval for so few values
    double widen = smallSampleWidening(baseline.length + current.length - 2);
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

  private static double resampledMean(double[] values, SplittableRandom random) {
    double sum = 0;
    for (int i = 0; i < values.length; i++) {
      sum += values[random.nextInt(values.length)];
    }
    return sum / values.length;
  }
}
