package dev.redline.javaapi;

import static dev.redline.javaapi.CommandBuilding.*;

import io.gatling.javaapi.core.Session;
import java.util.List;
import java.util.function.Function;

/**
 * Keys of any type: DEL, EXISTS, EXPIRE, TTL.
 *
 * <p>Every method takes Gatling EL strings or functions of the session, and returns a command:
 * named by the request ({@code redis("name")}) or by its command ({@code cmd}).
 */
public sealed interface KeyCommands permits RedisCommands {
  /**
   * DEL: deletes keys; replies the number removed.
   *
   * <pre>{@code redis("DEL").del("tmp:#{id}")}</pre>
   */
  default RedisCommand del(String... keys) {
    return build(this, "DEL", args((Object) some(keys, "key")));
  }

  /**
   * DEL: deletes keys; replies the number removed.
   *
   * <pre>{@code cmd.del(List.of(s -> "tmp:" + s.userId()))}</pre>
   */
  default RedisCommand del(List<Function<Session, String>> keys) {
    return build(this, "DEL", args((Object) some(keys, "key")));
  }

  /** DEL with one key from the session: {@code cmd.del(s -> "tmp:" + s.userId())}. */
  default RedisCommand del(Function<Session, String> key) {
    return del(List.of(key));
  }

  /**
   * EXISTS: whether a key exists (1 or 0).
   *
   * <pre>{@code redis("EXISTS").exists("user:#{id}")}</pre>
   */
  default RedisCommand exists(String key) {
    return build(this, "EXISTS", args(key));
  }

  /**
   * EXISTS: whether a key exists (1 or 0).
   *
   * <pre>{@code cmd.exists(s -> "user:" + s.userId())}</pre>
   */
  default RedisCommand exists(Function<Session, String> key) {
    return build(this, "EXISTS", args(key));
  }

  /**
   * EXPIRE: sets a key's time to live in seconds.
   *
   * <pre>{@code redis("EXPIRE").expire("session:#{id}", 60)}</pre>
   */
  default RedisCommand expire(String key, long seconds) {
    return build(this, "EXPIRE", args(key, number(seconds)));
  }

  /**
   * EXPIRE: sets a key's time to live in seconds.
   *
   * <pre>{@code cmd.expire(s -> "session:" + s.userId(), 60)}</pre>
   */
  default RedisCommand expire(Function<Session, String> key, long seconds) {
    return build(this, "EXPIRE", args(key, number(seconds)));
  }

  /**
   * TTL: a key's remaining time to live in seconds.
   *
   * <pre>{@code redis("TTL").ttl("session:#{id}")}</pre>
   */
  default RedisCommand ttl(String key) {
    return build(this, "TTL", args(key));
  }

  /**
   * TTL: a key's remaining time to live in seconds.
   *
   * <pre>{@code cmd.ttl(s -> "session:" + s.userId())}</pre>
   */
  default RedisCommand ttl(Function<Session, String> key) {
    return build(this, "TTL", args(key));
  }
}
