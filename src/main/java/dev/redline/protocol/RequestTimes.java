package dev.redline.protocol;

/**
 * When one request ran: its start on Gatling's millisecond clock, its service time in nanoseconds,
 * and how long it waited since it was due (for a throttled or backed-off request, or one queued
 * behind another user on its worker). Gatling's record starts when the request was due and ends at
 * the start plus the service time, rounded to the nearest millisecond (one clock read fewer, and no
 * 0-or-1 ms coin toss for a 100 µs request depending on whether it crossed a millisecond boundary).
 */
public record RequestTimes(long startMillis, long nanos, long waitNanos) {

  /**
   * The times of a request that started at {@code startNanos}, ended now, was due at {@code
   * dueNanos}.
   */
  public static RequestTimes since(long startMillis, long startNanos, long dueNanos) {
    return new RequestTimes(
        startMillis, System.nanoTime() - startNanos, Math.max(0, startNanos - dueNanos));
  }

  /** The end on Gatling's clock. */
  public long endMillis() {
    return startMillis + roundedMillis(nanos);
  }

  /**
   * Where Gatling's record starts: when the request was due, its wait before the worker started it
   * included. A group's timings start there too, so that a group holds what its requests do.
   */
  public long gatlingStartMillis() {
    return startMillis - roundedMillis(waitNanos);
  }

  /**
   * One command's share of a round trip of {@code n}: the time divided by n (amortized, not
   * measured per command), from the round trip's start, with no wait of its own.
   */
  public RequestTimes share(int n) {
    return new RequestTimes(startMillis, nanos / n, 0);
  }

  private static long roundedMillis(long nanos) {
    return (nanos + 500_000) / 1_000_000;
  }
}
