package dev.redline.compare;

import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * What two runs are compared on, per request name: throughput, latency percentiles of OK service
 * times, and the share of KO requests.
 */
public enum Metric {
  OPS_PER_SEC("ops/s", -1, 1),
  // each window holds enough requests for ten of them to lie beyond its percentile: a p99.9 of two
  // requests is two requests, and moved by 70 % between runs of the same build
  P50("p50 µs", 50, 20),
  P90("p90 µs", 90, 100),
  P99("p99 µs", 99, 1_000),
  P99_9("p99.9 µs", 99.9, 10_000),
  FAILED_PCT("failed %", -1, 100);

  private final String label;
  private final double percentile;
  private final long samplesPerWindow;

  Metric(String label, double percentile, long samplesPerWindow) {
    this.label = label;
    this.percentile = percentile;
    this.samplesPerWindow = samplesPerWindow;
  }

  /** How a report heads it. */
  public String label() {
    return label;
  }

  /** Whether a higher value is worse (latencies, failures) rather than better (throughput). */
  public boolean higherIsWorse() {
    return this != OPS_PER_SEC;
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

  /** The metric's value over a whole run. */
  double of(List<RunMeasures.Second> seconds, double spanSeconds) {
    Histogram ok = new Histogram(3);
    long ko = 0;
    for (RunMeasures.Second second : seconds) {
      ok.add(second.ok());
      ko += second.ko().getTotalCount();
    }
    return value(ok, ko, spanSeconds);
  }

  private double value(Histogram ok, long ko, double seconds) {
    long n = ok.getTotalCount();
    if (this == OPS_PER_SEC) {
      return n / seconds;
    }
    if (this == FAILED_PCT) {
      return n + ko == 0 ? 0 : 100.0 * ko / (n + ko);
    }
    return n == 0 ? Double.NaN : ok.getValueAtPercentile(percentile) / 1000.0;
  }

  /**
   * The metric's value in consecutive windows of the run's seconds, each window holding enough
   * requests for the metric to mean something (a second for throughput; at least 1,000 requests for
   * a p99), its first and last seconds left out: the spread of these values is the run's own noise.
   */
  double[] windows(List<RunMeasures.Second> all) {
    // the run's first and last seconds are cut short by its start and end: a rate over a part of a
    // second, or a handful of JIT-cold requests, is not the run's own spread
    List<RunMeasures.Second> seconds = all.size() > 2 ? all.subList(1, all.size() - 1) : all;
    List<Double> values = new java.util.ArrayList<>();
    Histogram ok = new Histogram(3);
    long ko = 0;
    int secondsInWindow = 0;
    long previous = seconds.isEmpty() ? 0 : seconds.get(0).epochSecond() - 1;
    for (RunMeasures.Second second : seconds) {
      ok.add(second.ok());
      ko += second.ko().getTotalCount();
      // a second in which nothing of this request ended has no record: it still passed, and a
      // rate over it counts it (a server stalled for two seconds is two seconds of no requests)
      secondsInWindow += (int) Math.max(1, second.epochSecond() - previous);
      previous = second.epochSecond();
      if (ok.getTotalCount() + (this == FAILED_PCT ? ko : 0) >= samplesPerWindow) {
        values.add(value(ok, ko, secondsInWindow));
        ok.reset();
        ko = 0;
        secondsInWindow = 0;
      }
    }
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
