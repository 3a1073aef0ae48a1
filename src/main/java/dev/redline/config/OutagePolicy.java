package dev.redline.config;

import java.time.Duration;

/**
 * What a client does while Redis cannot be reached: its next request waits from {@code backoffMin},
 * doubling per failure up to {@code backoffMax}; a request that failed on the connection is tried
 * {@code retryAttempts} more times; and whether the load starts at all while Redis is down. Checked
 * here once for the DSL and the settings alike.
 */
public record OutagePolicy(
    Duration backoffMin, Duration backoffMax, int retryAttempts, boolean startDuringOutage) {

  /** 10 ms to 500 ms of backoff, no retry, no start during an outage. */
  public static final OutagePolicy DEFAULTS =
      new OutagePolicy(Duration.ofMillis(10), Duration.ofMillis(500), 0, false);

  /**
   * @throws IllegalArgumentException naming the setting that cannot work
   */
  public OutagePolicy {
    ConnectionOptions.positive("backoff min", backoffMin);
    ConnectionOptions.positive("backoff max", backoffMax);
    if (backoffMin.compareTo(backoffMax) > 0) {
      throw new IllegalArgumentException(
          "backoff min " + backoffMin + " is larger than max " + backoffMax);
    }
    if (retryAttempts < 0) {
      throw new IllegalArgumentException("retryAttempts must be 0 or more, got " + retryAttempts);
    }
  }

  public OutagePolicy withBackoff(Duration min, Duration max) {
    return new OutagePolicy(min, max, retryAttempts, startDuringOutage);
  }

  public OutagePolicy withRetryAttempts(int attempts) {
    return new OutagePolicy(backoffMin, backoffMax, attempts, startDuringOutage);
  }

  public OutagePolicy startingDuringOutage() {
    return new OutagePolicy(backoffMin, backoffMax, retryAttempts, true);
  }
}
