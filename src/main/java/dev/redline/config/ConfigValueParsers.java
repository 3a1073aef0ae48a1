package dev.redline.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns a raw setting (a String from the environment or a system property, or a YAML value) into a
 * checked, typed value. Each parser throws IllegalArgumentException saying what is wrong, and
 * {@link ConfigKey#parse} turns that into a {@link ConfigError} naming the key and what it allows.
 */
final class ConfigValueParsers {

  /** The parser of free-text settings (names, passwords): see {@link ConfigKey#takesText()}. */
  static final Function<Object, String> TEXT = ConfigValueParsers::text;

  private ConfigValueParsers() {}

  private static String text(Object v) {
    if (v instanceof Collection<?> || v instanceof Map<?, ?>) {
      throw new IllegalArgumentException(
          "it is a " + (v instanceof Map<?, ?> ? "mapping" : "list") + ", not a single value");
    }
    String s = String.valueOf(v).strip();
    if (s.isEmpty()) {
      throw new IllegalArgumentException("it is empty");
    }
    return s;
  }

  static List<MicrosAssertion> assertions(Object v) {
    String all =
        v instanceof Collection<?> list
            ? String.join(";", list.stream().map(String::valueOf).toList())
            : String.valueOf(v);
    return MicrosAssertion.parseAll(all, "redline.assertions");
  }

  static BaselineThreshold baselineThreshold(Object v) {
    return BaselineThreshold.parse(text(v));
  }

  static String httpUrl(Object v) {
    String s = text(v);
    URI uri;
    try {
      uri = new URI(s);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a URL");
    }
    if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
        || uri.getHost() == null) {
      throw new IllegalArgumentException("no http or https scheme with a host");
    }
    return s;
  }

  static RedisEndpoint url(Object v) {
    return RedisEndpoint.parse(text(v));
  }

  static long whole(Object v) {
    if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      return n.longValue();
    }
    try {
      return Long.parseLong(String.valueOf(v).strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a whole number");
    }
  }

  static int range(Object v, long min, long max) {
    long n = whole(v);
    if (n < min || n > max) {
      throw new IllegalArgumentException(n < min ? "below " + min : "above " + max);
    }
    return (int) n;
  }

  static boolean bool(Object v) {
    if (v instanceof Boolean b) {
      return b;
    }
    String s = String.valueOf(v).strip().toLowerCase(Locale.ROOT);
    if (s.equals("true") || s.equals("false")) {
      return Boolean.parseBoolean(s);
    }
    throw new IllegalArgumentException("not true or false");
  }

  static Optional<Duration> duration(Object v) {
    Optional<Duration> d = Durations.parse(String.valueOf(v));
    if (d.isPresent() && d.get().compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException(
          "a load shorter than a second sends nothing to measure (Gatling's own loop would end"
              + " before its first request)");
    }
    return d;
  }

  static Duration warmup(Object v) {
    String s = String.valueOf(v).strip();
    if (s.matches("0+\\s*(ms|s|m|h)?")) {
      return Duration.ZERO;
    }
    return Durations.parse(s)
        .orElseThrow(() -> new IllegalArgumentException("a warm-up cannot be unlimited"));
  }

  static String oneOf(Object v, Set<String> allowed) {
    String s = String.valueOf(v).strip().toLowerCase(Locale.ROOT);
    if (!allowed.contains(s)) {
      String nearest = NearestName.suggest(s, allowed);
      throw new IllegalArgumentException(
          "unknown" + (nearest != null ? "; did you mean " + nearest + "?" : ""));
    }
    return s;
  }

  static List<String> names(Object v) {
    List<String> names = new ArrayList<>();
    if (v instanceof List<?> list) {
      list.forEach(item -> names.add(String.valueOf(item).strip()));
    } else {
      for (String part : String.valueOf(v).split(",")) {
        names.add(part.strip());
      }
    }
    names.removeIf(String::isEmpty);
    if (names.isEmpty()) {
      throw new IllegalArgumentException("the list is empty");
    }
    return List.copyOf(names);
  }

  static List<String> nodes(Object v) {
    List<String> names = names(v);
    HostPorts.parse(names); // validates every host:port
    return names;
  }

  static Path readableFile(Object v) {
    Path path = Path.of(String.valueOf(v).strip());
    if (!Files.isReadable(path)) {
      throw new IllegalArgumentException("no readable file at " + path.toAbsolutePath());
    }
    return path;
  }

  static List<String> tlsVersions(Object v) {
    List<String> versions = names(v);
    for (String version : versions) {
      if (!TlsSettings.VERSIONS.contains(version)) {
        throw new IllegalArgumentException(
            "'" + version + "' is not one of " + TlsSettings.VERSIONS);
      }
    }
    return versions;
  }

  /**
   * {SET: 0.4, GET: 0.6} from YAML, a YAML list ([SET, GET], or - SET: 0.4 items), or
   * "SET:0.4,GET:0.6" / "SET,GET" from text. A name without a weight weighs 1.
   */
  static Map<String, Double> weights(Object v) {
    Map<String, Double> weights = new LinkedHashMap<>();
    if (v instanceof Map<?, ?> map) {
      map.forEach(
          (op, w) -> weights.put(String.valueOf(op).strip().toUpperCase(Locale.ROOT), weight(w)));
    } else if (v instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof Map<?, ?> one) {
          one.forEach(
              (op, w) ->
                  weights.put(String.valueOf(op).strip().toUpperCase(Locale.ROOT), weight(w)));
        } else if (item != null && !String.valueOf(item).isBlank()) {
          weights.put(String.valueOf(item).strip().toUpperCase(Locale.ROOT), 1.0);
        }
      }
    } else {
      String text = String.valueOf(v).strip();
      if (text.startsWith("{") && text.endsWith("}")) {
        text =
            text.substring(
                1, text.length() - 1); // the YAML flow form, {SET: 0.4, GET: 0.6}, given as text
      }
      for (String part : text.split(",")) {
        String[] opWeight = part.split(":");
        String op = opWeight[0].strip().toUpperCase(Locale.ROOT);
        if (!op.isEmpty()) {
          weights.put(op, opWeight.length > 1 ? weight(opWeight[1]) : 1.0);
        }
      }
    }
    if (weights.isEmpty()) {
      throw new IllegalArgumentException("no operation given");
    }
    double total = 0;
    for (Map.Entry<String, Double> e : weights.entrySet()) {
      if (e.getValue() < 0 || e.getValue().isNaN() || e.getValue().isInfinite()) {
        throw new IllegalArgumentException(
            "weight of " + e.getKey() + " is " + e.getValue() + "; weights are 0 or more");
      }
      total += e.getValue();
    }
    if (total <= 0) {
      throw new IllegalArgumentException("all weights are zero; at least one must be positive");
    }
    return Collections.unmodifiableMap(weights);
  }

  static double speed(Object v) {
    double speed;
    try {
      speed =
          v instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(v).strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + v + "' is not a number");
    }
    if (!(speed == 0 || speed >= 0.001) || Double.isInfinite(speed)) {
      throw new IllegalArgumentException("the speed is 0 or from 0.001");
    }
    return speed;
  }

  private static double weight(Object w) {
    if (w instanceof Number n) {
      return n.doubleValue();
    }
    try {
      return Double.parseDouble(String.valueOf(w).strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("weight '" + w + "' is not a number");
    }
  }
}
