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
 * Windows rather than single seconds keep a percentile meaningful inside each value; the seed is
 * fixed, so the same two runs always give the same answer.
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
    if (baseline.length < MIN_WINDOWS || current.length < MIN_WINDOWS) {
      return null;
    }
    SplittableRandom random = new SplittableRandom(42);
    double[] changes = new double[RESAMPLES];
    int n = 0;
    for (int i = 0; i < RESAMPLES; i++) {
      double base = resampledMean(baseline, random);
      double now = resampledMean(current, random);
      if (base != 0) {
        changes[n++] = (now - base) / Math.abs(base) * 100;
      }
    }
    if (n < RESAMPLES / 2) {
      return null;
    }
    double[] sorted = Arrays.copyOf(changes, n);
    Arrays.sort(sorted);
    return new double[] {
      sorted[(int) Math.floor(0.005 * (n - 1))], sorted[(int) Math.ceil(0.995 * (n - 1))]
    };
  }

  private static double resampledMean(double[] values, SplittableRandom random) {
    double sum = 0;
    for (int i = 0; i < values.length; i++) {
      sum += values[random.nextInt(values.length)];
    }
    return sum / values.length;
  }
}
