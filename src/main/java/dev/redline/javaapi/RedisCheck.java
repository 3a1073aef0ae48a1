package dev.redline.javaapi;

import dev.redline.command.CheckFailure;
import dev.redline.command.ReplyCheck;
import io.gatling.core.session.Session;
import java.util.Objects;

/**
 * A check on a Redis reply, made with {@link RedisDsl#isEqualTo(String)},
 * {@link RedisDsl#notNull()}, {@link RedisDsl#isNull()}, {@link RedisDsl#satisfies} or
 * {@link RedisDsl#reply()}. A failed check makes the request KO with code {@code CHECK} and a
 * message saying what was expected and what came back.
 *
 * <pre>{@code redis("GET").get("user:#{id}").check(notNull().saveAs("user"))}</pre>
 */
public final class RedisCheck {
  private final ReplyCheck check;

  RedisCheck(ReplyCheck check) {
    this.check = check;
  }

  /**
   * Also saves the reply into the session under {@code attributeName} when the check passes.
   * Strings are saved as {@code String}, integers as {@code Long}, arrays as {@code List}.
   *
   * <pre>{@code redis("INCR").incr("hits").check(reply().saveAs("hits"))}</pre>
   *
   * @param attributeName the session attribute to save into
   * @return a new check
   */
  public RedisCheck saveAs(String attributeName) {
    Objects.requireNonNull(attributeName, "attributeName");
    ReplyCheck first = check;
    return new RedisCheck((reply, session) -> {
      Session checked = first.check(reply, session);
      return reply == null ? checked.remove(attributeName) : checked.set(attributeName, reply);
    });
  }

  ReplyCheck asReplyCheck() {
    return check;
  }

  static String show(Object value) {
    if (value == null) {
      return "nil";
    }
    String text = String.valueOf(value);
    return "'" + (text.length() > 200 ? text.substring(0, 200) + "…" : text) + "'";
  }

  static CheckFailure failure(String expected, Object actual) {
    return new CheckFailure("expected " + expected + " but got " + show(actual));
  }
}
