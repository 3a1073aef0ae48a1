package dev.redline.bench;

import com.tdunning.math.stats.AVLTreeDigest;
import java.util.Locale;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;

/**
 * Why Gatling's report generation is slow at Redis rates: its statistics feed every record's
 * response time into {@code new AVLTreeDigest(100)} (gatling-charts 3.15.1, t-digest 3.3, several
 * digests per record). Whole milliseconds of sub-millisecond requests are nearly all the same value,
 * and AVLTreeDigest is slow on repeated values. This times the same digest, side by side, fed the
 * run's latencies as Gatling sees them (whole ms) and the same latencies in µs.
 */
final class DigestCost {
  private DigestCost() {}

  static String measure(Histogram roundTripNanos, int samples) {
    SplittableRandom random = new SplittableRandom(42);
    double[] millis = new double[samples];
    double[] micros = new double[samples];
    long zeros = 0;
    for (int i = 0; i < samples; i++) {
      long nanos = roundTripNanos.getValueAtPercentile(100 * random.nextDouble());
      millis[i] = (nanos + 500_000) / 1_000_000;
      micros[i] = nanos / 1000.0;
      zeros += millis[i] == 0 ? 1 : 0;
    }
    double msCost = 0;
    double usCost = 0;
    for (int round = 0; round < 3; round++) { // the last round counts; the first ones warm the JIT
      msCost = nanosPerAdd(millis);
      usCost = nanosPerAdd(micros);
    }
    return String.format(Locale.ROOT,
        "Gatling's t-digest (AVLTreeDigest(100), t-digest 3.3), %,d of this run's round trips: %.2f µs per add in whole ms "
            + "(%.0f %% of them 0 ms, as in Gatling's records), %.2f µs per add for the same latencies in µs: %.0f x slower on "
            + "repeated values%n",
        samples, msCost / 1000, 100.0 * zeros / samples, usCost / 1000, msCost / usCost);
  }

  private static double nanosPerAdd(double[] values) {
    AVLTreeDigest digest = new AVLTreeDigest(100);
    long start = System.nanoTime();
    for (double value : values) {
      digest.add(value);
    }
    return (double) (System.nanoTime() - start) / values.length;
  }
}
