package dev.redline.compare;

import dev.redline.html.Html;
import dev.redline.html.PercentileChart;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How a comparison with the baseline reads: on the console, in the summary, in the report. */
public final class ComparisonReport {
  private ComparisonReport() {}

  /** The console table: one row per request name, and a line per verdict that is not noise. */
  public static String console(BaselineComparison c) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "Redline against the baseline %s (a change counts when it beats %s and its 99 %%"
                + " interval excludes zero):%n",
            c.baselineLabel(),
            c.threshold().describe()));
    if (c.requests().isEmpty()) {
      out.append(
          String.format(
              Locale.ROOT,
              "the two runs share no request name: this run has %s, the baseline %s%n",
              c.onlyNow(),
              c.onlyInBaseline()));
      return out.toString();
    }
    out.append(
        String.format(
            Locale.ROOT,
            "%-22s %-13s %14s %14s %44s  %s%n",
            "request",
            "metric",
            "baseline",
            "now",
            "change",
            "verdict"));
    c.requests()
        .forEach(
            (name, changes) -> {
              for (MetricChange m : changes) {
                out.append(
                    String.format(
                        Locale.ROOT,
                        "%-22s %-13s %14s %14s %44s  %s%n",
                        shorten(name),
                        m.metric().label(),
                        value(m.baseline()),
                        value(m.current()),
                        m.describeChange(),
                        m.verdict().words()));
              }
            });
    if (!c.onlyNow().isEmpty()) {
      out.append("only in this run: ").append(c.onlyNow()).append(System.lineSeparator());
    }
    if (!c.onlyInBaseline().isEmpty()) {
      out.append("only in the baseline: ")
          .append(c.onlyInBaseline())
          .append(System.lineSeparator());
    }
    return out.toString();
  }

  /** The summary's {@code baseline} field. */
  public static Map<String, Object> summary(BaselineComparison c) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("baseline", c.baselineLabel());
    s.put("threshold", c.threshold().describe());
    s.put("threshold_pct", c.threshold().pct());
    s.put(
        "interval",
        "figures between each run's first and last second; the 99 % block-bootstrap interval of"
            + " the change, resampling those seconds; a change counts when it beats the threshold"
            + " (a fall: the same ratio the other way round) and its interval excludes zero");
    List<Map<String, Object>> requests = new ArrayList<>();
    c.requests()
        .forEach(
            (name, changes) -> {
              Map<String, Object> r = new LinkedHashMap<>();
              r.put("name", name);
              r.put("verdict", c.verdict(name).words());
              List<Map<String, Object>> metrics = new ArrayList<>();
              for (MetricChange m : changes) {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("metric", m.metric().name().toLowerCase(Locale.ROOT));
                one.put("baseline", finite(m.baseline()));
                one.put("current", finite(m.current()));
                one.put("change_pct", finite(m.changePct()));
                one.put("interval_low_pct", finite(m.noiseLowPct()));
                one.put("interval_high_pct", finite(m.noiseHighPct()));
                one.put("threshold_pct", m.thresholdPct());
                one.put("verdict", m.verdict().words());
                metrics.add(one);
              }
              r.put("metrics", metrics);
              requests.add(r);
            });
    s.put("requests", requests);
    s.put("only_in_this_run", c.onlyNow());
    s.put("only_in_baseline", c.onlyInBaseline());
    return s;
  }

  /** The report's section: a table per request name, and both runs' percentile distributions. */
  public static String html(BaselineComparison c) {
    StringBuilder h = new StringBuilder("<section><h2>Against the baseline</h2>");
    h.append("<p class=\"note\">Baseline: ")
        .append(Html.escape(c.baselineLabel()))
        .append(
            String.format(
                Locale.ROOT,
                ". Figures are taken between each run's first and last second. A change is slower"
                    + " or faster only when it beats %s (a fall, the same ratio the other way"
                    + " round) and its 99 %% bootstrap interval lies wholly on one side of zero:"
                    + " each run's seconds are resampled in blocks and the figure shown is taken"
                    + " from each resample; a percentile is judged only when each run holds 20,"
                    + " 100, 1,000 or 10,000 OK requests for p50, p90, p99, p99.9.</p>",
                Html.escape(c.threshold().describe())));
    c.requests()
        .forEach(
            (name, changes) -> {
              h.append("<h3>")
                  .append(Html.escape(name))
                  .append(" — ")
                  .append(Html.escape(c.verdict(name).words()))
                  .append("</h3><table><tr><th>metric</th><th>baseline</th><th>now</th>")
                  .append("<th>change</th><th>verdict</th></tr>");
              for (MetricChange m : changes) {
                h.append("<tr><td>")
                    .append(Html.escape(m.metric().label()))
                    .append("</td><td>")
                    .append(value(m.baseline()))
                    .append("</td><td>")
                    .append(value(m.current()))
                    .append("</td><td>")
                    .append(Html.escape(m.describeChange()))
                    .append("</td><td>")
                    .append(Html.escape(m.verdict().words()))
                    .append("</td></tr>");
              }
              h.append("</table>");
              Map<String, org.HdrHistogram.Histogram> runs = new LinkedHashMap<>();
              runs.put("baseline", c.baseline().ok(name));
              runs.put("this run", c.current().ok(name));
              h.append(PercentileChart.render(name + ": OK service time by percentile", runs));
            });
    return h.append("</section>").toString();
  }

  private static String value(double v) {
    return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%,.1f", v);
  }

  private static Object finite(double v) {
    return Double.isNaN(v) ? null : Math.round(v * 100) / 100.0;
  }

  private static String shorten(String name) {
    return name.length() <= 22 ? name : name.substring(0, 21) + "…";
  }
}
