package dev.redline.report;

import dev.redline.html.Html;
import dev.redline.html.SvgChart;
import dev.redline.measure.LatencyRecorder;
import dev.redline.measure.PubSubFacts;
import dev.redline.measure.RequestSeries;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.HdrHistogram.Histogram;

/**
 * Renders Redline's companion {@code index.html}: self-contained (inline CSS and SVG, no script, no
 * network), in the colours of Gatling's report.
 */
final class HtmlReport {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.ROOT)
          .withZone(ZoneId.systemDefault());

  private HtmlReport() {}

  static String render(
      RunFacts facts,
      LatencyRecorder recorder,
      CommandCrossCheck crossCheck,
      Map<String, Object> summary,
      Map<String, String> hgrmFiles,
      List<String> extraSections) {
    StringBuilder h = new StringBuilder(64 * 1024);
    h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Redline — ")
        .append(Html.escape(facts.workloadName()))
        .append("</title><style>")
        .append(CSS)
        .append("</style></head><body>");
    h.append(
        "<header><div class=\"brand\">Redline</div><div>microsecond companion to Gatling's report</div></header><main>");
    h.append("<h1>").append(Html.escape(facts.workloadName())).append("</h1>");
    h.append("<p class=\"meta\">run ")
        .append(Html.escape(facts.runId()))
        .append(" · ")
        .append(TIME.format(Instant.ofEpochMilli(facts.runStartMillis())))
        .append(" → ")
        .append(TIME.format(Instant.ofEpochMilli(facts.runEndMillis())))
        .append(
            String.format(
                Locale.ROOT,
                facts.warmupSeconds() > 0
                    ? " (%.1f s measured, after %.1f s of warm-up)"
                    : " (%.1f s)",
                facts.durationSeconds(),
                facts.warmupSeconds()))
        .append(" · Redis ")
        .append(Html.escape(String.join(", ", facts.serverVersions())))
        .append(" · Redline ")
        .append(Html.escape(facts.version()))
        .append(" on ")
        .append(Html.escape(facts.instanceId()))
        .append("</p>");
    cards(h, summary);
    extraSections.forEach(h::append);
    requestTable(h, recorder, facts.durationSeconds());
    errors(h, recorder);
    charts(h, recorder);
    facts.pubsub().ifPresent(pubsub -> pubsub(h, pubsub));
    crossCheck(h, crossCheck);
    settings(h, facts);
    h.append(
        "<section><h2>Files</h2><ul><li><a href=\"summary.json\">summary.json</a> — the run summary</li>");
    hgrmFiles.forEach(
        (file, request) ->
            h.append("<li><a href=\"")
                .append(Html.escape(file))
                .append("\">")
                .append(Html.escape(file))
                .append("</a> — ")
                .append(Html.escape(request))
                .append("</li>"));
    h.append(
        "</ul><p class=\"note\">Latencies are measured around each Jedis call with System.nanoTime(), in microseconds. "
            + "Commands inside a pipeline or transaction get the round-trip time divided by the number of commands (amortized); "
            + "the BATCH / MULTI/EXEC rows are the measured round trips.</p></section>");
    h.append("</main></body></html>");
    return h.toString();
  }

  private static void cards(StringBuilder h, Map<String, Object> s) {
    h.append("<section class=\"cards\">");
    card(h, "commands", String.format(Locale.ROOT, "%,d", (Long) s.get("total_commands_count")));
    card(h, "OK", String.format(Locale.ROOT, "%,d", (Long) s.get("successful_commands_count")));
    card(h, "KO", String.format(Locale.ROOT, "%,d", (Long) s.get("failed_commands_count")));
    card(
        h,
        "commands / s",
        String.format(Locale.ROOT, "%,.0f", (Double) s.get("overall_throughput")));
    card(
        h,
        "median",
        String.format(Locale.ROOT, "%.1f µs", (Double) s.get("median_latency_ms") * 1000));
    card(h, "p99", String.format(Locale.ROOT, "%.1f µs", (Double) s.get("p99_latency_ms") * 1000));
    card(
        h,
        "reconnections",
        String.format(
            Locale.ROOT,
            "%d (avg %.0f ms)",
            (Long) s.get("reconnection_count"),
            (Double) s.get("avg_reconnection_duration_ms")));
    h.append("</section>");
  }

  private static void card(StringBuilder h, String label, String value) {
    h.append("<div class=\"card\"><div class=\"value\">")
        .append(Html.escape(value))
        .append("</div><div class=\"label\">")
        .append(Html.escape(label))
        .append("</div></div>");
  }

  private static void requestTable(StringBuilder h, LatencyRecorder recorder, double seconds) {
    h.append(
        "<section><h2>Requests (µs)</h2><table><thead><tr><th>request</th><th>status</th><th>count</th><th>ops/s</th>"
            + "<th>mean</th><th>min</th><th>p50</th><th>p90</th><th>p99</th><th>p99.9</th><th>max</th></tr></thead><tbody>");
    for (RequestSeries series : recorder.series()) {
      String name = series.name() + (series.isBatch() ? " (round trip)" : "");
      row(h, name, "OK", series.okHistogram(), seconds);
      Histogram waits = series.waitHistogram();
      if (waits.getMaxValue() >= LatencyTable.SHOWN_WAIT_NANOS) {
        row(h, name, "RT", series.okResponseHistogram(), seconds);
        row(h, name, "WAIT", waits, seconds);
      }
      row(h, name, "KO", series.koHistogram(), seconds);
    }
    h.append(
        "</tbody></table><p class=\"note\">OK and KO: service time, from the moment the worker started the request to its reply. "
            + "RT: the OK requests' response time, from when each was due (handed to Redline, or given its throttle slot) to its reply; "
            + "WAIT: the time before the worker started it (queued behind other users, a backlog of arrivals, a backoff during an outage). "
            + "RT and WAIT are shown when some request waited a millisecond or more. A pipeline's commands share their round trip's wait, "
            + "shown under its batch name.</p></section>");
  }

  private static void row(
      StringBuilder h, String name, String status, Histogram hist, double seconds) {
    long n = hist.getTotalCount();
    if (n == 0) {
      return;
    }
    h.append("<tr class=\"")
        .append(status.toLowerCase(Locale.ROOT))
        .append("\"><td>")
        .append(Html.escape(name))
        .append("</td><td>")
        .append(status)
        .append("</td>");
    h.append(
        String.format(
            Locale.ROOT,
            "<td>%,d</td><td>%,.0f</td><td>%.1f</td><td>%.1f</td><td>%.1f</td><td>%.1f</td><td>%.1f</td><td>%.1f</td><td>%.1f</td></tr>",
            n,
            n / seconds,
            hist.getMean() / 1000,
            RunSummary.micros(hist.getMinValue()),
            RunSummary.micros(hist.getValueAtPercentile(50)),
            RunSummary.micros(hist.getValueAtPercentile(90)),
            RunSummary.micros(hist.getValueAtPercentile(99)),
            RunSummary.micros(hist.getValueAtPercentile(99.9)),
            RunSummary.micros(hist.getMaxValue())));
  }

  private static void errors(StringBuilder h, LatencyRecorder recorder) {
    List<String[]> rows = new ArrayList<>();
    for (RequestSeries series : recorder.series()) {
      Map<String, String> examples = series.firstMessageByKind();
      series
          .errorsByKind()
          .forEach(
              (kind, n) ->
                  rows.add(
                      new String[] {
                        series.name(),
                        kind,
                        String.format(Locale.ROOT, "%,d", n),
                        examples.getOrDefault(kind, "")
                      }));
    }
    h.append("<section><h2>Errors by kind</h2>");
    if (rows.isEmpty()) {
      h.append("<p>No request failed.</p></section>");
      return;
    }
    h.append(
        "<table><thead><tr><th>request</th><th>kind</th><th>count</th><th>first message</th></tr></thead><tbody>");
    for (String[] r : rows) {
      h.append("<tr class=\"ko\"><td>")
          .append(Html.escape(r[0]))
          .append("</td><td>")
          .append(Html.escape(r[1]))
          .append("</td><td>")
          .append(r[2])
          .append("</td><td>")
          .append(Html.escape(r[3]))
          .append("</td></tr>");
    }
    h.append("</tbody></table></section>");
  }

  private static void charts(StringBuilder h, LatencyRecorder recorder) {
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (RequestSeries s : recorder.series()) {
      for (RequestSeries.SecondSample p : s.seconds()) {
        first = Math.min(first, p.epochSecond());
        last = Math.max(last, p.epochSecond());
      }
    }
    if (first == Long.MAX_VALUE) {
      return;
    }
    List<SvgChart.Line> throughput = new ArrayList<>();
    List<SvgChart.Line> p50 = new ArrayList<>();
    List<SvgChart.Line> p99 = new ArrayList<>();
    Map<String, TreeMap<Long, Long>> errorsByKind = new TreeMap<>();
    TreeSet<Long> errorSeconds = new TreeSet<>();
    for (RequestSeries s : recorder.series()) {
      List<double[]> ops = new ArrayList<>();
      List<double[]> med = new ArrayList<>();
      List<double[]> tail = new ArrayList<>();
      for (RequestSeries.SecondSample p : s.seconds()) {
        ops.add(new double[] {p.epochSecond(), p.ok()});
        if (p.ok() > 0) {
          med.add(new double[] {p.epochSecond(), p.p50Nanos() / 1000.0});
          tail.add(new double[] {p.epochSecond(), p.p99Nanos() / 1000.0});
        }
        if (p.ko() > 0) {
          errorSeconds.add(p.epochSecond());
        }
        p.errorsByKind()
            .forEach(
                (kind, n) ->
                    errorsByKind
                        .computeIfAbsent(kind, k -> new TreeMap<>())
                        .merge(p.epochSecond(), n, Long::sum));
      }
      throughput.add(new SvgChart.Line(s.name(), ops));
      p50.add(new SvgChart.Line(s.name() + " p50", med));
      p99.add(new SvgChart.Line(s.name() + " p99", tail));
    }
    List<SvgChart.Line> errorLines = new ArrayList<>();
    errorsByKind.forEach(
        (kind, perSecond) -> {
          List<double[]> points = new ArrayList<>();
          for (long sec = perSecond.firstKey() - 1; sec <= perSecond.lastKey() + 1; sec++) {
            points.add(new double[] {sec, perSecond.getOrDefault(sec, 0L)});
          }
          errorLines.add(new SvgChart.Line(kind, points));
        });
    List<SvgChart.Window> windows = windows(errorSeconds);
    h.append("<section><h2>Over time (1 s buckets)</h2>");
    if (!windows.isEmpty()) {
      h.append("<p class=\"note\">Shaded: seconds with failed requests (")
          .append(windows.size())
          .append(" window")
          .append(windows.size() == 1 ? "" : "s")
          .append(").</p>");
    }
    h.append(SvgChart.render("OK requests per second", "ops/s", first, last, throughput, windows));
    if (!errorLines.isEmpty()) {
      h.append(
          SvgChart.render(
              "Errors per second by kind", "errors/s", first, last, errorLines, windows));
    }
    h.append(SvgChart.render("Median latency (OK)", "µs", first, last, p50, windows));
    h.append(SvgChart.render("99th percentile latency (OK)", "µs", first, last, p99, windows));
    h.append("</section>");
  }

  private static List<SvgChart.Window> windows(TreeSet<Long> seconds) {
    List<SvgChart.Window> windows = new ArrayList<>();
    Long start = null;
    Long previous = null;
    for (long s : seconds) {
      if (start == null) {
        start = s;
      } else if (s != previous + 1) {
        windows.add(new SvgChart.Window(start, previous));
        start = s;
      }
      previous = s;
    }
    if (start != null) {
      windows.add(new SvgChart.Window(start, previous));
    }
    return windows;
  }

  private static void pubsub(StringBuilder h, PubSubFacts p) {
    h.append("<section><h2>Pub/sub deliveries</h2><p class=\"")
        .append(p.lost() == 0 && p.duplicates() == 0 ? "good" : "warn")
        .append(
            String.format(
                Locale.ROOT,
                "\">%,d of %,d owed deliveries arrived; %,d lost, %,d duplicated.</p>",
                p.owedArrived(),
                p.owedDeliveries(),
                p.lost(),
                p.duplicates()));
    h.append(
        String.format(
            Locale.ROOT,
            "<p class=\"note\">A subscriber owes each tracked message published on its channels while Redis "
                + "confirmed it was listening (counted by Redline, not from PUBLISH's reply). Subscriptions: %,d, of which %,d again after a "
                + "lost connection. All deliveries, also of messages sent before a subscription was confirmed: %,d.</p></section>",
            p.subscriptions(),
            p.resubscriptions(),
            p.deliveries()));
  }

  private static void crossCheck(StringBuilder h, CommandCrossCheck check) {
    h.append("<section><h2>Server cross-check (INFO commandstats)</h2><p class=\"")
        .append(check.allMatch() || check.differenceIsTheRedirections() ? "good" : "warn")
        .append("\">")
        .append(Html.escape(check.verdict()))
        .append("</p>");
    if (check.available()) {
      h.append(
          "<table><thead><tr><th>command</th><th>sent by Redline</th><th>counted by server</th><th>difference</th></tr></thead><tbody>");
      for (CommandCrossCheck.Row r : check.rows()) {
        h.append("<tr class=\"")
            .append(r.difference() == 0 ? "ok" : "flag")
            .append("\"><td>")
            .append(Html.escape(r.command()))
            .append(
                String.format(
                    Locale.ROOT,
                    "</td><td>%,d</td><td>%,d</td><td>%+,d</td></tr>",
                    r.sent(),
                    r.counted(),
                    r.difference()));
      }
      h.append("</tbody></table>");
      if (!check.connectionSetup().isEmpty()) {
        h.append(
            "<p class=\"note\">Connection setup and cluster slot-map reads, sent by Jedis on its own and not compared: ");
        List<String> parts = new ArrayList<>();
        check.connectionSetup().forEach(r -> parts.add(r.command() + " " + r.counted()));
        h.append(Html.escape(String.join(", ", parts))).append(".</p>");
      }
      if (!check.redirections().isEmpty()) {
        h.append(
            "<p class=\"note\">Cluster redirections answered by the primaries (INFO errorstats, followed by Jedis): ");
        List<String> parts = new ArrayList<>();
        check.redirections().forEach((code, n) -> parts.add(code + " " + n));
        h.append(Html.escape(String.join(", ", parts))).append(".</p>");
      }
    }
    h.append("</section>");
  }

  private static void settings(StringBuilder h, RunFacts facts) {
    h.append("<section><h2>Settings</h2><table><tbody>");
    int i = 0;
    for (Map<String, Object> protocol : facts.settings()) {
      i++;
      for (Map.Entry<String, Object> e : protocol.entrySet()) {
        h.append("<tr><td>")
            .append(facts.settings().size() > 1 ? "protocol " + i + " · " : "")
            .append(Html.escape(e.getKey()))
            .append("</td><td>")
            .append(Html.escape(String.valueOf(e.getValue())))
            .append("</td></tr>");
      }
    }
    h.append("</tbody></table></section>");
  }

  private static final String CSS =
      """
      body{margin:0;font-family:-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#1a1a1a;background:#f5f5f5}
      header{background:#e35d00;color:#fff;padding:12px 28px;display:flex;gap:24px;align-items:baseline}
      header .brand{font-size:22px;font-weight:700;letter-spacing:.5px}
      main{max-width:1100px;margin:0 auto;padding:16px 28px 40px}
      h1{font-size:22px;margin:18px 0 4px}h2{font-size:17px;margin:0 0 10px;color:#e35d00}
      .meta,.note{color:#666;font-size:13px}
      section{background:#fff;border-radius:6px;box-shadow:0 1px 3px rgba(0,0,0,.12);padding:16px 20px;margin:16px 0}
      .cards{display:flex;flex-wrap:wrap;gap:12px;background:none;box-shadow:none;padding:0}
      .card{background:#fff;border-radius:6px;box-shadow:0 1px 3px rgba(0,0,0,.12);padding:12px 18px;min-width:120px}
      .card .value{font-size:20px;font-weight:600}.card .label{color:#666;font-size:12px;text-transform:uppercase}
      table{border-collapse:collapse;width:100%;font-size:13px}
      th{background:#fdf1e8;text-align:right;padding:6px 8px;border-bottom:2px solid #e35d00}
      td{text-align:right;padding:5px 8px;border-bottom:1px solid #eee;font-variant-numeric:tabular-nums}
      th:first-child,td:first-child,td:nth-child(4):last-child{text-align:left}
      tr.ko td{color:#b00020}tr.flag td{background:#fff3cd}
      .good{color:#1b7f3b}.warn{color:#9a6700;font-weight:600}
      figure{margin:12px 0 20px}figcaption{font-weight:600;font-size:14px;margin-bottom:4px}
      svg{width:100%;height:auto;background:#fff}svg .grid{stroke:#e6e6e6}svg .axis{font-size:11px;fill:#666}
      svg .outage{fill:#d62728;opacity:.12}
      .legend{display:flex;flex-wrap:wrap;gap:12px;font-size:12px;color:#444}
      .legend i{display:inline-block;width:10px;height:10px;margin-right:4px;border-radius:2px}
      """;
}
