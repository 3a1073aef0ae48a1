package dev.redline.report;

import dev.redline.html.Html;
import dev.redline.measure.LatencyRecorder;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders Redline's companion {@code index.html}: self-contained (inline CSS and SVG, no script, no
 * network), in the colours of Gatling's report.
 */
final class HtmlReport {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.ROOT)
          .withZone(ZoneId.systemDefault());

  private HtmlReport() {}

  /** The whole page: head and styles, the run's title and times, then each section in turn. */
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
        "<header><div class=\"brand\">Redline</div>"
            + "<div>microsecond companion to Gatling's report</div></header><main>");
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
    SummaryCardsHtml.appendTo(h, summary);
    extraSections.forEach(h::append);
    RequestTableHtml.appendTo(h, recorder, facts.durationSeconds());
    ErrorTableHtml.appendTo(h, recorder);
    OverTimeChartsHtml.appendTo(h, recorder);
    facts.pubsub().ifPresent(pubsub -> PubSubHtml.appendTo(h, pubsub));
    CrossCheckHtml.appendTo(h, crossCheck);
    SettingsHtml.appendTo(h, facts);
    FileListHtml.appendTo(h, hgrmFiles);
    h.append("</main></body></html>");
    return h.toString();
  }

  private static final String CSS =
      """
      body{margin:0;font-family:-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;\
      color:#1a1a1a;background:#f5f5f5}
      header{background:#e35d00;color:#fff;padding:12px 28px;display:flex;gap:24px;\
      align-items:baseline}
      header .brand{font-size:22px;font-weight:700;letter-spacing:.5px}
      main{max-width:1100px;margin:0 auto;padding:16px 28px 40px}
      h1{font-size:22px;margin:18px 0 4px}h2{font-size:17px;margin:0 0 10px;color:#e35d00}
      .meta,.note{color:#666;font-size:13px}
      section{background:#fff;border-radius:6px;box-shadow:0 1px 3px rgba(0,0,0,.12);\
      padding:16px 20px;margin:16px 0}
      .cards{display:flex;flex-wrap:wrap;gap:12px;background:none;box-shadow:none;padding:0}
      .card{background:#fff;border-radius:6px;box-shadow:0 1px 3px rgba(0,0,0,.12);\
      padding:12px 18px;min-width:120px}
      .card .value{font-size:20px;font-weight:600}\
      .card .label{color:#666;font-size:12px;text-transform:uppercase}
      table{border-collapse:collapse;width:100%;font-size:13px}
      th{background:#fdf1e8;text-align:right;padding:6px 8px;border-bottom:2px solid #e35d00}
      td{text-align:right;padding:5px 8px;border-bottom:1px solid #eee;\
      font-variant-numeric:tabular-nums}
      th:first-child,td:first-child,td:nth-child(4):last-child{text-align:left}
      tr.ko td{color:#b00020}tr.flag td{background:#fff3cd}
      .good{color:#1b7f3b}.warn{color:#9a6700;font-weight:600}
      figure{margin:12px 0 20px}figcaption{font-weight:600;font-size:14px;margin-bottom:4px}
      svg{width:100%;height:auto;background:#fff}svg .grid{stroke:#e6e6e6}\
      svg .axis{font-size:11px;fill:#666}
      svg .outage{fill:#d62728;opacity:.12}
      .legend{display:flex;flex-wrap:wrap;gap:12px;font-size:12px;color:#444}
      .legend i{display:inline-block;width:10px;height:10px;margin-right:4px;border-radius:2px}
      """;
}
