package dev.redline.mirror;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How often a server ran each command, from its {@code INFO commandstats} text ({@code
 * cmdstat_get:calls=120,usec=...}): calls by command name, upper case, a subcommand after a space
 * ({@code CLIENT LIST}).
 */
public record CommandMix(Map<String, Long> calls) {
  private static final Pattern LINE = Pattern.compile("^cmdstat_([^:]+):calls=(\\d+)");

  public CommandMix {
    calls = Collections.unmodifiableMap(new LinkedHashMap<>(calls));
  }

  /**
   * The mix in an INFO text (any sections; only {@code cmdstat_} lines count).
   *
   * @throws IllegalArgumentException when the text holds no {@code cmdstat_} line
   */
  public static CommandMix parse(String info) {
    Map<String, Long> calls = new LinkedHashMap<>();
    for (String line : info.split("\\R")) {
      Matcher m = LINE.matcher(line.strip());
      if (m.find()) {
        String name = m.group(1).replace('|', ' ').toUpperCase(Locale.ROOT);
        calls.merge(name, Long.parseLong(m.group(2)), Long::sum);
      }
    }
    if (calls.isEmpty()) {
      throw new IllegalArgumentException(
          "it holds no INFO commandstats lines (cmdstat_<command>:calls=...): save the output of"
              + " redis-cli INFO commandstats, or INFO all");
    }
    return new CommandMix(calls);
  }

  /** Calls of every command. */
  public long total() {
    return calls.values().stream().mapToLong(Long::longValue).sum();
  }

  /** What {@code since} ran before this: the calls between the two readings. */
  public CommandMix minus(CommandMix since) {
    Map<String, Long> delta = new LinkedHashMap<>();
    calls.forEach(
        (name, n) -> {
          long d = n - since.calls.getOrDefault(name, 0L);
          if (d > 0) {
            delta.put(name, d);
          }
        });
    return new CommandMix(delta);
  }
}
