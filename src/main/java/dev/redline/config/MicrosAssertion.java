package dev.redline.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One microsecond assertion, as written: {@code <request name or *> [ok|rt|wait] <stat> <op>
 * <value><unit>}, e.g. {@code GET p99 < 500us}, {@code * failed_pct < 0.1%}, {@code SET rt p99.9 <=
 * 2ms}, or against a baseline run, {@code GET p99 vs baseline < +20%}.
 *
 * @param text the assertion as written (trimmed)
 * @param target a request name, or {@code *} for every command
 * @param measure which time a latency statistic reads
 * @param stat the statistic
 * @param op the comparison
 * @param threshold the bound: µs for latencies, requests per second, a percentage, a count, or for
 *     a baseline comparison the change in percent
 * @param vsBaseline whether the bound is on the change from the baseline run
 */
public record MicrosAssertion(
    String text,
    String target,
    Measure measure,
    Stat stat,
    Op op,
    double threshold,
    boolean vsBaseline) {

  /** Which time of a request a latency statistic reads. */
  public enum Measure {
    /** Service time: from the worker starting the request to its reply (the default, "ok"). */
    SERVICE("ok"),
    /** Response time: the wait before the worker started it, plus its service time ("rt"). */
    RESPONSE("rt"),
    /** The wait alone ("wait"). */
    WAIT("wait");

    private final String word;

    Measure(String word) {
      this.word = word;
    }

    /** How an assertion names it. */
    public String word() {
      return word;
    }
  }

  /** A comparison. */
  public enum Op {
    LT("<"),
    LE("<="),
    GT(">"),
    GE(">=");

    private final String symbol;

    Op(String symbol) {
      this.symbol = symbol;
    }

    /** Whether {@code actual op bound} holds. */
    public boolean holds(double actual, double bound) {
      return switch (this) {
        case LT -> actual < bound;
        case LE -> actual <= bound;
        case GT -> actual > bound;
        case GE -> actual >= bound;
      };
    }

    /** As written: {@code <}, {@code <=}, ... */
    public String symbol() {
      return symbol;
    }

    static Op of(String symbol) {
      for (Op op : values()) {
        if (op.symbol.equals(symbol)) {
          return op;
        }
      }
      throw new IllegalArgumentException(symbol);
    }
  }

  /**
   * A statistic.
   *
   * @param name as written ({@code p99.9}, {@code mean}, {@code ops_per_sec}, ...)
   * @param percentile for {@code pNN}, the percentile; else -1
   */
  public record Stat(String name, double percentile) {
    /** Whether it reads a latency (mean, max, a percentile). */
    public boolean isLatency() {
      return percentile >= 0 || name.equals("mean") || name.equals("max");
    }

    /**
     * Whether it reads a stretch of wall-clock time: {@code unreachable}, the longest time any one
     * client spent unable to reach Redis (the sum of its outages, one still open at the end
     * included).
     */
    public boolean isTime() {
      return name.equals("unreachable");
    }
  }

  /** What an assertion looks like, for messages. */
  public static final String FORM =
      "'<request name or *> [ok|rt|wait] <stat> <op> <value><unit>' with stat mean, max, p50..p99.99,"
          + " ops_per_sec, failed_pct or failed_count (or '* unreachable < 1s'), op <, <=, > or"
          + " >=, unit us, ms, s or %, e.g. 'GET p99 < 500us; * failed_pct < 0.1%;"
          + " GET p99 vs baseline < +20%'";

  private static final Pattern SHAPE =
      Pattern.compile(
          "^(?<target>\"[^\"]+\"|.+?)\\s+(?:(?<measure>ok|rt|wait)\\s+)?"
              + "(?<stat>mean|max|p\\d+(?:\\.\\d+)?|ops_per_sec|failed_pct|failed_count|unreachable)"
              + "(?<vs>\\s+vs\\s+baseline)?\\s*(?<op><=|>=|<|>)\\s*"
              + "(?<value>[+-]?\\d+(?:\\.\\d+)?)\\s*(?<unit>us|µs|ms|s|%)?$");

  /** A stat and a comparison inside what would be a request name: two assertions run together. */
  private static final Pattern ANOTHER_ASSERTION =
      Pattern.compile(
          "[<>]|\\s(?:mean|max|p\\d+(?:\\.\\d+)?|ops_per_sec|failed_pct|failed_count)\\s*[<>]");

  /**
   * Every assertion of a {@code ;}-separated list ({@code redline.assertions}).
   *
   * @param origin where the list came from, for messages
   * @throws ConfigError naming the first assertion that is not well formed and why
   */
  public static List<MicrosAssertion> parseAll(String list, String origin) {
    List<MicrosAssertion> all = new ArrayList<>();
    for (String one : list.split(";")) {
      if (!one.isBlank()) {
        all.add(parse(one, origin));
      }
    }
    return all;
  }

  /**
   * One assertion.
   *
   * @throws ConfigError saying why it is not well formed and what is
   */
  public static MicrosAssertion parse(String written, String origin) {
    String text = written.strip().replaceAll("\\s+", " ");
    Matcher m = SHAPE.matcher(text);
    if (!m.matches()) {
      throw invalid(
          text,
          origin,
          SHAPE.matcher(text.toLowerCase(Locale.ROOT)).matches()
              ? "stats, measures and units are written in lower case (p99, ok, us, ms)"
              : "it does not read as an assertion");
    }
    String target = m.group("target");
    if (target.startsWith("\"") || target.endsWith("\"")) {
      if (target.length() < 3 || !target.startsWith("\"") || !target.endsWith("\"")) {
        throw invalid(text, origin, "a quoted request name needs a quote at both ends");
      }
      target = target.substring(1, target.length() - 1);
    } else if (ANOTHER_ASSERTION.matcher(target).find()) {
      throw invalid(
          text,
          origin,
          "the request name '"
              + target
              + "' holds another assertion: separate assertions with ';' (quote a name that really"
              + " holds '<' or '>')");
    }
    Stat stat = stat(m.group("stat"), text, origin);
    boolean vs = m.group("vs") != null;
    String unit = m.group("unit") == null ? "" : m.group("unit");
    double value = Double.parseDouble(m.group("value"));
    Measure measure = measure(m.group("measure"));
    if (m.group("measure") != null && !stat.isLatency()) {
      throw invalid(
          text, origin, "ok, rt and wait choose a latency; " + stat.name() + " is not one");
    }
    if (stat.name().equals("unreachable") && (!target.equals("*") || vs)) {
      throw invalid(
          text,
          origin,
          "unreachable is the time a client could not reach Redis, for the whole run: write"
              + " '* unreachable < 1s'");
    }
    double threshold;
    if (vs) {
      if (!unit.equals("%")) {
        throw invalid(text, origin, "a change from the baseline is a percentage, e.g. < +20%");
      }
      if (Metric.of(stat.name()) == null
          || m.group("measure") != null && !m.group("measure").equals("ok")) {
        throw invalid(
            text,
            origin,
            "a baseline compares ops_per_sec, p50, p90, p99, p99.9 and failed_pct (in percentage"
                + " points) of service times");
      }
      threshold = value;
    } else if (stat.isLatency() || stat.isTime()) {
      threshold =
          switch (unit) {
            case "us", "µs" -> value;
            case "ms" -> value * 1_000;
            case "s" -> value * 1_000_000;
            default -> throw invalid(text, origin, "a latency needs a unit: us, ms or s");
          };
    } else if (stat.name().equals("failed_pct")) {
      if (!unit.isEmpty() && !unit.equals("%")) {
        throw invalid(text, origin, "failed_pct is a percentage: write it with %");
      }
      threshold = value;
    } else {
      if (!unit.isEmpty()) {
        throw invalid(text, origin, stat.name() + " takes a plain number, without a unit");
      }
      threshold = value;
    }
    Op op = Op.of(m.group("op"));
    // a measured value is never below 0: a bound there can only fail (< 0) or only hold (> -1)
    if (!vs && (threshold < 0 || threshold == 0 && (op == Op.LT || op == Op.GE))) {
      throw invalid(
          text,
          origin,
          "a measured value is never below 0, so this bound "
              + (op == Op.LT || op == Op.LE ? "can never hold" : "always holds"));
    }
    return new MicrosAssertion(text, target, measure, stat, op, threshold, vs);
  }

  private static Measure measure(String word) {
    if (word == null) {
      return Measure.SERVICE;
    }
    for (Measure measure : Measure.values()) {
      if (measure.word.equals(word)) {
        return measure;
      }
    }
    throw new IllegalArgumentException(word);
  }

  private static Stat stat(String name, String text, String origin) {
    if (name.startsWith("p")) {
      double percentile = Double.parseDouble(name.substring(1));
      if (percentile >= 100) {
        throw invalid(text, origin, name + " is the slowest request: write max");
      }
      if (percentile <= 0) {
        throw invalid(
            text,
            origin,
            name + " would be the fastest request: a percentile is above p0, e.g. p50");
      }
      return new Stat(name, percentile);
    }
    return new Stat(name, -1);
  }

  private static ConfigError invalid(String text, String origin, String why) {
    return new ConfigError(
        "assertion '" + text + "' (" + origin + "): " + why + "; expected " + FORM);
  }

  /** The bound as written for a report: {@code 500 µs}, {@code 0.1 %}, {@code +20 %}. */
  public String bound() {
    if (vsBaseline) {
      return String.format(Locale.ROOT, "%+.1f %%", threshold);
    }
    if (stat.isLatency() || stat.isTime()) {
      return String.format(Locale.ROOT, "%,.1f µs", threshold);
    }
    return stat.name().equals("failed_pct")
        ? String.format(Locale.ROOT, "%.3f %%", threshold)
        : String.format(Locale.ROOT, "%,.1f", threshold);
  }
}
