package dev.redline.javaapi;

import dev.redline.command.CommandSpec;
import dev.redline.command.SessionValue;
import dev.redline.command.SessionValues;
import io.gatling.javaapi.core.Session;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * How the command families turn a method's arguments — Gatling EL strings, functions of the
 * session, fixed words and numbers — into a {@link RedisCommand}, named by the request that made it
 * ({@code redis("name")}) or by its command ({@code cmd}).
 */
final class CommandBuilding {
  private CommandBuilding() {}

  /** The command, named as {@code maker} names commands. */
  static RedisCommand build(Object maker, String command, List<SessionValue<String>> arguments) {
    return named(maker, CommandSpec.of(command, complete(command, arguments)));
  }

  /** A blocking command that waits up to {@code timeout} on the server. */
  static RedisCommand blocking(
      Object maker, String command, List<SessionValue<String>> arguments, Duration timeout) {
    return named(maker, CommandSpec.of(command, complete(command, arguments)).blockingFor(timeout));
  }

  /** The arguments, refused with the command's name when one of them is missing. */
  private static List<SessionValue<String>> complete(
      String command, List<SessionValue<String>> arguments) {
    for (int i = 0; i < arguments.size(); i++) {
      if (arguments.get(i) instanceof Missing missing) {
        String parameter =
            missing.part() < 0 ? null : CatalogParameter.nameAt(command, missing.part());
        throw new RedisDslError(
            command
                + ": "
                + (parameter != null
                    ? "the " + parameter + " (argument " + (i + 1) + ")"
                    : "argument " + (i + 1))
                + " is null; give a value, an EL string or a function of the session");
      }
    }
    return arguments;
  }

  /**
   * A null where an argument should be: refused when the command is built, naming the catalog
   * method's parameter ({@code key}, {@code value}) when it is known.
   *
   * @param part its position among the parts given to {@link #args}, or -1 inside an array or list
   */
  private record Missing(int part) implements SessionValue<String> {
    @Override
    public String resolve(io.gatling.core.session.Session session) {
      throw new IllegalStateException("a missing argument is refused before any request");
    }
  }

  /** The spec named by the request builder that made it, or by its command. */
  static RedisCommand named(Object maker, CommandSpec spec) {
    return new RedisCommand(
        maker instanceof RedisRequestBuilder request ? spec.named(request.requestName()) : spec);
  }

  /**
   * Arguments, in order: EL strings, session functions, words, and arrays or lists of them. A null
   * argument is refused, naming its position.
   */
  static List<SessionValue<String>> args(Object... parts) {
    List<SessionValue<String>> all = new ArrayList<>();
    for (int i = 0; i < parts.length; i++) {
      if (parts[i] == null) {
        all.add(new Missing(i));
      } else {
        add(all, parts[i]);
      }
    }
    return all;
  }

  @SuppressWarnings("unchecked")
  private static void add(List<SessionValue<String>> all, Object part) {
    if (part == null) {
      all.add(new Missing(-1));
      return;
    }
    if (part instanceof String text) {
      all.add(SessionValues.el(text));
    } else if (part instanceof Function<?, ?> f) {
      all.add(SessionValues.fn((Function<Session, String>) f));
    } else if (part instanceof Word word) {
      all.add(SessionValues.constant(word.text()));
    } else if (part instanceof Object[] many) {
      for (Object one : many) {
        add(all, one);
      }
    } else if (part instanceof List<?> many) {
      for (Object one : many) {
        add(all, one);
      }
    } else {
      throw new RedisDslError("not a Redis argument: " + part);
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
    return new Word(Integer.toString(RedisDslError.notNull(keys, "keys").size()));
  }

  /** A blocking command's timeout, in seconds as Redis reads it (decimals allowed). */
  static Word seconds(Duration timeout) {
    RedisDslError.notNull(timeout, "timeout");
    if (timeout.isNegative()) {
      throw new RedisDslError("a blocking timeout must not be negative, got " + timeout);
    }
    return new Word(BigDecimal.valueOf(timeout.toMillis(), 3).stripTrailingZeros().toPlainString());
  }

  /** At least one value (keys, members, fields). */
  static <T> T[] some(T[] values, String what) {
    RedisDslError.notNull(values, what);
    if (values.length == 0) {
      throw new RedisDslError("at least one " + what + " is needed");
    }
    return values;
  }

  /** At least one value (keys, members, fields). */
  static <T> List<T> some(List<T> values, String what) {
    RedisDslError.notNull(values, what);
    if (values.isEmpty()) {
      throw new RedisDslError("at least one " + what + " is needed");
    }
    return values;
  }

  /** field, value, field, value, ... */
  static <T> T[] pairs(T[] values, String command) {
    pairs(Arrays.asList(some(values, "field and value")), command);
    return values;
  }

  /** field, value, field, value, ... */
  static <T> List<T> pairs(List<T> values, String command) {
    some(values, "field and value");
    if (values.size() % 2 != 0) {
      throw new RedisDslError(
          command + " takes field, value pairs; got " + values.size() + " arguments: " + values);
    }
    return values;
  }

  /** SET's arguments followed by its options' words. */
  static List<SessionValue<String>> withOptions(
      List<SessionValue<String>> arguments, SetOption... options) {
    List<SessionValue<String>> all = new ArrayList<>(arguments);
    for (SetOption option : options) {
      RedisDslError.notNull(option, "SET option")
          .words()
          .forEach(word -> all.add(SessionValues.constant(word)));
    }
    return all;
  }
}
