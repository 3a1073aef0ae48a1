package dev.redline.report;

import dev.redline.html.Html;
import dev.redline.measure.LatencyRecorder;
import dev.redline.measure.RequestSeries;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/** The report's request table: a row per request name and status, latencies in microseconds. */
final class RequestTableHtml {
  private RequestTableHtml() {}

  /** Appends the table; ops/s are counts over the run's measured {@code seconds}. */
  static void appendTo(StringBuilder h, LatencyRecorder recorder, double seconds) {
    h.append(
        "<section><h2>Requests (µs)</h2><table><thead><tr><th>request</th><th>status</th>"
            + "<th>count</th><th>ops/s</th>"
            + "<th>mean</th><th>min</th><th>p50</th><th>p90</th><th>p99</th><th>p99.9</th>"
            + "<th>max</th></tr></thead><tbody>");
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
        "</tbody></table><p class=\"note\">OK and KO: service time, from the moment the worker"
            + " started the request to its reply. RT: the OK requests' response time, from when"
            + " each was due (handed to Redline, or given its throttle slot) to its reply; WAIT:"
            + " the time before the worker started it (queued behind other users, a backlog of"
            + " arrivals, a backoff during an outage). RT and WAIT are shown when some request"
            + " waited a millisecond or more. A pipeline's commands share their round trip's wait,"
            + " shown under its batch name.</p></section>");
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
            "<td>%,d</td><td>%,.0f</td><td>%.1f</td><td>%.1f</td><td>%.1f</td><td>%.1f</td>"
                + "<td>%.1f</td><td>%.1f</td><td>%.1f</td></tr>",
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
}
