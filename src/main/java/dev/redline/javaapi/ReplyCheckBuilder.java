package dev.redline.javaapi;

import static io.gatling.javaapi.core.internal.Expressions.*;

import dev.redline.command.SessionValue;
import dev.redline.command.SessionValues;
import io.gatling.commons.validation.Success;
import io.gatling.commons.validation.Validation;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.Session;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import scala.Option;

/**
 * What {@link RedisDsl#reply()} returns: Gatling's check DSL on a Redis reply, which is an {@code
 * Object} of the decoded types — {@code String} for bulk and status strings, {@code Long} for
 * integers, {@code List} for arrays, {@code Map} for RESP3 maps, {@code Double} and {@code Boolean}
 * for RESP3 doubles and booleans — and nil is "found nothing". Every Gatling verb works as on an
 * HTTP body:
 *
 * <pre>{@code
 * cmd.get("user:#{id}").check(reply().isEL("v-#{id}"))
 * cmd.get("gone:#{id}").check(reply().notExists())
 * cmd.incr("hits").check(reply().gt(0), reply().saveAs("hits"))
 * cmd.lrange("q", 0, -1).check(reply().transform(r -> ((List<?>) r).size()).gte(1))
 * cmd.hgetAll("h").check(reply().ofMap().transform(m -> m.get("name")).is("Ada"))
 * }</pre>
 *
 * <p>{@code lt}, {@code lte}, {@code gt} and {@code gte} compare the reply as the type of the
 * expected value: as an integer for {@code Integer} or {@code Long}, a number for {@code Double}, a
 * string for {@code String}. The typed views ({@link #ofLong()}, {@link #ofString()}, {@link
 * #ofDouble()}, {@link #ofList()}, {@link #ofMap()}) fail the check when the reply is of another
 * type, saying what came back.
 */
public final class ReplyCheckBuilder
    extends CheckBuilder.Find.Default<RedisCheckType, Object, Object, Object> {

  ReplyCheckBuilder() {
    super(ReplyViews.find("reply", ReplyViews::asIs), RedisCheckType.REPLY, Object.class, null);
  }

  /**
   * The reply as text: strings as they are, integers and doubles in decimal; an array fails.
   *
   * <pre>{@code cmd.incr("n").check(reply().ofString().is("1"))}</pre>
   *
   * @return a check builder on the reply as a {@code String}
   */
  public CheckBuilder.Find<String> ofString() {
    return new CheckBuilder.Find.Default<>(
        ReplyViews.find("reply.ofString", ReplyViews::asString),
        RedisCheckType.REPLY,
        String.class,
        null);
  }

  /**
   * The reply as an integer: integer replies, and strings holding one ({@code GET} of a counter).
   *
   * <pre>{@code cmd.get("counter").check(reply().ofLong().gte(10L))}</pre>
   *
   * @return a check builder on the reply as a {@code Long}
   */
  public CheckBuilder.Find<Long> ofLong() {
    return new CheckBuilder.Find.Default<>(
        ReplyViews.find("reply.ofLong", ReplyViews::asLong),
        RedisCheckType.REPLY,
        Long.class,
        null);
  }

  /**
   * The reply as a number: integers, RESP3 doubles, and strings holding one ({@code ZSCORE}).
   *
   * <pre>{@code cmd.zscore("board", "ada").check(reply().ofDouble().gt(0.0))}</pre>
   *
   * @return a check builder on the reply as a {@code Double}
   */
  public CheckBuilder.Find<Double> ofDouble() {
    return new CheckBuilder.Find.Default<>(
        ReplyViews.find("reply.ofDouble", ReplyViews::asDouble),
        RedisCheckType.REPLY,
        Double.class,
        null);
  }

  /**
   * The reply as an array.
   *
   * <pre>{@code cmd.lrange("q", 0, -1).check(reply().ofList().transform(List::size).is(3))}</pre>
   *
   * @return a check builder on the reply as a {@code List}
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public CheckBuilder.Find<List<Object>> ofList() {
    return new CheckBuilder.Find.Default<>(
        ReplyViews.find("reply.ofList", ReplyViews::asList),
        RedisCheckType.REPLY,
        List.class,
        null);
  }

  /**
   * The reply as a map: a RESP3 map, or a RESP2 array of field, value pairs ({@code HGETALL}).
   *
   * <pre>
   * {@code cmd.hgetAll("user:1").check(reply().ofMap().transform(m -> m.get("name")).is("Ada"))}
   * </pre>
   *
   * @return a check builder on the reply as a {@code Map}
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public CheckBuilder.Find<Map<Object, Object>> ofMap() {
    return new CheckBuilder.Find.Default<>(
        ReplyViews.find("reply.ofMap", ReplyViews::asMap), RedisCheckType.REPLY, Map.class, null);
  }

  /**
   * The reply is {@code expected} as Redis sees values: the bulk string "1" and the integer 1 are
   * one value, so {@code reply().is(1)} and {@code reply().is("1")} both hold for GET of a counter.
   * A typed view ({@link #ofLong()}, {@link #ofString()}) compares strictly.
   *
   * <pre>{@code cmd.incr("n:#{userId}").check(reply().is(1))}</pre>
   */
  @Override
  public CheckBuilder.Final is(Object expected) {
    return ReplyEquality.compare("is(" + expected + ")", toStaticValueExpression(expected), true);
  }

  /**
   * The reply is the value of a Gatling EL string, as Redis sees values (see {@link #is(Object)}):
   * a number saved from an INCR equals the same number read back with GET.
   *
   * <pre>{@code cmd.get("n:#{userId}").check(reply().isEL("#{n}"))}</pre>
   */
  @Override
  public CheckBuilder.Final isEL(String expected) {
    return ReplyEquality.compare(
        "is(" + expected + ")", toExpression(expected, Object.class), true);
  }

  /** The reply is the value of a function of the session, as Redis sees values. */
  @Override
  public CheckBuilder.Final is(Function<io.gatling.javaapi.core.Session, Object> expected) {
    return ReplyEquality.compare("is(<function>)", javaFunctionToExpression(expected), true);
  }

  /** The reply is not {@code expected}, as Redis sees values (see {@link #is(Object)}). */
  @Override
  public CheckBuilder.Final not(Object expected) {
    return ReplyEquality.compare("not(" + expected + ")", toStaticValueExpression(expected), false);
  }

  /** The reply is not the value of a Gatling EL string, as Redis sees values. */
  @Override
  public CheckBuilder.Final notEL(String expected) {
    return ReplyEquality.compare(
        "not(" + expected + ")", toExpression(expected, Object.class), false);
  }

  /** The reply is not the value of a function of the session, as Redis sees values. */
  @Override
  public CheckBuilder.Final not(Function<io.gatling.javaapi.core.Session, Object> expected) {
    return ReplyEquality.compare("not(<function>)", javaFunctionToExpression(expected), false);
  }

  /** The reply is one of the values, as Redis sees values: {@code reply().in(0, 1)}. */
  @Override
  public CheckBuilder.Final in(Object... expected) {
    return in(List.of(expected));
  }

  /** The reply is one of the values, as Redis sees values. */
  @Override
  public CheckBuilder.Final in(List<Object> expected) {
    return ReplyEquality.in(
        "in" + expected,
        toStaticValueExpression(scala.jdk.javaapi.CollectionConverters.asScala(expected).toSeq()));
  }

  /** The reply is one of the values of a Gatling EL string (a list attribute). */
  @Override
  public CheckBuilder.Final inEL(String expected) {
    return ReplyEquality.in("in(" + expected + ")", toSeqExpression(expected));
  }

  /** The reply is one of the values a function of the session gives. */
  @Override
  public CheckBuilder.Final in(Function<io.gatling.javaapi.core.Session, List<Object>> expected) {
    return ReplyEquality.in("in(<function>)", javaListFunctionToExpression(expected));
  }

  /** Less than {@code expected}, compared as the expected value's type: {@code reply().lt(100)}. */
  @Override
  public CheckBuilder.Final lt(Object expected) {
    return asTypeOf(expected).lt();
  }

  /** At most {@code expected}, compared as the expected value's type: {@code reply().lte(100)}. */
  @Override
  public CheckBuilder.Final lte(Object expected) {
    return asTypeOf(expected).lte();
  }

  /** More than {@code expected}, compared as the expected value's type: {@code reply().gt(0)}. */
  @Override
  public CheckBuilder.Final gt(Object expected) {
    return asTypeOf(expected).gt();
  }

  /** At least {@code expected}, compared as the expected value's type: {@code reply().gte(1)}. */
  @Override
  public CheckBuilder.Final gte(Object expected) {
    return asTypeOf(expected).gte();
  }

  /**
   * The reply's typed view that compares with {@code expected}, and {@code expected} as that type.
   */
  private record Typed<X>(CheckBuilder.Find<X> view, X expected) {
    CheckBuilder.Final lt() {
      return view.lt(expected);
    }

    CheckBuilder.Final lte() {
      return view.lte(expected);
    }

    CheckBuilder.Final gt() {
      return view.gt(expected);
    }

    CheckBuilder.Final gte() {
      return view.gte(expected);
    }
  }

  private Typed<?> asTypeOf(Object expected) {
    if (expected instanceof Integer
        || expected instanceof Long
        || expected instanceof Short
        || expected instanceof Byte) {
      return new Typed<>(ofLong(), ((Number) expected).longValue());
    }
    if (expected instanceof Number n) {
      return new Typed<>(ofDouble(), n.doubleValue());
    }
    if (expected instanceof String s) {
      return new Typed<>(ofString(), s);
    }
    throw new RedisDslError(
        "a reply compares with an integer, a number or a string, not " + expected);
  }

  /**
   * Data verification: the reply is nil (never written, or deleted) or exactly the expected value,
   * an EL string. Anything else is KO with code VERIFY, and Gatling's error table shows one row for
   * every mismatch (Redline's report keeps examples).
   *
   * <pre>{@code cmd.get("user:#{id}").check(reply().isNilOr("v-#{id}"))}</pre>
   *
   * @param expected the value that was written, as Gatling EL
   * @return a check on the reply
   */
  public CheckBuilder.Final isNilOr(String expected) {
    return verify(SessionValues.el(expected));
  }

  /**
   * Data verification against a value computed from the session (see {@link #isNilOr(String)}).
   *
   * <pre>
   * {@code cmd.get(s -> "k:" + s.userId()).check(reply().isNilOr(s -> expectedValueFor("k:" + s.userId())))}
   * </pre>
   *
   * @param expected the value that was written
   * @return a check on the reply
   */
  public CheckBuilder.Final isNilOr(Function<Session, String> expected) {
    return verify(SessionValues.fn(expected));
  }

  private static CheckBuilder.Final verify(SessionValue<String> expected) {
    io.gatling.core.check.CheckBuilder.Final<RedisCheckType, Object> nilOrWritten =
        ReplyViews.find("reply", ReplyViews::asIs)
            .find()
            .validate(
                "nil or the value written",
                (Option<Object> actual, io.gatling.core.session.Session session) -> {
                  if (actual.isEmpty()) {
                    return new Success<>(actual);
                  }
                  String wanted;
                  try {
                    wanted = expected.resolve(session);
                  } catch (RuntimeException unresolved) {
                    return ReplyViews.failure(unresolved.getMessage());
                  }
                  String got = String.valueOf(actual.get());
                  Validation<Option<Object>> outcome =
                      wanted.equals(got)
                          ? new Success<>(actual)
                          : ReplyViews.<Option<Object>>failure(
                              "value mismatch: expected "
                                  + wanted.length()
                                  + " bytes starting '"
                                  + start(wanted)
                                  + "' but got "
                                  + got.length()
                                  + " bytes starting '"
                                  + start(got)
                                  + "'");
                  return outcome;
                });
    return new CheckBuilder.Final.Default<>(nilOrWritten, RedisCheckType.VERIFY);
  }

  private static String start(String text) {
    return text.substring(0, Math.min(16, text.length()));
  }
}
