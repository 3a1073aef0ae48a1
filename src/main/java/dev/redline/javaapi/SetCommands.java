package dev.redline.javaapi;

import static dev.redline.javaapi.CommandBuilding.*;

import io.gatling.javaapi.core.Session;
import java.util.List;
import java.util.function.Function;

/**
 * Sets: SADD, SREM, SMEMBERS, SCARD.
 *
 * <p>Every method takes Gatling EL strings or functions of the session, and returns a command:
 * named by the request ({@code redis("name")}) or by its command ({@code cmd}).
 */
public sealed interface SetCommands permits RedisCommands {
  /**
   * SADD: adds set members; replies the number added.
   *
   * <pre>{@code redis("SADD").sadd("online", "#{id}")}</pre>
   */
  default RedisCommand sadd(String key, String... members) {
    return build(this, "SADD", args(key, some(members, "member")));
  }

  /**
   * SADD: adds set members; replies the number added.
   *
   * <pre>{@code cmd.sadd(s -> "online", List.of(s -> "" + s.userId(), s -> "all"))}</pre>
   */
  default RedisCommand sadd(
      Function<Session, String> key, List<Function<Session, String>> members) {
    return build(this, "SADD", args(key, some(members, "member")));
  }

  /**
   * SADD with one member from the session: {@code cmd.sadd(s -> "online", s -> "" + s.userId())}.
   */
  default RedisCommand sadd(Function<Session, String> key, Function<Session, String> member) {
    return sadd(key, List.of(member));
  }

  /**
   * SREM: removes set members; replies the number removed.
   *
   * <pre>{@code redis("SREM").srem("online", "#{id}")}</pre>
   */
  default RedisCommand srem(String key, String... members) {
    return build(this, "SREM", args(key, some(members, "member")));
  }

  /**
   * SREM: removes set members; replies the number removed.
   *
   * <pre>{@code cmd.srem(s -> "online", List.of(s -> "" + s.userId(), s -> "all"))}</pre>
   */
  default RedisCommand srem(
      Function<Session, String> key, List<Function<Session, String>> members) {
    return build(this, "SREM", args(key, some(members, "member")));
  }

  /**
   * SREM with one member from the session: {@code cmd.srem(s -> "online", s -> "" + s.userId())}.
   */
  default RedisCommand srem(Function<Session, String> key, Function<Session, String> member) {
    return srem(key, List.of(member));
  }

  /**
   * SMEMBERS: every member of a set.
   *
   * <pre>{@code redis("SMEMBERS").smembers("online")}</pre>
   */
  default RedisCommand smembers(String key) {
    return build(this, "SMEMBERS", args(key));
  }

  /**
   * SMEMBERS: every member of a set.
   *
   * <pre>{@code cmd.smembers(s -> "online")}</pre>
   */
  default RedisCommand smembers(Function<Session, String> key) {
    return build(this, "SMEMBERS", args(key));
  }

  /**
   * SCARD: the number of members of a set.
   *
   * <pre>{@code redis("SCARD").scard("online")}</pre>
   */
  default RedisCommand scard(String key) {
    return build(this, "SCARD", args(key));
  }

  /**
   * SCARD: the number of members of a set.
   *
   * <pre>{@code cmd.scard(s -> "online")}</pre>
   */
  default RedisCommand scard(Function<Session, String> key) {
    return build(this, "SCARD", args(key));
  }
}
