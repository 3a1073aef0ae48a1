package dev.redline.report;

import dev.redline.measure.PubSubFacts;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the companion report says about the run besides latencies.
 *
 * @param appName APP_NAME / {@code redline.app_name}, default "redline"
 * @param instanceId this load generator: host name and process id
 * @param runId a fresh UUID per run
 * @param version Redline's version
 * @param workloadName the scenario name(s) of the run
 * @param runStartMillis when the run started (epoch ms)
 * @param runEndMillis when it ended (epoch ms)
 * @param measureStartMillis when measuring started (epoch ms): the run's start, or the end of its
 *     warm-up
 * @param settings one map per protocol, password redacted
 * @param serverVersions the Redis version of each server loaded
 * @param reconnectionCount outages that clients recovered from
 * @param avgReconnectionMillis mean time from a client's first failure to its next success
 * @param pubsub the pub/sub accounting, when the run had subscribers
 * @param metrics where the live metrics went and how that went; empty when they were off
 * @param gapMillis time between the measured start and the end when nothing was measured: 0 for a
 *     run; for merged runs, the gaps between runs that did not overlap
 * @param requestSpan the span in which measured requests ran, {@code [first start, last end]} in
 *     epoch ms; empty when none ran
 */
public record RunFacts(
    String appName,
    String instanceId,
    String runId,
    String version,
    String workloadName,
    long runStartMillis,
    long runEndMillis,
    long measureStartMillis,
    List<Map<String, Object>> settings,
    List<String> serverVersions,
    long reconnectionCount,
    double avgReconnectionMillis,
    Optional<PubSubFacts> pubsub,
    Map<String, Object> metrics,
    long gapMillis,
    Optional<long[]> requestSpan) {

  /**
   * How long measured requests ran, in seconds (at least a millisecond): from the first measured
   * request's start to the last one's end, gaps between merged runs left out; throughput is counted
   * over it. Without requests, the measured part of the run.
   */
  public double durationSeconds() {
    long span =
        requestSpan
            .map(s -> s[1] - s[0] - gapMillis)
            .orElse(runEndMillis - Math.max(runStartMillis, measureStartMillis) - gapMillis);
    return Math.max(1, span) / 1000.0;
  }

  /** How long the run warmed up before measuring, in seconds (0 without a warm-up). */
  public double warmupSeconds() {
    return Math.max(0, measureStartMillis - runStartMillis) / 1000.0;
  }
}
