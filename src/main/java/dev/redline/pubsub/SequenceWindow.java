package dev.redline.pubsub;

/**
 * A set of message sequence numbers limited to the latest {@value #SIZE}: a subscriber's record of
 * which messages it saw, or owes, in bounded memory however long the run (two windows of 512 KiB
 * per subscriber). Numbers that have slid out are no longer known: {@link #contains} is false and
 * {@link #add} ignores them. Not thread-safe.
 */
final class SequenceWindow {
  static final int SIZE = 1 << 22;
  private static final int WORDS = SIZE / 64;

  private final long[] words = new long[WORDS];
  private long base;

  /** Adds {@code seq}; returns false when it was already in or has slid out. */
  boolean add(long seq) {
    if (seq < base) {
      return false;
    }
    slideTo(seq);
    int word = (int) ((seq >>> 6) % WORDS);
    long bit = 1L << (seq & 63);
    if ((words[word] & bit) != 0) {
      return false;
    }
    words[word] |= bit;
    return true;
  }

  /** Whether {@code seq} is in (false for numbers that have slid out or are not reached yet). */
  boolean contains(long seq) {
    if (seq < base || seq >= base + SIZE) {
      return false;
    }
    return (words[(int) ((seq >>> 6) % WORDS)] & (1L << (seq & 63))) != 0;
  }

  /** Whether {@code seq} slid out of the window (too old to be known). */
  boolean isForgotten(long seq) {
    return seq < base;
  }

  private void slideTo(long seq) {
    long end = base + SIZE;
    if (seq < end) {
      return;
    }
    long newBase = ((seq - SIZE) >>> 6) + 1 << 6;
    long firstWord = base >>> 6;
    long lastWord = Math.min(newBase >>> 6, firstWord + WORDS);
    for (long w = firstWord; w < lastWord; w++) {
      words[(int) (w % WORDS)] = 0;
    }
    base = newBase;
  }
}
