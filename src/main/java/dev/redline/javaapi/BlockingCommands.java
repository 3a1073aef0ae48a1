package dev.redline.javaapi;

import io.gatling.javaapi.core.Session;
import java.time.Duration;
import java.util.function.Function;

/**
 * Blocking pops: BLPOP, BRPOP, BZPOPMIN. Each waits up to its own timeout for an element (nil when
 * none came; {@code Duration.ZERO} waits for ever), and its connection's socket timeout is extended
 * by that timeout, so that a long wait is not a TIMEOUT.
 */
// @SafeVarargs methods only read their arrays (copied into the command), never store or expose them
@SuppressWarnings("varargs")
abstract class BlockingCommands extends ScriptCommands {

  BlockingCommands() {}

  /**
   * BLPOP: pops the first element of the first non-empty list; replies {@code [key, element]}, or
   * nil.
   *
   * <pre>{@code redis("BLPOP").blpop(Duration.ofSeconds(1), "jobs:#{userId}")}</pre>
   */
  public RedisCommand blpop(Duration timeout, String... keys) {
    return blocking("BLPOP", args(some(keys, "key"), seconds(timeout)), timeout);
  }

  /**
   * BLPOP with keys from the session: {@code blpop(Duration.ofSeconds(1), s -> "jobs:" +
   * s.userId())}.
   */
  @SafeVarargs
  public final RedisCommand blpop(Duration timeout, Function<Session, String>... keys) {
    return blocking("BLPOP", args(some(keys, "key"), seconds(timeout)), timeout);
  }

  /**
   * BRPOP: pops the last element of the first non-empty list; replies {@code [key, element]}, or
   * nil.
   *
   * <pre>{@code redis("BRPOP").brpop(Duration.ofMillis(500), "jobs")}</pre>
   */
  public RedisCommand brpop(Duration timeout, String... keys) {
    return blocking("BRPOP", args(some(keys, "key"), seconds(timeout)), timeout);
  }

  /** BRPOP with keys from the session. */
  @SafeVarargs
  public final RedisCommand brpop(Duration timeout, Function<Session, String>... keys) {
    return blocking("BRPOP", args(some(keys, "key"), seconds(timeout)), timeout);
  }

  /**
   * BZPOPMIN: pops the lowest-scored member of the first non-empty sorted set; replies {@code [key,
   * member, score]}, or nil.
   *
   * <pre>{@code redis("BZPOPMIN").bzpopmin(Duration.ofSeconds(1), "queue")}</pre>
   */
  public RedisCommand bzpopmin(Duration timeout, String... keys) {
    return blocking("BZPOPMIN", args(some(keys, "key"), seconds(timeout)), timeout);
  }

  /** BZPOPMIN with keys from the session. */
  @SafeVarargs
  public final RedisCommand bzpopmin(Duration timeout, Function<Session, String>... keys) {
    return blocking("BZPOPMIN", args(some(keys, "key"), seconds(timeout)), timeout);
  }
}
