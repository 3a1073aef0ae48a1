package dev.redline.protocol;

import java.time.Duration;

/**
 * How a protocol's load is measured and reported to Gatling: the warm-up before measuring starts
 * (zero: from the first request), the rate a Gatling throttle asks of the run (0: unknown; where
 * the time went says whether the run reached it), and whether pipelines and transactions give
 * Gatling a record per command besides the batch's (the microsecond recorder always counts every
 * command).
 */
public record LoadOptions(Duration warmup, double throttleTarget, boolean perOpGatlingRecords) {

  /** No warm-up, no throttle target, a Gatling record per command. */
  public static final LoadOptions DEFAULTS = new LoadOptions(Duration.ZERO, 0, true);

  public LoadOptions withWarmup(Duration duration) {
    return new LoadOptions(duration, throttleTarget, perOpGatlingRecords);
  }

  public LoadOptions withThrottleTarget(double requestsPerSecond) {
    return new LoadOptions(warmup, requestsPerSecond, perOpGatlingRecords);
  }

  public LoadOptions batchOnlyGatlingRecords() {
    return new LoadOptions(warmup, throttleTarget, false);
  }
}
