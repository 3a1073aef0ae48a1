package dev.redline.metrics;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.metrics.data.DoublePointData;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Metrics in Prometheus's text exposition format (0.0.4), named as Prometheus's OpenTelemetry
 * conventions spell them: a counter ends in {@code _total}, a histogram in ms gets {@code
 * _milliseconds} before {@code _bucket}, {@code _sum} and {@code _count}.
 */
final class PrometheusText {
  private PrometheusText() {}

  /** The text of these metrics. */
  static String render(Collection<MetricData> metrics) {
    StringBuilder out = new StringBuilder();
    for (MetricData metric : metrics) {
      switch (metric.getType()) {
        case LONG_SUM -> {
          String name = counterName(metric);
          header(out, name, metric, metric.getLongSumData().isMonotonic() ? "counter" : "gauge");
          for (LongPointData point : metric.getLongSumData().getPoints()) {
            sample(out, name, point.getAttributes(), null, Long.toString(point.getValue()));
          }
        }
        case DOUBLE_SUM -> {
          String name = counterName(metric);
          header(out, name, metric, metric.getDoubleSumData().isMonotonic() ? "counter" : "gauge");
          for (DoublePointData point : metric.getDoubleSumData().getPoints()) {
            sample(out, name, point.getAttributes(), null, number(point.getValue()));
          }
        }
        case LONG_GAUGE -> {
          String name = sanitize(metric.getName());
          header(out, name, metric, "gauge");
          for (LongPointData point : metric.getLongGaugeData().getPoints()) {
            sample(out, name, point.getAttributes(), null, Long.toString(point.getValue()));
          }
        }
        case HISTOGRAM -> {
          String name =
              sanitize(metric.getName()) + ("ms".equals(metric.getUnit()) ? "_milliseconds" : "");
          header(out, name, metric, "histogram");
          for (HistogramPointData point : metric.getHistogramData().getPoints()) {
            List<Double> bounds = point.getBoundaries();
            long cumulative = 0;
            for (int i = 0; i < bounds.size(); i++) {
              cumulative += point.getCounts().get(i);
              sample(
                  out,
                  name + "_bucket",
                  point.getAttributes(),
                  number(bounds.get(i)),
                  Long.toString(cumulative));
            }
            sample(
                out,
                name + "_bucket",
                point.getAttributes(),
                "+Inf",
                Long.toString(point.getCount()));
            sample(out, name + "_sum", point.getAttributes(), null, number(point.getSum()));
            sample(
                out, name + "_count", point.getAttributes(), null, Long.toString(point.getCount()));
          }
        }
        default -> {} // Redline makes no other kind
      }
    }
    return out.toString();
  }

  private static String counterName(MetricData metric) {
    String name = sanitize(metric.getName());
    return name.endsWith("_total") ? name : name + "_total";
  }

  private static void header(StringBuilder out, String name, MetricData metric, String type) {
    out.append("# HELP ")
        .append(name)
        .append(' ')
        .append(metric.getDescription().replace("\\", "\\\\").replace("\n", "\\n"))
        .append('\n');
    out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
  }

  private static void sample(
      StringBuilder out, String name, Attributes attributes, String le, String value) {
    out.append(name);
    StringBuilder labels = new StringBuilder();
    attributes.forEach((key, v) -> label(labels, sanitize(key.getKey()), String.valueOf(v)));
    if (le != null) {
      label(labels, "le", le);
    }
    if (labels.length() > 0) {
      out.append('{').append(labels).append('}');
    }
    out.append(' ').append(value).append('\n');
  }

  private static void label(StringBuilder labels, String name, String value) {
    if (labels.length() > 0) {
      labels.append(',');
    }
    labels
        .append(name)
        .append("=\"")
        .append(value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n"))
        .append('"');
  }

  private static String number(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? Long.toString((long) value)
        : String.format(Locale.ROOT, "%s", value);
  }

  /**
   * A metric or label name Prometheus accepts: letters, digits and '_', not starting with a digit.
   */
  static String sanitize(String name) {
    String s = name.replaceAll("[^a-zA-Z0-9_:]", "_");
    return Character.isDigit(s.charAt(0)) ? "_" + s : s;
  }
}
