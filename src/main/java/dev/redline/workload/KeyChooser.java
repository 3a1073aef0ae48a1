package dev.redline.workload;

import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Draws key numbers in [0, keyRange): uniform, sequential (round robin over the range, shared by
 * all users), gaussian (around the middle, σ = range / 6) or zipf (exponent 1: key 0 hottest).
 */
public abstract class KeyChooser {
  final int range;

  KeyChooser(int range) {
    if (range < 1) {
      throw new IllegalArgumentException("key range must be at least 1, got " + range);
    }
    this.range = range;
  }

  /** The next key number. Thread-safe. */
  public abstract int next();

  /** A chooser for a pattern name. */
  public static KeyChooser of(String pattern, int range) {
    return switch (pattern) {
      case "uniform" -> new Uniform(range);
      case "sequential" -> new Sequential(range);
      case "gaussian" -> new Gaussian(range);
      case "zipf" -> new Zipf(range);
      default ->
          throw new IllegalArgumentException(
              "unknown key pattern '" + pattern + "': uniform, sequential, gaussian or zipf");
    };
  }

  private static final class Uniform extends KeyChooser {
    Uniform(int range) {
      super(range);
    }

    @Override
    public int next() {
      return ThreadLocalRandom.current().nextInt(range);
    }
  }

  private static final class Sequential extends KeyChooser {
    private final AtomicLong counter = new AtomicLong();

    Sequential(int range) {
      super(range);
    }

    @Override
    public int next() {
      return (int) (counter.getAndIncrement() % range);
    }
  }

  private static final class Gaussian extends KeyChooser {
    Gaussian(int range) {
      super(range);
    }

    @Override
    public int next() {
      double n = range / 2.0 + ThreadLocalRandom.current().nextGaussian() * range / 6.0;
      return (int) Math.min(range - 1, Math.max(0, Math.floor(n)));
    }
  }

  private static final class Zipf extends KeyChooser {
    private final double[] cumulative;

    Zipf(int range) {
      super(range);
      cumulative = new double[range];
      double sum = 0;
      for (int k = 0; k < range; k++) {
        sum += 1.0 / (k + 1);
        cumulative[k] = sum;
      }
      for (int k = 0; k < range; k++) {
        cumulative[k] /= sum;
      }
    }

    @Override
    public int next() {
      int i = Arrays.binarySearch(cumulative, ThreadLocalRandom.current().nextDouble());
      return Math.min(range - 1, i >= 0 ? i : -i - 1);
    }
  }
}
