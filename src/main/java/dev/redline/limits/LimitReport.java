package dev.redline.limits;

import dev.redline.html.Html;
import dev.redline.measure.LatencyRecorder;
import dev.redline.measure.RequestSeries;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How the limit verdict reads: on the console, in the summary, in the report. */
public final class LimitReport {
  private LimitReport() {}

  /** The console's closing lines: the per-command table, then the verdict. */
  public static String console(LimitVerdict v) {
    StringBuilder out = new StringBuilder();
    if (v.serverLatency() != null) {
      out.append("Redline: ").append(v.serverLatency()).append(System.lineSeparator());
    } else if (!v.commands().isEmpty()) {
      out.append(
          String.format(
              Locale.ROOT,
              "Redline: time inside the server (its LATENCY HISTOGRAM, bucket bounds) beside"
                  + " Redline's%n%-16s %12s %12s %14s %14s %14s %12s %10s%n",
              "command",
              "calls",
              "server mean",
              "server p50",
              "server p99",
              "server p99.9",
              "client mean",
              "outside"));
      for (CommandTime c : v.commands()) {
        out.append(
            String.format(
                Locale.ROOT,
                "%-16s %,12d %9.1f µs %14s %14s %14s %12s %10s%n",
                c.command(),
                c.calls(),
                c.serverMeanMicros(),
                bucket(c.serverP50()),
                bucket(c.serverP99()),
                bucket(c.serverP999()),
                Double.isNaN(c.clientMeanMicros())
                    ? "—"
                    : String.format(Locale.ROOT, "%.1f µs", c.clientMeanMicros()),
                Double.isNaN(c.outsideShare())
                    ? "—"
                    : String.format(Locale.ROOT, "%.0f %%", c.outsideShare() * 100)));
      }
    }
    if (v.nodes().size() > 1) {
      for (NodeTime node : v.nodes()) {
        out.append(
            String.format(
                Locale.ROOT,
                "  %s: %,d commands, %.2f CPU s, main thread %.0f %% busy, p99 %s%n",
                node.node(),
                node.calls(),
                node.cpuSeconds(),
                node.mainThreadBusy() * 100,
                bucket(node.p99())));
      }
    }
    return out.append(v.headline()).append(System.lineSeparator()).toString();
  }

  /**
   * The summary's {@code limit} field: the verdict, its reasons and figures, per command and node.
   */
  public static Map<String, Object> summary(LimitVerdict v) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("verdict", v.verdict());
    s.put("reasons", v.reasons());
    s.putAll(v.figures());
    s.put("server_latency_available", v.serverLatency() == null);
    if (v.serverLatency() != null) {
      s.put("server_latency_note", v.serverLatency());
    }
    List<Map<String, Object>> commands = new ArrayList<>();
    for (CommandTime c : v.commands()) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("command", c.command());
      one.put("calls", c.calls());
      one.put("server_mean_us", round(c.serverMeanMicros()));
      one.putAll(serverLatency(c));
      one.put("client_mean_us", round(c.clientMeanMicros()));
      one.put("outside_server_share", round(c.outsideShare()));
      commands.add(one);
    }
    s.put("commands", commands);
    List<Map<String, Object>> nodes = new ArrayList<>();
    for (NodeTime n : v.nodes()) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("node", n.node());
      one.put("calls", n.calls());
      one.put("cpu_seconds", round(n.cpuSeconds()));
      one.put("main_thread_busy", round(n.mainThreadBusy()));
      if (n.p99() != null) {
        one.put("p99_us", n.p99()[1]);
        one.put("p99_bucket_us", List.of(n.p99()[0], n.p99()[1]));
      }
      nodes.add(one);
    }
    s.put("nodes", nodes);
    return s;
  }

  /** Per request name, its command's {@code server_latency} for the summary's requests. */
  public static Map<String, Map<String, Object>> perRequest(
      LimitVerdict v, LatencyRecorder recorder) {
    Map<String, Map<String, Object>> fields = new LinkedHashMap<>();
    for (RequestSeries series : recorder.series()) {
      for (CommandTime c : v.commands()) {
        if (c.command().equals(series.command()) && c.serverP50() != null) {
          Map<String, Object> latency = new LinkedHashMap<>(serverLatency(c));
          latency.put("command", c.command());
          latency.put("server_mean_us", round(c.serverMeanMicros()));
          fields.put(series.name(), Map.of("server_latency", latency));
        }
      }
    }
    return fields;
  }

  private static Map<String, Object> serverLatency(CommandTime c) {
    Map<String, Object> l = new LinkedHashMap<>();
    if (c.serverP50() == null) {
      return l;
    }
    l.put("p50_us", c.serverP50()[1]);
    l.put("p99_us", c.serverP99()[1]);
    l.put("p99_9_us", c.serverP999()[1]);
    l.put(
        "buckets_us",
        Map.of(
            "p50", List.of(c.serverP50()[0], c.serverP50()[1]),
            "p99", List.of(c.serverP99()[0], c.serverP99()[1]),
            "p99_9", List.of(c.serverP999()[0], c.serverP999()[1])));
    return l;
  }

  /** The report's top section. */
  public static String html(LimitVerdict v) {
    StringBuilder h = new StringBuilder("<section><h2>Where the time went</h2><p><b>");
    h.append(
            Html.escape(
                switch (v.verdict()) {
                  case "server" -> "The server was the limit.";
                  case "load_generator" ->
                      "The load generator was the limit: these figures measure the generator as"
                          + " much as Redis.";
                  case "unknown" -> "Which side was the limit could not be judged.";
                  default -> "Neither side was the limit.";
                }))
        .append("</b></p><ul>");
    v.reasons().forEach(r -> h.append("<li>").append(Html.escape(r)).append("</li>"));
    h.append("</ul>");
    if (v.serverLatency() != null) {
      h.append("<p class=\"note\">").append(Html.escape(v.serverLatency())).append("</p>");
    }
    if (!v.commands().isEmpty()) {
      h.append(
          "<table><tr><th>command</th><th>calls</th><th>server mean</th><th>server p50</th>"
              + "<th>server p99</th><th>server p99.9</th><th>Redline mean</th><th>outside the"
              + " server</th></tr>");
      for (CommandTime c : v.commands()) {
        h.append("<tr><td>")
            .append(Html.escape(c.command()))
            .append("</td><td>")
            .append(String.format(Locale.ROOT, "%,d", c.calls()))
            .append("</td><td>")
            .append(String.format(Locale.ROOT, "%.1f µs", c.serverMeanMicros()))
            .append("</td><td>")
            .append(bucket(c.serverP50()))
            .append("</td><td>")
            .append(bucket(c.serverP99()))
            .append("</td><td>")
            .append(bucket(c.serverP999()))
            .append("</td><td>")
            .append(
                Double.isNaN(c.clientMeanMicros())
                    ? "—"
                    : String.format(Locale.ROOT, "%.1f µs", c.clientMeanMicros()))
            .append("</td><td>")
            .append(
                Double.isNaN(c.outsideShare())
                    ? "—"
                    : String.format(Locale.ROOT, "%.0f %%", c.outsideShare() * 100))
            .append("</td></tr>");
      }
      h.append(
          "</table><p class=\"note\">Server percentiles are the bounds of the power-of-two"
              + " buckets of LATENCY HISTOGRAM that hold them; the server's mean is INFO"
              + " commandstats' time per call.</p>");
    }
    if (v.nodes().size() > 1) {
      h.append("<table><tr><th>server</th><th>commands</th><th>CPU s</th><th>main thread")
          .append(" busy</th><th>p99</th></tr>");
      for (NodeTime n : v.nodes()) {
        h.append("<tr><td>")
            .append(Html.escape(n.node()))
            .append("</td><td>")
            .append(String.format(Locale.ROOT, "%,d", n.calls()))
            .append("</td><td>")
            .append(String.format(Locale.ROOT, "%.2f", n.cpuSeconds()))
            .append("</td><td>")
            .append(String.format(Locale.ROOT, "%.0f %%", n.mainThreadBusy() * 100))
            .append("</td><td>")
            .append(bucket(n.p99()))
            .append("</td></tr>");
      }
      h.append("</table>");
    }
    return h.append("</section>").toString();
  }

  private static String bucket(long[] b) {
    return b == null ? "—" : String.format(Locale.ROOT, "≤ %,d µs", b[1]);
  }

  private static Object round(double v) {
    return Double.isNaN(v) || Double.isInfinite(v) ? null : Math.round(v * 1000) / 1000.0;
  }
}
