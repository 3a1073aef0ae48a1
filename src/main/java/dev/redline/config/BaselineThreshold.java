package dev.redline.config;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * The smallest change, in percent, that the comparison with a baseline calls "slower" or "faster":
 * one for every metric, and for some metrics their own. Two runs of the same build on a shared CI
 * machine can differ at p99.9 by several times what they differ at p50 (docs/ci-gates.md), so a
 * gate that is tight at p50 needs room at the tail: {@code 10; p99.9 100}.
 *
 * @param pct the threshold of every metric without its own
 * @param byMetric the metrics with a threshold of their own (never the failed share, which has
 *     none: any change beyond its noise counts)
 */
public record BaselineThreshold(double pct, Map<Metric, Double> byMetric) {

  /** The threshold when none is set: below 10 % a change is not worth a verdict. */
  public static final BaselineThreshold DEFAULT = new BaselineThreshold(10, Map.of());

  private static final double MAX_PCT = 1000;

  /** A plain decimal number, a {@code %} after it allowed: not {@code 10d}, {@code 0x1p3}, NaN. */
  private static final Pattern PERCENT = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)\\s*%?");

  /** Checks each percentage and keeps the metrics in their report order. */
  public BaselineThreshold {
    checkPct(pct);
    EnumMap<Metric, Double> ordered = new EnumMap<>(Metric.class);
    byMetric.forEach(
        (metric, value) -> {
          checkOwnThreshold(metric);
          checkPct(value);
          ordered.put(metric, value);
        });
    byMetric = Collections.unmodifiableMap(ordered);
  }

  /** The same threshold for every metric. */
  public static BaselineThreshold of(double pct) {
    return new BaselineThreshold(pct, Map.of());
  }

  /** The threshold a metric is judged with; 0 for the failed share, which has none. */
  public double pctFor(Metric metric) {
    return metric == Metric.FAILED_PCT ? 0 : byMetric.getOrDefault(metric, pct);
  }

  /** This threshold with what a simulation set on top. */
  public BaselineThreshold with(Overrides overrides) {
    Map<Metric, Double> merged = new EnumMap<>(Metric.class);
    merged.putAll(byMetric);
    merged.putAll(overrides.byMetric());
    return new BaselineThreshold(overrides.pct().orElse(pct), merged);
  }

  /**
   * Reads {@code 10}, {@code 10%}, {@code 10; p99.9 100%} or {@code p99.9 100} (10 % for the rest):
   * a percentage for every metric, then any {@code <metric> <percent>} of its own, separated by
   * {@code ;}.
   *
   * @throws IllegalArgumentException naming what is wrong, in a few words
   */
  public static BaselineThreshold parse(String text) {
    Double every = null;
    Map<Metric, Double> own = new EnumMap<>(Metric.class);
    for (String part : text.split(";")) {
      String entry = part.strip();
      if (entry.isEmpty()) {
        continue;
      }
      String[] words = entry.split("\\s+", 2);
      if (Metric.of(words[0]) == null && startsLikeANumber(words[0])) {
        if (every != null) {
          throw new IllegalArgumentException("two thresholds for every metric: " + text.strip());
        }
        every = percent(entry);
        continue;
      }
      Metric metric = Metric.of(words[0]);
      if (metric == null) {
        throw new IllegalArgumentException(
            "unknown metric '" + words[0] + "': one of ops_per_sec, p50, p90, p99, p99.9");
      }
      if (words.length == 1) {
        throw new IllegalArgumentException("no percentage after '" + words[0] + "'");
      }
      checkOwnThreshold(metric);
      if (own.put(metric, percent(words[1])) != null) {
        throw new IllegalArgumentException("two thresholds for " + words[0]);
      }
    }
    if (every == null && own.isEmpty()) {
      throw new IllegalArgumentException("no threshold in it");
    }
    return new BaselineThreshold(every == null ? DEFAULT.pct() : every, own);
  }

  /** {@code 10 %}, or {@code 10 % (p99.9 100 %)}. */
  public String describe() {
    if (byMetric.isEmpty()) {
      return number(pct) + " %";
    }
    StringJoiner own = new StringJoiner(", ", number(pct) + " % (", ")");
    byMetric.forEach((metric, value) -> own.add(metric.statName() + " " + number(value) + " %"));
    return own.toString();
  }

  /**
   * What a simulation's protocol sets of the threshold, on top of the settings'.
   *
   * @param pct the threshold of every metric without its own, or empty for the settings'
   * @param byMetric metrics with a threshold of their own
   */
  public record Overrides(OptionalDouble pct, Map<Metric, Double> byMetric) {
    /** Nothing set: the settings' threshold. */
    public static final Overrides NONE = new Overrides(OptionalDouble.empty(), Map.of());

    /** Checks each percentage and copies the map. */
    public Overrides {
      pct.ifPresent(BaselineThreshold::checkPct);
      byMetric.forEach(
          (metric, value) -> {
            checkOwnThreshold(metric);
            checkPct(value);
          });
      byMetric = Map.copyOf(byMetric);
    }

    /** These overrides with a threshold for every metric without its own. */
    public Overrides withPct(double every) {
      return new Overrides(OptionalDouble.of(every), byMetric);
    }

    /** These overrides with a metric's own threshold. */
    public Overrides with(Metric metric, double own) {
      Map<Metric, Double> more = new EnumMap<>(Metric.class);
      more.putAll(byMetric);
      more.put(metric, own);
      return new Overrides(pct, more);
    }
  }

  private static boolean startsLikeANumber(String word) {
    char first = word.charAt(0);
    return Character.isDigit(first) || first == '.' || first == '-' || first == '+';
  }

  private static double percent(String text) {
    String value = text.strip();
    if (!PERCENT.matcher(value).matches()) {
      throw new IllegalArgumentException(
          value.contains(" ") && !value.endsWith("%")
              ? "'" + value + "': separate each metric's threshold with ';'"
              : "'" + value + "' is not a percentage");
    }
    double pct = Double.parseDouble(value.replace("%", "").strip());
    checkPct(pct);
    return pct;
  }

  private static void checkPct(double value) {
    if (Double.isNaN(value)) {
      throw new IllegalArgumentException("NaN is not a percentage");
    }
    if (!(value >= 0 && value <= MAX_PCT)) {
      throw new IllegalArgumentException(
          number(value) + (value < 0 ? " is below 0" : " is above 1000") + " %");
    }
  }

  private static void checkOwnThreshold(Metric metric) {
    if (metric == Metric.FAILED_PCT) {
      throw new IllegalArgumentException(
          "failed_pct takes no threshold: a change of the failed share counts when it is beyond"
              + " its noise");
    }
  }

  private static String number(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e9
        ? String.format(Locale.ROOT, "%.0f", value)
        : String.valueOf(value);
  }
}
