package dev.redline.javaapi;

import io.gatling.javaapi.core.Session;
import java.util.function.Function;

/**
 * Counters, scores, HyperLogLogs and bits: HINCRBY, ZINCRBY, ZRANGEBYSCORE, PFADD, PFCOUNT, SETBIT,
 * BITCOUNT.
 */
// @SafeVarargs methods only read their arrays (copied into the command), never store or expose them
@SuppressWarnings("varargs")
abstract class CountingCommands extends BlockingCommands {

  CountingCommands() {}

  /**
   * HINCRBY: adds to an integer field of a hash; replies the new value.
   *
   * <pre>{@code redis("HINCRBY").hincrBy("user:#{userId}", "visits", 1)}</pre>
   */
  public RedisCommand hincrBy(String key, String field, long by) {
    return build("HINCRBY", args(key, field, number(by)));
  }

  /** HINCRBY with key and field from the session. */
  public RedisCommand hincrBy(
      Function<Session, String> key, Function<Session, String> field, long by) {
    return build("HINCRBY", args(key, field, number(by)));
  }

  /**
   * ZINCRBY: adds to a member's score; replies the new score.
   *
   * <pre>{@code redis("ZINCRBY").zincrBy("board", 10, "player:#{userId}")}</pre>
   */
  public RedisCommand zincrBy(String key, double by, String member) {
    return build("ZINCRBY", args(key, number(by), member));
  }

  /** ZINCRBY with key and member from the session. */
  public RedisCommand zincrBy(
      Function<Session, String> key, double by, Function<Session, String> member) {
    return build("ZINCRBY", args(key, number(by), member));
  }

  /**
   * ZRANGEBYSCORE: the members with a score between {@code min} and {@code max} (Redis's syntax:
   * {@code -inf}, {@code +inf}, {@code (5} for exclusive).
   *
   * <pre>{@code redis("ZRANGEBYSCORE").zrangeByScore("board", "100", "+inf")}</pre>
   */
  public RedisCommand zrangeByScore(String key, String min, String max) {
    return build("ZRANGEBYSCORE", args(key, min, max));
  }

  /** ZRANGEBYSCORE with key and bounds from the session. */
  public RedisCommand zrangeByScore(
      Function<Session, String> key, Function<Session, String> min, Function<Session, String> max) {
    return build("ZRANGEBYSCORE", args(key, min, max));
  }

  /**
   * PFADD: adds elements to a HyperLogLog; replies 1 when its estimate changed.
   *
   * <pre>{@code redis("PFADD").pfadd("visitors", "#{userId}")}</pre>
   */
  public RedisCommand pfadd(String key, String... elements) {
    return build("PFADD", args(key, some(elements, "element")));
  }

  /** PFADD with key and elements from the session. */
  @SafeVarargs
  public final RedisCommand pfadd(
      Function<Session, String> key, Function<Session, String>... elements) {
    return build("PFADD", args(key, some(elements, "element")));
  }

  /**
   * PFCOUNT: the estimated number of distinct elements of the HyperLogLogs' union.
   *
   * <pre>{@code redis("PFCOUNT").pfcount("visitors")}</pre>
   */
  public RedisCommand pfcount(String... keys) {
    return build("PFCOUNT", args((Object) some(keys, "key")));
  }

  /** PFCOUNT with keys from the session. */
  @SafeVarargs
  public final RedisCommand pfcount(Function<Session, String>... keys) {
    return build("PFCOUNT", args((Object) some(keys, "key")));
  }

  /**
   * SETBIT: sets the bit at {@code offset} to 1 ({@code true}) or 0; replies the bit's old value.
   *
   * <pre>{@code redis("SETBIT").setbit("online", 42, true)}</pre>
   */
  public RedisCommand setbit(String key, long offset, boolean value) {
    return build("SETBIT", args(key, number(offset), word(value ? "1" : "0")));
  }

  /** SETBIT with the key from the session. */
  public RedisCommand setbit(Function<Session, String> key, long offset, boolean value) {
    return build("SETBIT", args(key, number(offset), word(value ? "1" : "0")));
  }

  /**
   * BITCOUNT: the number of bits set to 1.
   *
   * <pre>{@code redis("BITCOUNT").bitcount("online")}</pre>
   */
  public RedisCommand bitcount(String key) {
    return build("BITCOUNT", args(key));
  }

  /** BITCOUNT with the key from the session. */
  public RedisCommand bitcount(Function<Session, String> key) {
    return build("BITCOUNT", args(key));
  }
}
