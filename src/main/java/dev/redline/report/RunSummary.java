package dev.redline.report;

import dev.redline.measure.LatencyRecorder;
import dev.redline.measure.PubSubFacts;
import dev.redline.measure.RequestSeries;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * The run summary as {@code summary.json} holds it: first the fields of the Redis client-testing
 * summary that the Python and Lettuce test apps write (flat, snake_case, latencies in ms), then
 * Redline's own detail under {@code "redline"} (per request name in µs, errors by kind, settings,
 * server versions, the commandstats cross-check).
 *
 * <p>Command counts and latencies cover commands only (a pipeline of 10 counts 10), not the BATCH /
 * MULTI/EXEC round-trip entries, which are listed in the detail.
 */
public final class RunSummary {
  private RunSummary() {}

  /** Builds the summary as nested maps and lists, ready for a JSON writer. */
  public static Map<String, Object> build(
      RunFacts facts, LatencyRecorder recorder, CommandCrossCheck crossCheck) {
    Histogram commandsOk = new Histogram(3);
    long ok = 0;
    long ko = 0;
    Map<String, Long> errorsByKind = new TreeMap<>();
    List<Map<String, Object>> requests = new ArrayList<>();
    for (RequestSeries series : recorder.series()) {
      Histogram okH = series.okHistogram();
      Histogram koH = series.koHistogram();
      if (!series.isBatch()) {
        commandsOk.add(okH);
        ok += okH.getTotalCount();
        ko += koH.getTotalCount();
        series.errorsByKind().forEach((kind, n) -> errorsByKind.merge(kind, n, Long::sum));
      }
      Map<String, Object> request = new LinkedHashMap<>();
      request.put("name", series.name());
      request.put("type", series.isBatch() ? "batch" : "command");
      request.put("ok", stats(okH, facts.durationSeconds()));
      request.put("ko", stats(koH, facts.durationSeconds()));
      request.put("ok_response_time", stats(series.okResponseHistogram(), facts.durationSeconds()));
      request.put("wait", stats(series.waitHistogram(), facts.durationSeconds()));
      request.put("errors_by_kind", series.errorsByKind());
      request.put("error_examples", series.firstMessageByKind());
      requests.add(request);
    }
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("app_name", facts.appName());
    summary.put("instance_id", facts.instanceId());
    summary.put("run_id", facts.runId());
    summary.put("version", facts.version());
    summary.put("workload_name", facts.workloadName());
    summary.put("run_start", java.math.BigDecimal.valueOf(facts.runStartMillis(), 3));
    summary.put("run_end", java.math.BigDecimal.valueOf(facts.runEndMillis(), 3));
    summary.put("warmup_seconds", round(facts.warmupSeconds(), 3));
    summary.put("total_commands_count", ok + ko);
    summary.put("successful_commands_count", ok);
    summary.put("failed_commands_count", ko);
    summary.put("overall_throughput", round((ok + ko) / facts.durationSeconds(), 2));
    summary.put("reconnection_count", facts.reconnectionCount());
    summary.put("avg_reconnection_duration_ms", round(facts.avgReconnectionMillis(), 3));
    boolean any = commandsOk.getTotalCount() > 0;
    summary.put("min_latency_ms", any ? millis(commandsOk.getMinValue()) : 0.0);
    summary.put("max_latency_ms", any ? millis(commandsOk.getMaxValue()) : 0.0);
    summary.put("median_latency_ms", any ? millis(commandsOk.getValueAtPercentile(50)) : 0.0);
    summary.put("p95_latency_ms", any ? millis(commandsOk.getValueAtPercentile(95)) : 0.0);
    summary.put("p99_latency_ms", any ? millis(commandsOk.getValueAtPercentile(99)) : 0.0);
    summary.put("avg_latency_ms", any ? round(commandsOk.getMean() / 1_000_000.0, 4) : 0.0);

    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("latency_unit", "microseconds");
    // throughput and the duration are over the span in which requests ran
    detail.put("duration_seconds", round(facts.durationSeconds(), 3));
    facts
        .requestSpan()
        .ifPresent(
            span ->
                detail.put(
                    "request_span",
                    Map.of(
                        "first_request_start", java.math.BigDecimal.valueOf(span[0], 3),
                        "last_request_end", java.math.BigDecimal.valueOf(span[1], 3))));
    detail.put(
        "measured_from",
        java.math.BigDecimal.valueOf(
            facts.runStartMillis() + Math.round(facts.warmupSeconds() * 1000), 3));
    detail.put("retries", recorder.retries());
    detail.put("requests", requests);
    detail.put("errors_by_kind", errorsByKind);
    detail.put("settings", facts.settings());
    detail.put("server_versions", facts.serverVersions());
    detail.put("commandstats_cross_check", crossCheck(crossCheck));
    facts.pubsub().ifPresent(pubsub -> detail.put("pubsub", pubsub(pubsub)));
    if (!facts.metrics().isEmpty()) {
      detail.put("metrics", facts.metrics());
    }
    summary.put("redline", detail);
    return summary;
  }

  private static Map<String, Object> stats(Histogram h, double seconds) {
    Map<String, Object> s = new LinkedHashMap<>();
    long n = h.getTotalCount();
    s.put("count", n);
    s.put("ops_per_sec", round(n / seconds, 2));
    s.put("mean_us", n == 0 ? 0.0 : round(h.getMean() / 1000.0, 2));
    s.put("min_us", n == 0 ? 0.0 : micros(h.getMinValue()));
    s.put("p50_us", n == 0 ? 0.0 : micros(h.getValueAtPercentile(50)));
    s.put("p90_us", n == 0 ? 0.0 : micros(h.getValueAtPercentile(90)));
    s.put("p99_us", n == 0 ? 0.0 : micros(h.getValueAtPercentile(99)));
    s.put("p99_9_us", n == 0 ? 0.0 : micros(h.getValueAtPercentile(99.9)));
    s.put("max_us", n == 0 ? 0.0 : micros(h.getMaxValue()));
    return s;
  }

  private static Map<String, Object> pubsub(PubSubFacts facts) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("subscriptions", facts.subscriptions());
    p.put("resubscriptions_after_lost_connection", facts.resubscriptions());
    p.put("owed_deliveries", facts.owedDeliveries());
    p.put("owed_deliveries_arrived", facts.owedArrived());
    p.put("lost", facts.lost());
    p.put("duplicates", facts.duplicates());
    p.put("all_deliveries", facts.deliveries());
    return p;
  }

  private static Map<String, Object> crossCheck(CommandCrossCheck check) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("available", check.available());
    c.put("all_match", check.allMatch());
    c.put("verdict", check.verdict());
    List<Map<String, Object>> rows = new ArrayList<>();
    for (CommandCrossCheck.Row row : check.rows()) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("command", row.command());
      r.put("sent_by_redline", row.sent());
      r.put("counted_by_server", row.counted());
      r.put("difference", row.difference());
      rows.add(r);
    }
    c.put("commands", rows);
    Map<String, Long> setup = new TreeMap<>();
    check.connectionSetup().forEach(row -> setup.put(row.command(), row.counted()));
    c.put("connection_setup_counted_by_server", setup);
    if (!check.redirections().isEmpty()) {
      c.put("cluster_redirections", new TreeMap<>(check.redirections()));
      c.put("difference_is_the_redirections", check.differenceIsTheRedirections());
    }
    return c;
  }

  static double micros(long nanos) {
    return round(nanos / 1000.0, 1);
  }

  private static double millis(long nanos) {
    return round(nanos / 1_000_000.0, 4);
  }

  private static double round(double value, int places) {
    double scale = Math.pow(10, places);
    return Math.round(value * scale) / scale;
  }
}
