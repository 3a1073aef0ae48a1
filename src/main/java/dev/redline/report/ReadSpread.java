package dev.redline.report;

import dev.redline.html.Html;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a run's reads went (read_from replica or any): per node, the reads Redline sent there
 * against the read commands the node itself counted in {@code INFO commandstats} (the per-node
 * cross-check), its share of the reads, and for a replica the largest replication lag seen during
 * the run (its primary's {@code INFO replication}, read once a second).
 *
 * @param readFrom the setting: replica or any
 * @param nodes one row per primary and replica
 */
public record ReadSpread(String readFrom, List<Node> nodes) {
  /** A node's count when it could not be read at the end. */
  public static final long UNREAD = -1;

  /**
   * One node.
   *
   * @param node host:port
   * @param role primary or replica
   * @param sent reads Redline sent to it
   * @param counted read commands it counted (commands the server flags readonly); {@link #UNREAD}
   *     when it could not be read at the end
   * @param maxBytesBehind a replica's largest distance behind its primary's replication offset,
   *     bytes; -1 for a primary or when never seen
   * @param maxLagSeconds a replica's largest {@code lag} (seconds since its last acknowledgement);
   *     -1 likewise
   */
  public record Node(
      String node, String role, long sent, long counted, long maxBytesBehind, long maxLagSeconds) {}

  public ReadSpread {
    nodes = List.copyOf(nodes);
  }

  /** Reads Redline sent, over every node. */
  public long totalSent() {
    return nodes.stream().mapToLong(Node::sent).sum();
  }

  /** Whether every node counted the reads Redline sent it. */
  public boolean allMatch() {
    return nodes.stream().allMatch(n -> n.sent() == n.counted());
  }

  /** A node's share of the reads Redline sent, percent. */
  public double sharePercent(Node node) {
    long total = totalSent();
    return total == 0 ? 0 : 100.0 * node.sent() / total;
  }

  /** The summary's {@code reads} field. */
  public Map<String, Object> summary() {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("read_from", readFrom);
    summary.put("all_match", allMatch());
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Node n : nodes) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("node", n.node());
      row.put("role", n.role());
      row.put("reads_sent", n.sent());
      row.put("reads_counted", n.counted() == UNREAD ? null : n.counted());
      row.put("share_pct", Math.round(sharePercent(n) * 10) / 10.0);
      if (n.role().equals("replica")) {
        row.put("max_bytes_behind", n.maxBytesBehind());
        row.put("max_lag_seconds", n.maxLagSeconds());
      }
      rows.add(row);
    }
    summary.put("nodes", rows);
    return summary;
  }

  /** One line per node, for the console at the end. */
  public List<String> console() {
    List<String> lines = new ArrayList<>();
    lines.add(
        "Redline: reads (read_from: "
            + readFrom
            + ")"
            + (allMatch()
                ? ", each node counted what it was sent:"
                : ", NOT what each node counted:"));
    for (Node n : nodes) {
      lines.add(
          String.format(
              Locale.ROOT,
              "  %-22s %-7s %5.1f %%  sent %,d  %s%s",
              n.node(),
              n.role(),
              sharePercent(n),
              n.sent(),
              n.counted() == UNREAD
                  ? "could not be read at the end"
                  : "counted " + number(n.counted()),
              lag(n)));
    }
    return lines;
  }

  /** The report's section. */
  public String html() {
    StringBuilder h = new StringBuilder();
    h.append("<section><h2>Reads per node (read_from: ")
        .append(Html.escape(readFrom))
        .append(")</h2><p class=\"")
        .append(allMatch() ? "good" : "warn")
        .append("\">")
        .append(
            allMatch()
                ? "Each node counted in INFO commandstats the reads Redline sent it."
                : "A node's INFO commandstats differs from the reads Redline sent it, or could not"
                    + " be read at the end (another client reading it, a failover, a node gone).")
        .append("</p><table><thead><tr><th>node</th><th>role</th><th>share of reads</th>")
        .append("<th>sent by Redline</th><th>counted by the node</th>")
        .append("<th>most bytes behind</th><th>most lag (s)</th></tr></thead><tbody>");
    for (Node n : nodes) {
      h.append("<tr class=\"")
          .append(n.sent() == n.counted() ? "ok" : "flag")
          .append("\"><td>")
          .append(Html.escape(n.node()))
          .append("</td><td>")
          .append(n.role())
          .append(
              String.format(
                  Locale.ROOT,
                  "</td><td>%.1f %%</td><td>%,d</td><td>%s</td><td>%s</td><td>%s</td></tr>",
                  sharePercent(n),
                  n.sent(),
                  n.counted() == UNREAD ? "could not be read at the end" : number(n.counted()),
                  n.maxBytesBehind() < 0 ? "" : number(n.maxBytesBehind()),
                  n.maxLagSeconds() < 0 ? "" : Long.toString(n.maxLagSeconds())));
    }
    h.append(
        "</tbody></table><p class=\"note\">A read is a command the server flags readonly in its"
            + " COMMAND reply. Lag is read once a second from the primary's INFO replication: bytes"
            + " behind its replication offset, and seconds since the replica's last"
            + " acknowledgement (replicas acknowledge once a second).</p></section>");
    return h.toString();
  }

  private static String number(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static String lag(Node n) {
    if (n.maxBytesBehind() < 0) {
      return "";
    }
    return "  lag at most "
        + number(n.maxBytesBehind())
        + " bytes"
        + (n.maxLagSeconds() < 0 ? "" : ", " + n.maxLagSeconds() + " s");
  }
}
