package dev.redline.javaapi;

import dev.redline.action.ReplyFind;
import io.gatling.commons.validation.Failure;
import io.gatling.commons.validation.Success;
import io.gatling.commons.validation.Validation;
import io.gatling.core.check.CheckBuilder;
import io.gatling.core.check.Extractor;
import io.gatling.core.check.FindExtractor;
import io.gatling.core.session.Session;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import scala.Function1;
import scala.Option;

/**
 * Gatling's (Scala) check builders over a decoded Redis reply, seen as a given Java type. A nil
 * reply is "found nothing", as a missing header is for HTTP: {@code exists()} fails on it, {@code
 * notExists()} passes. A reply that cannot be seen as the type fails the check, saying why.
 */
final class ReplyViews {
  private static final Validation<Option<Object>> NOTHING = new Success<>(Option.empty());

  private ReplyViews() {}

  /**
   * The reply as {@code X}: nil is nothing found, {@code view} throws for a reply of another type.
   */
  @SuppressWarnings("unchecked")
  static <X> CheckBuilder.Find<RedisCheckType, Object, X> find(
      String name, Function<Object, X> view) {
    Extractor<Object, X> extractor =
        new FindExtractor<Object, X>(
            name,
            reply -> {
              if (reply == null) {
                return (Validation<Option<X>>) (Validation<?>) NOTHING;
              }
              try {
                return new Success<>(Option.apply(view.apply(reply)));
              } catch (RuntimeException notOfType) {
                return failure(notOfType.getMessage());
              }
            });
    Validation<Extractor<Object, X>> always = new Success<>(extractor);
    Function1<Session, Validation<Extractor<Object, X>>> expression = session -> always;
    return ReplyFind.of(expression);
  }

  /**
   * Gatling's failed validation, as any validation type (Scala's {@code Failure} is a {@code
   * Validation[Nothing]}).
   */
  @SuppressWarnings("unchecked")
  static <T> Validation<T> failure(String message) {
    return (Validation<T>) (Validation<?>) new Failure(message);
  }

  static Object asIs(Object reply) {
    return reply;
  }

  static String asString(Object reply) {
    if (reply instanceof String || reply instanceof Number || reply instanceof Boolean) {
      return reply.toString();
    }
    throw notA("a string", reply);
  }

  static Long asLong(Object reply) {
    if (reply instanceof Long l) {
      return l;
    }
    if (reply instanceof String s) {
      try {
        return Long.parseLong(s);
      } catch (NumberFormatException e) {
        throw notA("an integer", reply);
      }
    }
    throw notA("an integer", reply);
  }

  static Double asDouble(Object reply) {
    if (reply instanceof Number n) {
      return n.doubleValue();
    }
    if (reply instanceof String s) {
      try {
        return Double.parseDouble(s);
      } catch (NumberFormatException e) {
        throw notA("a number", reply);
      }
    }
    throw notA("a number", reply);
  }

  @SuppressWarnings("unchecked")
  static List<Object> asList(Object reply) {
    if (reply instanceof List<?> list) {
      return (List<Object>) list;
    }
    throw notA("an array", reply);
  }

  /** A RESP3 map, or a RESP2 array of field, value, field, value... (HGETALL, CONFIG GET). */
  @SuppressWarnings("unchecked")
  static Map<Object, Object> asMap(Object reply) {
    if (reply instanceof Map<?, ?> map) {
      return (Map<Object, Object>) map;
    }
    if (reply instanceof List<?> list && list.size() % 2 == 0) {
      Map<Object, Object> map = new LinkedHashMap<>();
      for (int i = 0; i < list.size(); i += 2) {
        map.put(list.get(i), list.get(i + 1));
      }
      return map;
    }
    throw notA("a map", reply);
  }

  private static IllegalArgumentException notA(String type, Object reply) {
    String text = String.valueOf(reply);
    return new IllegalArgumentException(
        "the reply is not "
            + type
            + ": "
            + (text.length() > 100 ? text.substring(0, 100) + "…" : text));
  }
}
