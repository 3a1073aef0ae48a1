package dev.redline.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting, in tests, for real servers to reach a state. */
public final class Await {
  private Await() {}

  /**
   * Polls {@code condition} every 100 ms until it holds.
   *
   * @throws IllegalStateException saying what did not happen within {@code timeout}
   */
  public static void until(String what, Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            what + " did not happen within " + timeout.toSeconds() + " s");
      }
      sleep(100);
    }
  }

  /** Sleeps, keeping the interrupt flag. */
  public static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
