package dev.redline.javaapi;

import static dev.redline.javaapi.CommandBuilding.*;

import io.gatling.javaapi.core.Session;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * Sorted sets: ZADD, ZREM, ZRANGE, ZRANGEBYSCORE, ZCARD, ZSCORE, ZINCRBY, and the blocking pop
 * BZPOPMIN.
 *
 * <p>A blocking pop waits up to its own timeout for an element (nil when none came; {@code
 * Duration.ZERO} waits for ever), and its connection's socket timeout is extended by that timeout,
 * so that a long wait is not a TIMEOUT.
 *
 * <p>Every method takes Gatling EL strings or functions of the session, and returns a command:
 * named by the request ({@code redis("name")}) or by its command ({@code cmd}).
 */
public sealed interface SortedSetCommands permits RedisCommands {
  /**
   * BZPOPMIN: pops the lowest-scored member of the first non-empty sorted set; replies {@code [key,
   * member, score]}, or nil.
   *
   * <pre>{@code redis("BZPOPMIN").bzpopmin(Duration.ofSeconds(1), "queue")}</pre>
   */
  default RedisCommand bzpopmin(Duration timeout, String... keys) {
    return blocking(this, "BZPOPMIN", args(some(keys, "key"), seconds(timeout)), timeout);
  }

  /** BZPOPMIN with keys from the session. */
  default RedisCommand bzpopmin(Duration timeout, List<Function<Session, String>> keys) {
    return blocking(this, "BZPOPMIN", args(some(keys, "key"), seconds(timeout)), timeout);
  }

  /**
   * BZPOPMIN with one key from the session: {@code cmd.bzpopmin(Duration.ofSeconds(1), s ->
   * "tasks:" + s.userId())}.
   */
  default RedisCommand bzpopmin(Duration timeout, Function<Session, String> key) {
    return bzpopmin(timeout, List.of(key));
  }

  /**
   * ZINCRBY: adds to a member's score; replies the new score.
   *
   * <pre>{@code redis("ZINCRBY").zincrBy("board", 10, "player:#{userId}")}</pre>
   */
  default RedisCommand zincrBy(String key, double by, String member) {
    return build(this, "ZINCRBY", args(key, number(by), member));
  }

  /** ZINCRBY with key and member from the session. */
  default RedisCommand zincrBy(
      Function<Session, String> key, double by, Function<Session, String> member) {
    return build(this, "ZINCRBY", args(key, number(by), member));
  }

  /**
   * ZRANGEBYSCORE: the members with a score between {@code min} and {@code max} (Redis's syntax:
   * {@code -inf}, {@code +inf}, {@code (5} for exclusive).
   *
   * <pre>{@code redis("ZRANGEBYSCORE").zrangeByScore("board", "100", "+inf")}</pre>
   */
  default RedisCommand zrangeByScore(String key, String min, String max) {
    return build(this, "ZRANGEBYSCORE", args(key, min, max));
  }

  /** ZRANGEBYSCORE with key and bounds from the session. */
  default RedisCommand zrangeByScore(
      Function<Session, String> key, Function<Session, String> min, Function<Session, String> max) {
    return build(this, "ZRANGEBYSCORE", args(key, min, max));
  }

  /**
   * ZADD: adds a member with a score to a sorted set.
   *
   * <pre>{@code redis("ZADD").zadd("board", 42.0, "#{id}")}</pre>
   */
  default RedisCommand zadd(String key, double score, String member) {
    return build(this, "ZADD", args(key, number(score), member));
  }

  /**
   * ZADD: adds a member with a score to a sorted set.
   *
   * <pre>{@code cmd.zadd(s -> "board", 42.0, s -> "" + s.userId())}</pre>
   */
  default RedisCommand zadd(
      Function<Session, String> key, double score, Function<Session, String> member) {
    return build(this, "ZADD", args(key, number(score), member));
  }

  /**
   * ZREM: removes sorted-set members; replies the number removed.
   *
   * <pre>{@code redis("ZREM").zrem("board", "#{id}")}</pre>
   */
  default RedisCommand zrem(String key, String... members) {
    return build(this, "ZREM", args(key, some(members, "member")));
  }

  /**
   * ZREM: removes sorted-set members; replies the number removed.
   *
   * <pre>{@code cmd.zrem(s -> "board", List.of(s -> "" + s.userId(), s -> "guest"))}</pre>
   */
  default RedisCommand zrem(
      Function<Session, String> key, List<Function<Session, String>> members) {
    return build(this, "ZREM", args(key, some(members, "member")));
  }

  /**
   * ZREM with one member from the session: {@code cmd.zrem(s -> "board", s -> "" + s.userId())}.
   */
  default RedisCommand zrem(Function<Session, String> key, Function<Session, String> member) {
    return zrem(key, List.of(member));
  }

  /**
   * ZRANGE: a range of a sorted set by rank.
   *
   * <pre>{@code redis("ZRANGE").zrange("board", 0, 9)}</pre>
   */
  default RedisCommand zrange(String key, long start, long stop) {
    return build(this, "ZRANGE", args(key, number(start), number(stop)));
  }

  /**
   * ZRANGE: a range of a sorted set by rank.
   *
   * <pre>{@code cmd.zrange(s -> "board", 0, 9)}</pre>
   */
  default RedisCommand zrange(Function<Session, String> key, long start, long stop) {
    return build(this, "ZRANGE", args(key, number(start), number(stop)));
  }

  /**
   * ZCARD: the number of members of a sorted set.
   *
   * <pre>{@code redis("ZCARD").zcard("board")}</pre>
   */
  default RedisCommand zcard(String key) {
    return build(this, "ZCARD", args(key));
  }

  /**
   * ZCARD: the number of members of a sorted set.
   *
   * <pre>{@code cmd.zcard(s -> "board")}</pre>
   */
  default RedisCommand zcard(Function<Session, String> key) {
    return build(this, "ZCARD", args(key));
  }

  /**
   * ZSCORE: the score of a sorted-set member.
   *
   * <pre>{@code redis("ZSCORE").zscore("board", "#{id}")}</pre>
   */
  default RedisCommand zscore(String key, String member) {
    return build(this, "ZSCORE", args(key, member));
  }

  /**
   * ZSCORE: the score of a sorted-set member.
   *
   * <pre>{@code cmd.zscore(s -> "board", s -> "" + s.userId())}</pre>
   */
  default RedisCommand zscore(Function<Session, String> key, Function<Session, String> member) {
    return build(this, "ZSCORE", args(key, member));
  }
}
