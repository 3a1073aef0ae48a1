package dev.redline.javaapi;

import static dev.redline.javaapi.CommandBuilding.*;

import io.gatling.javaapi.core.Session;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * Lists: LPUSH, RPUSH, LPOP, RPOP, LRANGE, LLEN, LTRIM, and the blocking pops BLPOP and BRPOP.
 *
 * <p>A blocking pop waits up to its own timeout for an element (nil when none came; {@code
 * Duration.ZERO} waits for ever), and its connection's socket timeout is extended by that timeout,
 * so that a long wait is not a TIMEOUT.
 *
 * <p>Every method takes Gatling EL strings or functions of the session, and returns a command:
 * named by the request ({@code redis("name")}) or by its command ({@code cmd}).
 */
public sealed interface ListCommands permits RedisCommands {
  /**
   * BLPOP: pops the first element of the first non-empty list; replies {@code [key, element]}, or
   * nil.
   *
   * <pre>{@code redis("BLPOP").blpop(Duration.ofSeconds(1), "jobs:#{userId}")}</pre>
   */
  default RedisCommand blpop(Duration timeout, String... keys) {
    return blocking(this, "BLPOP", args(some(keys, "key"), seconds(timeout)), timeout);
  }

  /**
   * BLPOP with keys from the session: {@code cmd.blpop(Duration.ofSeconds(1), s -> "jobs:" +
   * s.userId())}.
   */
  default RedisCommand blpop(Duration timeout, List<Function<Session, String>> keys) {
    return blocking(this, "BLPOP", args(some(keys, "key"), seconds(timeout)), timeout);
  }

  /**
   * BLPOP with one key from the session: {@code cmd.blpop(Duration.ofSeconds(1), s -> "jobs:" +
   * s.userId())}.
   */
  default RedisCommand blpop(Duration timeout, Function<Session, String> key) {
    return blpop(timeout, List.of(key));
  }

  /**
   * BRPOP: pops the last element of the first non-empty list; replies {@code [key, element]}, or
   * nil.
   *
   * <pre>{@code redis("BRPOP").brpop(Duration.ofMillis(500), "jobs")}</pre>
   */
  default RedisCommand brpop(Duration timeout, String... keys) {
    return blocking(this, "BRPOP", args(some(keys, "key"), seconds(timeout)), timeout);
  }

  /** BRPOP with keys from the session. */
  default RedisCommand brpop(Duration timeout, List<Function<Session, String>> keys) {
    return blocking(this, "BRPOP", args(some(keys, "key"), seconds(timeout)), timeout);
  }

  /**
   * BRPOP with one key from the session: {@code cmd.brpop(Duration.ofSeconds(1), s -> "jobs:" +
   * s.userId())}.
   */
  default RedisCommand brpop(Duration timeout, Function<Session, String> key) {
    return brpop(timeout, List.of(key));
  }

  /**
   * LPUSH: pushes values at the head of a list; replies the new length.
   *
   * <pre>{@code redis("LPUSH").lpush("queue", "#{job}")}</pre>
   */
  default RedisCommand lpush(String key, String... values) {
    return build(this, "LPUSH", args(key, some(values, "value")));
  }

  /**
   * LPUSH: pushes values at the head of a list; replies the new length.
   *
   * <pre>{@code cmd.lpush(s -> "queue", List.of(s -> s.getString("job"), s -> "marker"))}</pre>
   */
  default RedisCommand lpush(
      Function<Session, String> key, List<Function<Session, String>> values) {
    return build(this, "LPUSH", args(key, some(values, "value")));
  }

  /**
   * LPUSH with one value from the session: {@code cmd.lpush(s -> "queue", s ->
   * s.getString("job"))}.
   */
  default RedisCommand lpush(Function<Session, String> key, Function<Session, String> value) {
    return lpush(key, List.of(value));
  }

  /**
   * RPUSH: pushes values at the tail of a list; replies the new length.
   *
   * <pre>{@code redis("RPUSH").rpush("queue", "#{job}")}</pre>
   */
  default RedisCommand rpush(String key, String... values) {
    return build(this, "RPUSH", args(key, some(values, "value")));
  }

  /**
   * RPUSH: pushes values at the tail of a list; replies the new length.
   *
   * <pre>{@code cmd.rpush(s -> "queue", List.of(s -> s.getString("job"), s -> "marker"))}</pre>
   */
  default RedisCommand rpush(
      Function<Session, String> key, List<Function<Session, String>> values) {
    return build(this, "RPUSH", args(key, some(values, "value")));
  }

  /**
   * RPUSH with one value from the session: {@code cmd.rpush(s -> "queue", s ->
   * s.getString("job"))}.
   */
  default RedisCommand rpush(Function<Session, String> key, Function<Session, String> value) {
    return rpush(key, List.of(value));
  }

  /**
   * LPOP: removes and returns the head of a list.
   *
   * <pre>{@code redis("LPOP").lpop("queue")}</pre>
   */
  default RedisCommand lpop(String key) {
    return build(this, "LPOP", args(key));
  }

  /**
   * LPOP: removes and returns the head of a list.
   *
   * <pre>{@code cmd.lpop(s -> "queue")}</pre>
   */
  default RedisCommand lpop(Function<Session, String> key) {
    return build(this, "LPOP", args(key));
  }

  /**
   * RPOP: removes and returns the tail of a list.
   *
   * <pre>{@code redis("RPOP").rpop("queue")}</pre>
   */
  default RedisCommand rpop(String key) {
    return build(this, "RPOP", args(key));
  }

  /**
   * RPOP: removes and returns the tail of a list.
   *
   * <pre>{@code cmd.rpop(s -> "queue")}</pre>
   */
  default RedisCommand rpop(Function<Session, String> key) {
    return build(this, "RPOP", args(key));
  }

  /**
   * LRANGE: a range of a list (0 -1 is all of it).
   *
   * <pre>{@code redis("LRANGE").lrange("queue", 0, 9)}</pre>
   */
  default RedisCommand lrange(String key, long start, long stop) {
    return build(this, "LRANGE", args(key, number(start), number(stop)));
  }

  /**
   * LRANGE: a range of a list (0 -1 is all of it).
   *
   * <pre>{@code cmd.lrange(s -> "queue", 0, 9)}</pre>
   */
  default RedisCommand lrange(Function<Session, String> key, long start, long stop) {
    return build(this, "LRANGE", args(key, number(start), number(stop)));
  }

  /**
   * LLEN: the length of a list.
   *
   * <pre>{@code redis("LLEN").llen("queue")}</pre>
   */
  default RedisCommand llen(String key) {
    return build(this, "LLEN", args(key));
  }

  /**
   * LLEN: the length of a list.
   *
   * <pre>{@code cmd.llen(s -> "queue")}</pre>
   */
  default RedisCommand llen(Function<Session, String> key) {
    return build(this, "LLEN", args(key));
  }

  /**
   * LTRIM: trims a list to a range.
   *
   * <pre>{@code redis("LTRIM").ltrim("queue", 0, 99)}</pre>
   */
  default RedisCommand ltrim(String key, long start, long stop) {
    return build(this, "LTRIM", args(key, number(start), number(stop)));
  }

  /**
   * LTRIM: trims a list to a range.
   *
   * <pre>{@code cmd.ltrim(s -> "queue", 0, 99)}</pre>
   */
  default RedisCommand ltrim(Function<Session, String> key, long start, long stop) {
    return build(this, "LTRIM", args(key, number(start), number(stop)));
  }
}
