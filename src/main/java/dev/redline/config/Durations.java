package dev.redline.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads run durations: {@code 90}, {@code 90s}, {@code 250ms}, {@code 5m}, {@code 1h}, or {@code
 * unlimited}.
 */
public final class Durations {
  private static final Pattern FORM = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");

  private Durations() {}

  /** A duration as a user writes it: {@code 5s}, {@code 250ms}. */
  public static String describe(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
  }

  /** Empty for "unlimited". */
  public static Optional<Duration> parse(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    if (t.equals("unlimited")) {
      return Optional.empty();
    }
    Matcher m = FORM.matcher(t);
    if (!m.matches()) {
      throw new IllegalArgumentException("a duration such as 90, 90s, 250ms, 5m, 1h or unlimited");
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    Duration d =
        switch (unit) {
          case "ms" -> Duration.ofMillis(n);
          case "m" -> Duration.ofMinutes(n);
          case "h" -> Duration.ofHours(n);
          default -> Duration.ofSeconds(n);
        };
    if (d.isZero()) {
      throw new IllegalArgumentException("a positive duration such as 90s, or unlimited");
    }
    return Optional.of(d);
  }
}
