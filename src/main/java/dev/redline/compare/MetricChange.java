package dev.redline.compare;

import dev.redline.config.Metric;
import java.util.Locale;

/**
 * One metric of one request name, in the baseline and now.
 *
 * @param metric what is compared
 * @param baseline its value in the baseline run
 * @param current its value in this run
 * @param changePct (current − baseline) / baseline in percent; NaN when the baseline is 0 or
 *     missing; for the failed share, current − baseline in percentage points
 * @param noiseLowPct the low end of the 99 % interval the change lies in, given the two runs' own
 *     spread (see {@link Noise}); NaN when unknown
 * @param noiseHighPct its high end
 * @param thresholdPct the smallest change worth a verdict (the user's threshold)
 */
public record MetricChange(
    Metric metric,
    double baseline,
    double current,
    double changePct,
    double noiseLowPct,
    double noiseHighPct,
    double thresholdPct) {

  /**
   * Slower (or faster) only when the change beats the threshold and its interval lies wholly on
   * that side of zero; a fall beats a threshold of T % when it is below −100·T/(100+T) % (the same
   * ratio the other way round); for throughput a drop is slower; for the failed share, more
   * failures count as slower.
   */
  public Verdict verdict() {
    if (Double.isNaN(changePct)) {
      return baseline == current ? Verdict.WITHIN_NOISE : Verdict.UNKNOWN;
    }
    if (Double.isNaN(noiseLowPct)) {
      return Verdict.UNKNOWN;
    }
    // the failed share changes in points, and any change beyond its noise counts; a fall is
    // measured as a rise the other way round (twice as slow is +100 %, twice as fast −50 %), so a
    // threshold of 200 % still lets a latency fall count, below −66.7 %
    double rise = metric == Metric.FAILED_PCT ? 0 : thresholdPct;
    double fall = metric == Metric.FAILED_PCT ? 0 : 100 * rise / (100 + rise);
    boolean up = changePct > rise && surelyUp();
    boolean down = changePct < -fall && surelyDown();
    if (up || down) {
      return up == metric.higherIsWorse() ? Verdict.SLOWER : Verdict.FASTER;
    }
    return Verdict.WITHIN_NOISE;
  }

  /** Whether the two runs' spread rules out no change or a fall: the interval is above zero. */
  public boolean surelyUp() {
    return !Double.isNaN(noiseLowPct) && noiseLowPct > 0;
  }

  /** Whether the two runs' spread rules out no change or a rise: the interval is below zero. */
  public boolean surelyDown() {
    return !Double.isNaN(noiseHighPct) && noiseHighPct < 0;
  }

  /** {@code +23.4 % (99 % interval +8.0 … +41.2 %)}; the failed share in points. */
  public String describeChange() {
    if (Double.isNaN(changePct)) {
      return "—";
    }
    String unit = metric == Metric.FAILED_PCT ? "points" : "%";
    return Double.isNaN(noiseLowPct)
        ? String.format(Locale.ROOT, "%+.1f %s", changePct, unit)
        : String.format(
            Locale.ROOT,
            "%+.1f %s (99 %% interval %+.1f … %+.1f %s)",
            changePct,
            unit,
            noiseLowPct,
            noiseHighPct,
            unit);
  }
}
