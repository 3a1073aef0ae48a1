package dev.redline.report;

import dev.redline.html.Html;
import dev.redline.measure.LatencyRecorder;
import dev.redline.measure.RequestSeries;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The report's errors by kind: per request name, each kind's count and first message. */
final class ErrorTableHtml {
  private ErrorTableHtml() {}

  /** Appends the table, or a line saying that no request failed. */
  static void appendTo(StringBuilder h, LatencyRecorder recorder) {
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
        "<table><thead><tr><th>request</th><th>kind</th><th>count</th><th>first message</th>"
            + "</tr></thead><tbody>");
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
}
