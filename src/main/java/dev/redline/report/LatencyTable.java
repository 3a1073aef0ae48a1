package dev.redline.report;

import dev.redline.measure.LatencyRecorder;
import dev.redline.measure.RequestSeries;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/** The compact microsecond table printed to the console when a run ends. */
public final class LatencyTable {
  /**
   * Waits below this are the cost of a queue hop, not a backlog: their rows would only repeat OK's.
   */
  static final long SHOWN_WAIT_NANOS = 1_000_000;

  private LatencyTable() {}

  /**
   * Renders one row per request name and status: count, mean, min, p50, p90, p99, p99.9, max in µs.
   * OK and KO are service times; RT is the OK requests' response time (the wait since each was due
   * plus its service time) and WAIT the wait alone, shown when some request waited a millisecond or
   * more.
   */
  public static String render(LatencyRecorder recorder) {
    if (recorder.series().isEmpty()) {
      return "Redline: no Redis requests were recorded.";
    }
    StringBuilder out = new StringBuilder();
    String header =
        String.format(
            Locale.ROOT,
            "%-24s %-4s %10s %9s %9s %9s %9s %9s %9s %9s",
            "Redline (microseconds)",
            "",
            "count",
            "mean",
            "min",
            "p50",
            "p90",
            "p99",
            "p99.9",
            "max");
    out.append("=".repeat(header.length())).append('\n').append(header).append('\n');
    for (RequestSeries series : recorder.series()) {
      row(out, series.name(), "OK", series.okHistogram());
      Histogram waits = series.waitHistogram();
      if (waits.getMaxValue() >= SHOWN_WAIT_NANOS) {
        row(out, series.name(), "RT", series.okResponseHistogram());
        row(out, series.name(), "WAIT", waits);
      }
      row(out, series.name(), "KO", series.koHistogram());
    }
    out.append("=".repeat(header.length()));
    return out.toString();
  }

  private static void row(StringBuilder out, String name, String status, Histogram h) {
    if (h.getTotalCount() == 0) {
      return;
    }
    out.append(
        String.format(
            Locale.ROOT,
            "%-24s %-4s %10d %9.1f %9.1f %9.1f %9.1f %9.1f %9.1f %9.1f%n",
            abbreviate(name),
            status,
            h.getTotalCount(),
            h.getMean() / 1000.0,
            micros(h.getMinValue()),
            micros(h.getValueAtPercentile(50)),
            micros(h.getValueAtPercentile(90)),
            micros(h.getValueAtPercentile(99)),
            micros(h.getValueAtPercentile(99.9)),
            micros(h.getMaxValue())));
  }

  private static double micros(long nanos) {
    return nanos / 1000.0;
  }

  private static String abbreviate(String name) {
    return name.length() <= 24 ? name : name.substring(0, 23) + "…";
  }
}
