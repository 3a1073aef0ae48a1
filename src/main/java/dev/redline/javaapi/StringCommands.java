package dev.redline.javaapi;

import static dev.redline.javaapi.CommandBuilding.*;

import io.gatling.javaapi.core.Session;
import java.util.List;
import java.util.function.Function;

/**
 * Strings, counters and bitmaps: SET, GET, MSET, MGET, INCR, DECR, APPEND, SETEX, GETDEL, SETBIT,
 * BITCOUNT, ...
 *
 * <p>Every method takes Gatling EL strings or functions of the session, and returns a command:
 * named by the request ({@code redis("name")}) or by its command ({@code cmd}).
 */
public sealed interface StringCommands permits RedisCommands {
  /**
   * SETBIT: sets the bit at {@code offset} to 1 ({@code true}) or 0; replies the bit's old value.
   *
   * <pre>{@code redis("SETBIT").setbit("online", 42, true)}</pre>
   */
  default RedisCommand setbit(String key, long offset, boolean value) {
    return build(this, "SETBIT", args(key, number(offset), word(value ? "1" : "0")));
  }

  /** SETBIT with the key from the session. */
  default RedisCommand setbit(Function<Session, String> key, long offset, boolean value) {
    return build(this, "SETBIT", args(key, number(offset), word(value ? "1" : "0")));
  }

  /**
   * BITCOUNT: the number of bits set to 1.
   *
   * <pre>{@code redis("BITCOUNT").bitcount("online")}</pre>
   */
  default RedisCommand bitcount(String key) {
    return build(this, "BITCOUNT", args(key));
  }

  /** BITCOUNT with the key from the session. */
  default RedisCommand bitcount(Function<Session, String> key) {
    return build(this, "BITCOUNT", args(key));
  }

  /**
   * SETEX: sets a value that expires after {@code seconds}.
   *
   * <pre>{@code redis("SETEX").setex("session:#{userId}", 60, "token-#{userId}")}</pre>
   */
  default RedisCommand setex(String key, long seconds, String value) {
    return build(this, "SETEX", args(key, number(seconds), value));
  }

  /** SETEX with key and value from the session. */
  default RedisCommand setex(
      Function<Session, String> key, long seconds, Function<Session, String> value) {
    return build(this, "SETEX", args(key, number(seconds), value));
  }

  /**
   * GETDEL: the value of a key, deleted by the same command; nil when it did not exist.
   *
   * <pre>{@code redis("GETDEL").getdel("once:#{userId}")}</pre>
   */
  default RedisCommand getdel(String key) {
    return build(this, "GETDEL", args(key));
  }

  /** GETDEL with the key from the session. */
  default RedisCommand getdel(Function<Session, String> key) {
    return build(this, "GETDEL", args(key));
  }

  /**
   * SET: stores a string value, with options {@link RedisDsl#ex}, {@link RedisDsl#px}, {@link
   * RedisDsl#nx}, {@link RedisDsl#xx}, {@link RedisDsl#keepTtl}.
   *
   * <pre>{@code redis("SET").set("user:#{id}", "v-#{id}", ex(3600))}</pre>
   */
  default RedisCommand set(String key, String value, SetOption... options) {
    return build(this, "SET", withOptions(args(key, value), options));
  }

  /**
   * SET: stores a string value computed from the session.
   *
   * <pre>{@code cmd.set(s -> "user:" + s.userId(), s -> "v-" + s.userId())}</pre>
   */
  default RedisCommand set(
      Function<Session, String> key, Function<Session, String> value, SetOption... options) {
    return build(this, "SET", withOptions(args(key, value), options));
  }

  /**
   * MSET: sets several keys at once, given as key, value, key, value, ...
   *
   * <pre>{@code redis("MSET").mset("a:#{id}", "1", "b:#{id}", "2")}</pre>
   */
  default RedisCommand mset(String... keysAndValues) {
    if (keysAndValues.length == 0 || keysAndValues.length % 2 != 0) {
      throw new RedisDslError(
          "MSET takes key, value pairs; got " + keysAndValues.length + " arguments");
    }
    return build(this, "MSET", args((Object) keysAndValues));
  }

  /**
   * GET: the value of a string key.
   *
   * <pre>{@code redis("GET").get("user:#{id}")}</pre>
   */
  default RedisCommand get(String key) {
    return build(this, "GET", args(key));
  }

  /**
   * GET: the value of a string key.
   *
   * <pre>{@code cmd.get(s -> "user:" + s.userId())}</pre>
   */
  default RedisCommand get(Function<Session, String> key) {
    return build(this, "GET", args(key));
  }

  /**
   * INCR: increments an integer by one; replies the new value.
   *
   * <pre>{@code redis("INCR").incr("hits")}</pre>
   */
  default RedisCommand incr(String key) {
    return build(this, "INCR", args(key));
  }

  /**
   * INCR: increments an integer by one; replies the new value.
   *
   * <pre>{@code cmd.incr(s -> "hits")}</pre>
   */
  default RedisCommand incr(Function<Session, String> key) {
    return build(this, "INCR", args(key));
  }

  /**
   * INCRBY: increments an integer; replies the new value.
   *
   * <pre>{@code redis("INCRBY").incrBy("hits", 10)}</pre>
   */
  default RedisCommand incrBy(String key, long increment) {
    return build(this, "INCRBY", args(key, number(increment)));
  }

  /**
   * INCRBY: increments an integer; replies the new value.
   *
   * <pre>{@code cmd.incrBy(s -> "hits", 10)}</pre>
   */
  default RedisCommand incrBy(Function<Session, String> key, long increment) {
    return build(this, "INCRBY", args(key, number(increment)));
  }

  /**
   * DECR: decrements an integer by one; replies the new value.
   *
   * <pre>{@code redis("DECR").decr("stock")}</pre>
   */
  default RedisCommand decr(String key) {
    return build(this, "DECR", args(key));
  }

  /**
   * DECR: decrements an integer by one; replies the new value.
   *
   * <pre>{@code cmd.decr(s -> "stock")}</pre>
   */
  default RedisCommand decr(Function<Session, String> key) {
    return build(this, "DECR", args(key));
  }

  /**
   * DECRBY: decrements an integer; replies the new value.
   *
   * <pre>{@code redis("DECRBY").decrBy("stock", 5)}</pre>
   */
  default RedisCommand decrBy(String key, long decrement) {
    return build(this, "DECRBY", args(key, number(decrement)));
  }

  /**
   * DECRBY: decrements an integer; replies the new value.
   *
   * <pre>{@code cmd.decrBy(s -> "stock", 5)}</pre>
   */
  default RedisCommand decrBy(Function<Session, String> key, long decrement) {
    return build(this, "DECRBY", args(key, number(decrement)));
  }

  /**
   * APPEND: appends to a string; replies the new length.
   *
   * <pre>{@code redis("APPEND").append("log:#{id}", "x")}</pre>
   */
  default RedisCommand append(String key, String value) {
    return build(this, "APPEND", args(key, value));
  }

  /**
   * APPEND: appends to a string; replies the new length.
   *
   * <pre>{@code cmd.append(s -> "log:" + s.userId(), s -> "x")}</pre>
   */
  default RedisCommand append(Function<Session, String> key, Function<Session, String> value) {
    return build(this, "APPEND", args(key, value));
  }

  /**
   * STRLEN: the length of a string value.
   *
   * <pre>{@code redis("STRLEN").strlen("user:#{id}")}</pre>
   */
  default RedisCommand strlen(String key) {
    return build(this, "STRLEN", args(key));
  }

  /**
   * STRLEN: the length of a string value.
   *
   * <pre>{@code cmd.strlen(s -> "user:" + s.userId())}</pre>
   */
  default RedisCommand strlen(Function<Session, String> key) {
    return build(this, "STRLEN", args(key));
  }

  /**
   * MGET: the values of several keys.
   *
   * <pre>{@code redis("MGET").mget("a", "b", "c")}</pre>
   */
  default RedisCommand mget(String... keys) {
    return build(this, "MGET", args((Object) some(keys, "key")));
  }

  /**
   * MGET: the values of several keys.
   *
   * <pre>{@code cmd.mget(List.of(s -> "a", s -> "b", s -> "c"))}</pre>
   */
  default RedisCommand mget(List<Function<Session, String>> keys) {
    return build(this, "MGET", args((Object) some(keys, "key")));
  }

  /** MGET with one key from the session: {@code cmd.mget(s -> "user:" + s.userId())}. */
  default RedisCommand mget(Function<Session, String> key) {
    return mget(List.of(key));
  }
}
