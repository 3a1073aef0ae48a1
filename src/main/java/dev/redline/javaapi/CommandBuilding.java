package dev.redline.javaapi;

import dev.redline.command.CommandSpec;
import dev.redline.command.SessionValue;
import dev.redline.command.SessionValues;
import io.gatling.javaapi.core.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The root of Redline's command catalog: how a command method turns its arguments — Gatling EL
 * strings, or functions of the session, always the same number of them — into a {@link
 * RedisCommand}. The catalog is written once, one family per class ({@link StreamCommands}, {@link
 * ScriptCommands}, {@link BlockingCommands}, {@link CountingCommands}, then {@link
 * RedisCommandSet}); a request ({@code redis("name")}) names the command, the static forms in
 * {@link RedisDsl} name it by its command.
 */
abstract class CommandBuilding {

  CommandBuilding() {}

  /** Makes the command (named, or by its command name). */
  abstract RedisCommand make(CommandSpec spec);

  final RedisCommand build(String name, List<SessionValue<String>> arguments) {
    return make(CommandSpec.of(name, arguments));
  }

  final RedisCommand blocking(String name, List<SessionValue<String>> arguments, Duration timeout) {
    return make(CommandSpec.of(name, arguments).blockingFor(timeout));
  }

  /** Arguments: EL strings and constants, in order. */
  static List<SessionValue<String>> args(Object... parts) {
    List<SessionValue<String>> all = new ArrayList<>();
    for (Object part : parts) {
      add(all, part);
    }
    return all;
  }

  @SuppressWarnings("unchecked")
  private static void add(List<SessionValue<String>> all, Object part) {
    if (part instanceof String text) {
      all.add(SessionValues.el(text));
    } else if (part instanceof Function<?, ?> f) {
      all.add(SessionValues.fn((Function<Session, String>) f));
    } else if (part instanceof Word word) {
      all.add(SessionValues.constant(word.text()));
    } else if (part instanceof Object[] many) {
      for (Object one : many) {
        add(all, Objects.requireNonNull(one, "a Redis argument must not be null"));
      }
    } else if (part instanceof List<?> many) {
      for (Object one : many) {
        add(all, Objects.requireNonNull(one, "a Redis argument must not be null"));
      }
    } else {
      throw new IllegalArgumentException("not a Redis argument: " + part);
    }
  }

  /** A fixed word of the command (an option, a number written by Redline), never read as EL. */
  record Word(String text) {}

  static Word word(String text) {
    return new Word(text);
  }

  static Word number(long value) {
    return new Word(Long.toString(value));
  }

  static Word number(double value) {
    return new Word(Double.toString(value));
  }

  /** A key count, for EVAL, EVALSHA and FCALL. */
  static Word count(List<?> keys) {
    return new Word(Integer.toString(Objects.requireNonNull(keys, "keys").size()));
  }

  /** A blocking command's timeout, in seconds as Redis reads it (decimals allowed). */
  static Word seconds(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("a blocking timeout must not be negative, got " + timeout);
    }
    return new Word(
        java.math.BigDecimal.valueOf(timeout.toMillis(), 3).stripTrailingZeros().toPlainString());
  }

  /** At least one value (keys, members, fields). */
  static <T> T[] some(T[] values, String what) {
    Objects.requireNonNull(values, what);
    if (values.length == 0) {
      throw new IllegalArgumentException("at least one " + what + " is needed");
    }
    return values;
  }

  /** field, value, field, value, ... */
  static <T> T[] pairs(T[] values, String command) {
    some(values, "field and value");
    if (values.length % 2 != 0) {
      throw new IllegalArgumentException(
          command
              + " takes field, value pairs; got "
              + values.length
              + " arguments: "
              + Arrays.toString(values));
    }
    return values;
  }
}
