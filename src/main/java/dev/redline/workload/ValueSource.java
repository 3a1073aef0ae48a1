package dev.redline.workload;

import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Values to write: sizes in [min, max] bytes. In verification mode a key's value is derived from
 * the key and the seed alone, so any later read can say whether it got what was written.
 */
public final class ValueSource {
  private static final char[] ALPHABET =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();

  private final int min;
  private final int max;
  private final boolean verify;
  private final long seed;
  private final String filler;

  public ValueSource(int min, int max, boolean verify, long seed) {
    if (min < 1 || min > max) {
      throw new IllegalArgumentException(
          "value sizes must satisfy 1 <= min <= max, got " + min + ".." + max);
    }
    this.min = min;
    this.max = max;
    this.verify = verify;
    this.seed = seed;
    StringBuilder s = new StringBuilder(max);
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < max; i++) {
      s.append(ALPHABET[random.nextInt(ALPHABET.length)]);
    }
    this.filler = s.toString();
  }

  /** True in data verification mode. */
  public boolean verifying() {
    return verify;
  }

  /** The value to write under {@code key}. */
  public String valueFor(String key) {
    return verify ? expected(key) : random();
  }

  /** A value of a random size in [min, max] (not for verification mode). */
  public String random() {
    return min == max
        ? filler
        : filler.substring(0, ThreadLocalRandom.current().nextInt(min, max + 1));
  }

  /** In verification mode, the only value {@code key} may hold. */
  public String expected(String key) {
    SplittableRandom random = new SplittableRandom(seed * 31 + key.hashCode());
    int size = min == max ? min : min + random.nextInt(max - min + 1);
    StringBuilder value = new StringBuilder(size);
    for (int i = 0; i < size; i++) {
      value.append(ALPHABET[random.nextInt(ALPHABET.length)]);
    }
    return value.toString();
  }
}
