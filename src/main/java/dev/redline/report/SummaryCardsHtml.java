package dev.redline.report;

import dev.redline.html.Html;
import java.util.Locale;
import java.util.Map;

/** The report's row of headline cards: counts, throughput, median, p99 and reconnections. */
final class SummaryCardsHtml {
  private SummaryCardsHtml() {}

  /** Appends the cards, read from the run summary's fields. */
  static void appendTo(StringBuilder h, Map<String, Object> s) {
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
}
