package dev.redline.report;

import dev.redline.html.Html;
import java.util.Map;

/** The report's settings table: each protocol's settings, one row per key. */
final class SettingsHtml {
  private SettingsHtml() {}

  /** Appends the table; rows are prefixed with their protocol's number when there are several. */
  static void appendTo(StringBuilder h, RunFacts facts) {
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
}
