package dev.redline.javaapi;

import static dev.redline.javaapi.CommandBuilding.*;

import io.gatling.javaapi.core.Session;
import java.util.List;
import java.util.function.Function;

/**
 * Scripts and functions: EVAL, EVALSHA, FCALL. Keys and arguments are lists; the key count is sent
 * for you.
 *
 * <p>Every method takes Gatling EL strings or functions of the session, and returns a command:
 * named by the request ({@code redis("name")}) or by its command ({@code cmd}).
 */
public sealed interface ScriptCommands permits RedisCommands {
  /**
   * EVAL: runs a Lua script with its keys and arguments (EL strings).
   *
   * <pre>
   * {@code redis("EVAL").eval("return redis.call('INCRBY', KEYS[1], ARGV[1])", List.of("n:#{userId}"), List.of("5"))}
   * </pre>
   */
  default RedisCommand eval(String script, List<String> keys, List<String> args) {
    return build(this, "EVAL", args(word(script), count(keys), keys, args));
  }

  /** EVAL with script, keys and arguments from the session. */
  default RedisCommand eval(
      Function<Session, String> script,
      List<Function<Session, String>> keys,
      List<Function<Session, String>> args) {
    return build(this, "EVAL", args(script, count(keys), keys, args));
  }

  /**
   * EVALSHA: runs a script loaded before (SCRIPT LOAD) by its SHA1 digest.
   *
   * <pre>{@code redis("EVALSHA").evalSha("#{incrSha}", List.of("n:#{userId}"), List.of("1"))}</pre>
   */
  default RedisCommand evalSha(String sha, List<String> keys, List<String> args) {
    return build(this, "EVALSHA", args(sha, count(keys), keys, args));
  }

  /** EVALSHA with digest, keys and arguments from the session. */
  default RedisCommand evalSha(
      Function<Session, String> sha,
      List<Function<Session, String>> keys,
      List<Function<Session, String>> args) {
    return build(this, "EVALSHA", args(sha, count(keys), keys, args));
  }

  /**
   * FCALL: calls a function of a library loaded with FUNCTION LOAD (Redis 7).
   *
   * <pre>{@code redis("FCALL").fcall("bump", List.of("n:#{userId}"), List.of("2"))}</pre>
   */
  default RedisCommand fcall(String function, List<String> keys, List<String> args) {
    return build(this, "FCALL", args(function, count(keys), keys, args));
  }

  /** FCALL with function, keys and arguments from the session. */
  default RedisCommand fcall(
      Function<Session, String> function,
      List<Function<Session, String>> keys,
      List<Function<Session, String>> args) {
    return build(this, "FCALL", args(function, count(keys), keys, args));
  }
}
