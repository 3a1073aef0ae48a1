package dev.redline.report;

import dev.redline.html.Html;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report's server cross-check: per command, what Redline sent against what the server counted
 * in {@code INFO commandstats}.
 */
final class CrossCheckHtml {
  private CrossCheckHtml() {}

  /** Appends the verdict, and the table when the server could be read. */
  static void appendTo(StringBuilder h, CommandCrossCheck check) {
    h.append("<section><h2>Server cross-check (INFO commandstats)</h2><p class=\"")
        .append(check.allMatch() || check.differenceIsTheRedirections() ? "good" : "warn")
        .append("\">")
        .append(Html.escape(check.verdict()))
        .append("</p>");
    if (check.available()) {
      h.append(
          "<table><thead><tr><th>command</th><th>sent by Redline</th><th>counted by server</th>"
              + "<th>difference</th></tr></thead><tbody>");
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
            "<p class=\"note\">Connection setup, cluster slot-map reads and replicas' replication"
                + " commands, sent by Jedis or the replicas on their"
                + " own and not compared: ");
        List<String> parts = new ArrayList<>();
        check.connectionSetup().forEach(r -> parts.add(r.command() + " " + r.counted()));
        h.append(Html.escape(String.join(", ", parts))).append(".</p>");
      }
      if (!check.redirections().isEmpty()) {
        h.append(
            "<p class=\"note\">Cluster redirections answered by the primaries (INFO errorstats,"
                + " followed by Jedis): ");
        List<String> parts = new ArrayList<>();
        check.redirections().forEach((code, n) -> parts.add(code + " " + n));
        h.append(Html.escape(String.join(", ", parts))).append(".</p>");
      }
    }
    h.append("</section>");
  }
}
