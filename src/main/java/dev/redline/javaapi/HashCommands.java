package dev.redline.javaapi;

import static dev.redline.javaapi.CommandBuilding.*;

import io.gatling.javaapi.core.Session;
import java.util.List;
import java.util.function.Function;

/**
 * Hashes: HSET, HGET, HGETALL, HDEL, HLEN, HINCRBY.
 *
 * <p>Every method takes Gatling EL strings or functions of the session, and returns a command:
 * named by the request ({@code redis("name")}) or by its command ({@code cmd}).
 */
public sealed interface HashCommands permits RedisCommands {
  /**
   * HINCRBY: adds to an integer field of a hash; replies the new value.
   *
   * <pre>{@code redis("HINCRBY").hincrBy("user:#{userId}", "visits", 1)}</pre>
   */
  default RedisCommand hincrBy(String key, String field, long by) {
    return build(this, "HINCRBY", args(key, field, number(by)));
  }

  /** HINCRBY with key and field from the session. */
  default RedisCommand hincrBy(
      Function<Session, String> key, Function<Session, String> field, long by) {
    return build(this, "HINCRBY", args(key, field, number(by)));
  }

  /**
   * HSET: sets a hash field; replies 1 if the field is new.
   *
   * <pre>{@code redis("HSET").hset("user:#{id}", "name", "#{name}")}</pre>
   */
  default RedisCommand hset(String key, String field, String value) {
    return build(this, "HSET", args(key, field, value));
  }

  /**
   * HSET: sets a hash field; replies 1 if the field is new.
   *
   * <pre>{@code cmd.hset(s -> "user:" + s.userId(), s -> "name", s -> s.getString("name"))}</pre>
   */
  default RedisCommand hset(
      Function<Session, String> key,
      Function<Session, String> field,
      Function<Session, String> value) {
    return build(this, "HSET", args(key, field, value));
  }

  /**
   * HGET: the value of a hash field.
   *
   * <pre>{@code redis("HGET").hget("user:#{id}", "name")}</pre>
   */
  default RedisCommand hget(String key, String field) {
    return build(this, "HGET", args(key, field));
  }

  /**
   * HGET: the value of a hash field.
   *
   * <pre>{@code cmd.hget(s -> "user:" + s.userId(), s -> "name")}</pre>
   */
  default RedisCommand hget(Function<Session, String> key, Function<Session, String> field) {
    return build(this, "HGET", args(key, field));
  }

  /**
   * HGETALL: every field and value of a hash.
   *
   * <pre>{@code redis("HGETALL").hgetAll("user:#{id}")}</pre>
   */
  default RedisCommand hgetAll(String key) {
    return build(this, "HGETALL", args(key));
  }

  /**
   * HGETALL: every field and value of a hash.
   *
   * <pre>{@code cmd.hgetAll(s -> "user:" + s.userId())}</pre>
   */
  default RedisCommand hgetAll(Function<Session, String> key) {
    return build(this, "HGETALL", args(key));
  }

  /**
   * HDEL: deletes hash fields; replies the number removed.
   *
   * <pre>{@code redis("HDEL").hdel("user:#{id}", "name")}</pre>
   */
  default RedisCommand hdel(String key, String... fields) {
    return build(this, "HDEL", args(key, some(fields, "field")));
  }

  /**
   * HDEL: deletes hash fields; replies the number removed.
   *
   * <pre>{@code cmd.hdel(s -> "user:" + s.userId(), List.of(s -> "name", s -> "email"))}</pre>
   */
  default RedisCommand hdel(Function<Session, String> key, List<Function<Session, String>> fields) {
    return build(this, "HDEL", args(key, some(fields, "field")));
  }

  /**
   * HDEL with one field from the session: {@code cmd.hdel(s -> "user:" + s.userId(), s -> "name")}.
   */
  default RedisCommand hdel(Function<Session, String> key, Function<Session, String> field) {
    return hdel(key, List.of(field));
  }

  /**
   * HLEN: the number of fields in a hash.
   *
   * <pre>{@code redis("HLEN").hlen("user:#{id}")}</pre>
   */
  default RedisCommand hlen(String key) {
    return build(this, "HLEN", args(key));
  }

  /**
   * HLEN: the number of fields in a hash.
   *
   * <pre>{@code cmd.hlen(s -> "user:" + s.userId())}</pre>
   */
  default RedisCommand hlen(Function<Session, String> key) {
    return build(this, "HLEN", args(key));
  }
}
