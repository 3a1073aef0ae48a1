package dev.redline.command;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Redis's idea of the same value, for checks: a reply and an expected value are equal when Redis
 * would store them the same, so the bulk string "1" and the integer 1 are one value (Redis keeps
 * both as the text 1), as are the text 1.5 and the number 1.5; arrays and maps compare element by
 * element. "01" and 1 are not: Redis stores them as different strings.
 */
public final class RedisValues {
  private RedisValues() {}

  /** Whether {@code a} and {@code b} are the same Redis value. */
  public static boolean same(Object a, Object b) {
    if (a == null || b == null) {
      return a == b;
    }
    if (a instanceof List<?> left && b instanceof List<?> right) {
      return sameLists(left, right);
    }
    if (a instanceof Map<?, ?> left && b instanceof Map<?, ?> right) {
      return sameLists(flatten(left), flatten(right));
    }
    if (a instanceof List<?>
        || b instanceof List<?>
        || a instanceof Map<?, ?>
        || b instanceof Map<?, ?>) {
      return false;
    }
    if (isFloating(a) || isFloating(b)) {
      BigDecimal left = number(text(a));
      BigDecimal right = number(text(b));
      return left != null && right != null && left.compareTo(right) == 0;
    }
    return text(a).equals(text(b));
  }

  /** How a value reads, with its type when that matters: {@code 1 (an integer)}, {@code "1"}. */
  public static String describe(Object value) {
    if (value == null) {
      return "nil";
    }
    if (value instanceof String s) {
      return "\"" + s + "\"";
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Short) {
      return value + " (an integer)";
    }
    if (isFloating(value)) {
      return value + " (a number)";
    }
    return String.valueOf(value);
  }

  private static boolean sameLists(List<?> left, List<?> right) {
    if (left.size() != right.size()) {
      return false;
    }
    Iterator<?> l = left.iterator();
    Iterator<?> r = right.iterator();
    while (l.hasNext()) {
      if (!same(l.next(), r.next())) {
        return false;
      }
    }
    return true;
  }

  private static List<Object> flatten(Map<?, ?> map) {
    List<Object> all = new java.util.ArrayList<>(map.size() * 2);
    map.forEach(
        (k, v) -> {
          all.add(k);
          all.add(v);
        });
    return all;
  }

  private static boolean isFloating(Object value) {
    return value instanceof Double || value instanceof Float || value instanceof BigDecimal;
  }

  private static String text(Object value) {
    if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
      return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
    return String.valueOf(value);
  }

  private static BigDecimal number(String text) {
    try {
      return new BigDecimal(text.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
