package dev.redline.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/** A small self-contained SVG line chart over run time (seconds), with shaded outage windows. */
public final class SvgChart {
  private static final String[] COLORS = {
    "#e35d00", "#1f77b4", "#2ca02c", "#9467bd", "#d62728", "#8c564b", "#e377c2", "#17becf",
    "#7f7f7f", "#bcbd22"
  };
  private static final int WIDTH = 900;
  private static final int HEIGHT = 260;
  private static final int LEFT = 70;
  private static final int RIGHT = 20;
  private static final int TOP = 20;
  private static final int BOTTOM = 40;

  /** One line: a name and its (second, value) points. */
  public record Line(String name, List<double[]> points) {}

  /** A window of seconds [from, to] to shade. */
  public record Window(long from, long to) {}

  private SvgChart() {}

  public static String render(
      String title,
      String unit,
      long firstSecond,
      long lastSecond,
      List<Line> lines,
      List<Window> outages) {
    double maxY = 0;
    for (Line line : lines) {
      for (double[] p : line.points()) {
        maxY = Math.max(maxY, p[1]);
      }
    }
    maxY = niceCeiling(maxY);
    long span = Math.max(1, lastSecond - firstSecond);
    double plotW = WIDTH - LEFT - RIGHT;
    double plotH = HEIGHT - TOP - BOTTOM;
    StringBuilder svg = Html.chartStart(title, WIDTH, HEIGHT);
    for (Window w : outages) {
      double x1 = LEFT + plotW * (w.from() - firstSecond - 1) / span;
      double x2 = LEFT + plotW * (w.to() - firstSecond) / span;
      svg.append(
          String.format(
              Locale.ROOT,
              "<rect class=\"outage\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%.1f\"><title>errors from second %d to %d</title></rect>",
              Math.max(LEFT, x1),
              TOP,
              Math.max(2, x2 - Math.max(LEFT, x1)),
              plotH,
              w.from() - firstSecond,
              w.to() - firstSecond));
    }
    for (int i = 0; i <= 4; i++) {
      double y = TOP + plotH - plotH * i / 4;
      svg.append(
          String.format(
              Locale.ROOT,
              "<line class=\"grid\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>",
              LEFT,
              y,
              WIDTH - RIGHT,
              y));
      svg.append(
          String.format(
              Locale.ROOT,
              "<text class=\"axis\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>",
              LEFT - 6,
              y + 4,
              format(maxY * i / 4)));
    }
    for (int i = 0; i <= 5; i++) {
      double x = LEFT + plotW * i / 5;
      double at = span * i / 5.0;
      String label = span >= 10 ? Math.round(at) + "s" : String.format(Locale.ROOT, "%.1fs", at);
      svg.append(
          String.format(
              Locale.ROOT,
              "<text class=\"axis\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>",
              x,
              HEIGHT - BOTTOM + 16,
              label));
    }
    svg.append(
        String.format(
            Locale.ROOT,
            "<text class=\"axis\" x=\"12\" y=\"%d\" transform=\"rotate(-90 12 %d)\" text-anchor=\"middle\">%s</text>",
            TOP + (int) plotH / 2,
            TOP + (int) plotH / 2,
            Html.escape(unit)));
    int colour = 0;
    StringBuilder legend = new StringBuilder("<div class=\"legend\">");
    for (Line line : lines) {
      String c = COLORS[colour++ % COLORS.length];
      StringBuilder path = new StringBuilder();
      for (double[] p : onePixelApart(line.points(), firstSecond, span, plotW)) {
        double x = LEFT + plotW * (p[0] - firstSecond) / span;
        double y = TOP + plotH - (maxY == 0 ? 0 : plotH * p[1] / maxY);
        path.append(path.length() == 0 ? "M" : "L")
            .append(String.format(Locale.ROOT, "%.1f %.1f ", x, y));
      }
      if (line.points().size() == 1) {
        double[] p = line.points().get(0);
        double x = LEFT + plotW * (p[0] - firstSecond) / span;
        double y = TOP + plotH - (maxY == 0 ? 0 : plotH * p[1] / maxY);
        svg.append(
            String.format(
                Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>", x, y, c));
      }
      svg.append("<path fill=\"none\" stroke=\"")
          .append(c)
          .append("\" stroke-width=\"1.8\" d=\"")
          .append(path)
          .append("\"/>");
      legend
          .append("<span><i style=\"background:")
          .append(c)
          .append("\"></i>")
          .append(Html.escape(line.name()))
          .append("</span>");
    }
    svg.append("</svg>").append(legend).append("</div></figure>");
    return svg.toString();
  }

  /**
   * The points to draw: all of them while they are at least a pixel apart; beyond that (a run of
   * hours has more seconds than the chart has pixels) the lowest and the highest point of each
   * pixel column, in time order, so that spikes and dips stay visible and the page stays small.
   */
  public static List<double[]> onePixelApart(
      List<double[]> points, long firstSecond, long span, double plotWidth) {
    if (points.size() <= 2 * plotWidth) {
      return points;
    }
    ToLongFunction<double[]> column = p -> (long) (plotWidth * (p[0] - firstSecond) / span);
    List<double[]> kept = new ArrayList<>();
    int i = 0;
    while (i < points.size()) {
      long here = column.applyAsLong(points.get(i));
      double[] low = points.get(i);
      double[] high = low;
      int j = i + 1;
      for (; j < points.size() && column.applyAsLong(points.get(j)) == here; j++) {
        double[] p = points.get(j);
        if (p[1] < low[1]) {
          low = p;
        }
        if (p[1] > high[1]) {
          high = p;
        }
      }
      if (low == high) {
        kept.add(low);
      } else if (low[0] < high[0]) {
        kept.add(low);
        kept.add(high);
      } else {
        kept.add(high);
        kept.add(low);
      }
      i = j;
    }
    return kept;
  }

  private static double niceCeiling(double value) {
    if (value <= 0) {
      return 1;
    }
    double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
    for (double step : new double[] {1, 2, 2.5, 5, 10}) {
      if (step * magnitude >= value) {
        return step * magnitude;
      }
    }
    return 10 * magnitude;
  }

  private static String format(double v) {
    if (v >= 1_000_000) {
      return String.format(Locale.ROOT, "%.1fM", v / 1_000_000);
    }
    if (v >= 10_000) {
      return String.format(Locale.ROOT, "%.0fk", v / 1000);
    }
    return v == Math.rint(v)
        ? String.format(Locale.ROOT, "%.0f", v)
        : String.format(Locale.ROOT, "%.1f", v);
  }
}
