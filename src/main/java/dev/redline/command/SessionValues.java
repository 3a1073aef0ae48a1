package dev.redline.command;

import io.gatling.commons.validation.Failure;
import io.gatling.commons.validation.Success;
import io.gatling.commons.validation.Validation;
import io.gatling.core.session.Session;
import io.gatling.javaapi.core.internal.Expressions;
import java.util.Objects;
import java.util.function.Function;
import scala.Function1;

/** Builds {@link SessionValue}s from Gatling EL strings, constants and session functions. */
public final class SessionValues {
  private SessionValues() {}

  /** A constant, or a compiled Gatling EL expression when the text contains {@code #{...}}. */
  public static SessionValue<String> el(String text) {
    Objects.requireNonNull(text, "a Redis argument must not be null");
    if (!text.contains("#{")) {
      return new Constant(text);
    }
    Function1<Session, Validation<String>> expression = Expressions.toStringExpression(text);
    return session -> unwrap(expression.apply(session), text);
  }

  /** A value computed by a function of the (Java API) session. */
  public static <T> SessionValue<T> fn(Function<io.gatling.javaapi.core.Session, T> function) {
    Objects.requireNonNull(function, "a session function must not be null");
    return session -> {
      T value;
      try {
        value = function.apply(new io.gatling.javaapi.core.Session(session));
      } catch (RuntimeException e) {
        throw new ExpressionFailure("session function failed: " + e);
      }
      if (value == null) {
        throw new ExpressionFailure("session function returned null");
      }
      return value;
    };
  }

  /** A constant text. */
  public static SessionValue<String> constant(String text) {
    Objects.requireNonNull(text, "a Redis argument must not be null");
    return new Constant(text);
  }

  /** A value that is the same for every session (commands resolve it once, when they are built). */
  public record Constant(String text) implements SessionValue<String> {
    @Override
    public String resolve(Session session) {
      return text;
    }
  }

  private static String unwrap(Validation<String> validation, String text) {
    if (validation instanceof Success<String> success) {
      return success.value();
    }
    throw new ExpressionFailure(
        ((Failure) (Object) validation).message() + " (in \"" + text + "\")");
  }
}
