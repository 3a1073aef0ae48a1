package dev.redline.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * The usual HdrHistogram percentile plot, as SVG: latency (log scale) against 1/(1 − percentile)
 * (log scale, labelled 50 %, 90 %, 99 %, 99.9 %, ...), one line per run, so that two runs' whole
 * distributions can be compared at a glance.
 */
public final class PercentileChart {
  private static final String[] COLORS = {"#7f7f7f", "#e35d00", "#1f77b4", "#2ca02c"};
  private static final int WIDTH = 900;
  private static final int HEIGHT = 280;
  private static final int LEFT = 70;
  private static final int RIGHT = 20;
  private static final int TOP = 20;
  private static final int BOTTOM = 40;

  private PercentileChart() {}

  /**
   * The chart of each named histogram (ns), in order.
   *
   * @param title the caption
   */
  public static String render(String title, Map<String, Histogram> runs) {
    List<List<double[]>> lines = new ArrayList<>();
    double maxX = 1;
    double minY = Double.MAX_VALUE;
    double maxY = 1;
    for (Histogram h : runs.values()) {
      List<double[]> points = new ArrayList<>();
      if (h.getTotalCount() > 0) {
        for (HistogramIterationValue v : h.percentiles(5)) {
          double q = v.getPercentileLevelIteratedTo() / 100.0;
          if (q >= 1) {
            break;
          }
          double x = Math.log10(1 / (1 - q));
          double micros = Math.max(0.1, v.getValueIteratedTo() / 1000.0);
          points.add(new double[] {x, micros});
          maxX = Math.max(maxX, x);
          minY = Math.min(minY, micros);
          maxY = Math.max(maxY, micros);
        }
      }
      lines.add(points);
    }
    double lowY = Math.floor(Math.log10(minY == Double.MAX_VALUE ? 1 : minY));
    double highY = Math.ceil(Math.log10(maxY));
    if (highY <= lowY) {
      highY = lowY + 1;
    }
    double highX = Math.ceil(maxX);
    double plotW = WIDTH - LEFT - RIGHT;
    double plotH = HEIGHT - TOP - BOTTOM;
    StringBuilder svg = Html.chartStart(title, WIDTH, HEIGHT);
    for (double decade = lowY; decade <= highY; decade++) {
      double y = TOP + plotH - plotH * (decade - lowY) / (highY - lowY);
      svg.append(
          String.format(
              Locale.ROOT,
              "<line class=\"grid\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>"
                  + "<text class=\"axis\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s µs</text>",
              LEFT,
              y,
              WIDTH - RIGHT,
              y,
              LEFT - 6,
              y + 4,
              format(Math.pow(10, decade))));
    }
    for (int nines = 0; nines <= highX; nines++) {
      double x = LEFT + plotW * nines / highX;
      String label = nines == 0 ? "0 %" : percentile(nines);
      svg.append(
          String.format(
              Locale.ROOT,
              "<text class=\"axis\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>",
              x,
              HEIGHT - BOTTOM + 16,
              label));
    }
    StringBuilder legend = new StringBuilder("<div class=\"legend\">");
    int i = 0;
    for (String name : runs.keySet()) {
      String colour = COLORS[i % COLORS.length];
      StringBuilder path = new StringBuilder();
      for (double[] p : lines.get(i)) {
        double x = LEFT + plotW * p[0] / highX;
        double y = TOP + plotH - plotH * (Math.log10(p[1]) - lowY) / (highY - lowY);
        path.append(path.length() == 0 ? "M" : "L")
            .append(String.format(Locale.ROOT, "%.1f %.1f ", x, y));
      }
      svg.append("<path fill=\"none\" stroke=\"")
          .append(colour)
          .append("\" stroke-width=\"1.8\" d=\"")
          .append(path)
          .append("\"/>");
      legend
          .append("<span><i style=\"background:")
          .append(colour)
          .append("\"></i>")
          .append(Html.escape(name))
          .append("</span>");
      i++;
    }
    svg.append("</svg>").append(legend).append("</div></figure>");
    return svg.toString();
  }

  private static String percentile(int nines) {
    return switch (nines) {
      case 1 -> "90 %";
      case 2 -> "99 %";
      default -> "99." + "9".repeat(nines - 2) + " %";
    };
  }

  private static String format(double micros) {
    return micros >= 1
        ? String.format(Locale.ROOT, "%,.0f", micros)
        : String.format(Locale.ROOT, "%.1f", micros);
  }
}
