package dev.redline.javaapi;

import static dev.redline.javaapi.CommandBuilding.*;

import io.gatling.javaapi.core.Session;
import java.util.List;
import java.util.function.Function;

/**
 * HyperLogLogs: PFADD, PFCOUNT.
 *
 * <p>Every method takes Gatling EL strings or functions of the session, and returns a command:
 * named by the request ({@code redis("name")}) or by its command ({@code cmd}).
 */
public sealed interface HyperLogLogCommands permits RedisCommands {
  /**
   * PFADD: adds elements to a HyperLogLog; replies 1 when its estimate changed.
   *
   * <pre>{@code redis("PFADD").pfadd("visitors", "#{userId}")}</pre>
   */
  default RedisCommand pfadd(String key, String... elements) {
    return build(this, "PFADD", args(key, some(elements, "element")));
  }

  /** PFADD with key and elements from the session. */
  default RedisCommand pfadd(
      Function<Session, String> key, List<Function<Session, String>> elements) {
    return build(this, "PFADD", args(key, some(elements, "element")));
  }

  /**
   * PFADD with one element from the session: {@code cmd.pfadd(s -> "visitors", s -> "" +
   * s.userId())}.
   */
  default RedisCommand pfadd(Function<Session, String> key, Function<Session, String> element) {
    return pfadd(key, List.of(element));
  }

  /**
   * PFCOUNT: the estimated number of distinct elements of the HyperLogLogs' union.
   *
   * <pre>{@code redis("PFCOUNT").pfcount("visitors")}</pre>
   */
  default RedisCommand pfcount(String... keys) {
    return build(this, "PFCOUNT", args((Object) some(keys, "key")));
  }

  /** PFCOUNT with keys from the session. */
  default RedisCommand pfcount(List<Function<Session, String>> keys) {
    return build(this, "PFCOUNT", args((Object) some(keys, "key")));
  }

  /** PFCOUNT with one key from the session: {@code cmd.pfcount(s -> "visitors:" + s.userId())}. */
  default RedisCommand pfcount(Function<Session, String> key) {
    return pfcount(List.of(key));
  }
}
