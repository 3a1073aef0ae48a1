package dev.redline.config;

import java.util.function.DoubleUnaryOperator;

/**
 * What two runs are compared on, per request name: throughput, latency percentiles of OK service
 * times, and the share of KO requests.
 */
public enum Metric {
  // the percentiles in ascending order: a resample reads them in one pass (Noise)
  OPS_PER_SEC("ops/s", -1, 1),
  // a run holds enough requests for ten of them to lie beyond its percentile: a p99.9 of two
  // requests is two requests, which move far between runs of the same build
  P50("p50 µs", 50, 20),
  P90("p90 µs", 90, 100),
  P99("p99 µs", 99, 1_000),
  P99_9("p99.9 µs", 99.9, 10_000),
  FAILED_PCT("failed %", -1, 100);

  private final String label;
  private final double percentile;
  private final long fewestRequests;

  Metric(String label, double percentile, long fewestRequests) {
    this.label = label;
    this.percentile = percentile;
    this.fewestRequests = fewestRequests;
  }

  /** How a report heads it. */
  public String label() {
    return label;
  }

  /** Whether a higher value is worse (latencies, failures) rather than better (throughput). */
  public boolean higherIsWorse() {
    return this != OPS_PER_SEC;
  }

  /** Whether it is a latency percentile rather than a rate or a share. */
  public boolean isPercentile() {
    return percentile > 0;
  }

  /** The percentile a latency metric reads (50, 99.9, ...). */
  public double percentile() {
    return percentile;
  }

  /** Whether a run of {@code requests} (OK, or all for the failed share) can tell this metric. */
  public boolean enoughRequests(long requests) {
    return requests >= fewestRequests;
  }

  /** The metric of a statistic as assertions name it ({@code p99}, {@code ops_per_sec}, ...). */
  public static Metric of(String stat) {
    return switch (stat) {
      case "ops_per_sec" -> OPS_PER_SEC;
      case "p50" -> P50;
      case "p90" -> P90;
      case "p99" -> P99;
      case "p99.9" -> P99_9;
      case "failed_pct" -> FAILED_PCT;
      default -> null;
    };
  }

  /** How assertions and thresholds name it: the inverse of {@link #of(String)}. */
  public String statName() {
    return switch (this) {
      case OPS_PER_SEC -> "ops_per_sec";
      case P50 -> "p50";
      case P90 -> "p90";
      case P99 -> "p99";
      case P99_9 -> "p99.9";
      case FAILED_PCT -> "failed_pct";
    };
  }

  /**
   * The metric's value from a run's (or a resample's) OK and KO counts, its seconds, and its OK
   * service times' percentiles in µs.
   */
  public double value(long ok, long ko, double seconds, DoubleUnaryOperator okPercentileMicros) {
    if (this == OPS_PER_SEC) {
      return ok / seconds;
    }
    if (this == FAILED_PCT) {
      return ok + ko == 0 ? 0 : 100.0 * ko / (ok + ko);
    }
    return ok == 0 ? Double.NaN : okPercentileMicros.applyAsDouble(percentile);
  }
}
