package dev.redline.report;

import dev.redline.html.SvgChart;
import dev.redline.measure.LatencyRecorder;
import dev.redline.measure.RequestSeries;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The report's charts over time in 1 s buckets: OK throughput, errors by kind, median and p99
 * latency, with the seconds that had failed requests shaded.
 */
final class OverTimeChartsHtml {
  private OverTimeChartsHtml() {}

  /** Appends the charts; nothing when no second was recorded. */
  static void appendTo(StringBuilder h, LatencyRecorder recorder) {
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

  /** The runs of consecutive seconds, each as one window. */
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
}
