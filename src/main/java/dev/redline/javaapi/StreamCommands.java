package dev.redline.javaapi;

import static dev.redline.javaapi.CommandBuilding.*;

import io.gatling.javaapi.core.Session;
import java.util.List;
import java.util.function.Function;

/**
 * Streams: XADD, XLEN, XRANGE, XREAD, XREADGROUP, XACK, XGROUP CREATE.
 *
 * <p>Every method takes Gatling EL strings or functions of the session, and returns a command:
 * named by the request ({@code redis("name")}) or by its command ({@code cmd}).
 */
public sealed interface StreamCommands permits RedisCommands {
  /**
   * XADD with id {@code *}: appends an entry of field, value pairs; replies its id.
   *
   * <pre>{@code redis("XADD").xadd("events", "user", "#{userId}", "action", "login")}</pre>
   */
  default RedisCommand xadd(String key, String... fieldsAndValues) {
    return build(this, "XADD", args(key, word("*"), pairs(fieldsAndValues, "XADD")));
  }

  /**
   * XADD with id {@code *}, key, fields and values from the session.
   *
   * <pre>{@code cmd.xadd(s -> "events", List.of(s -> "user", s -> String.valueOf(s.userId())))}
   * </pre>
   */
  default RedisCommand xadd(
      Function<Session, String> key, List<Function<Session, String>> fieldsAndValues) {
    return build(this, "XADD", args(key, word("*"), pairs(fieldsAndValues, "XADD")));
  }

  /**
   * XLEN: the number of entries in a stream.
   *
   * <pre>{@code redis("XLEN").xlen("events")}</pre>
   */
  default RedisCommand xlen(String key) {
    return build(this, "XLEN", args(key));
  }

  /** XLEN with the key from the session: {@code cmd.xlen(s -> "events:" + s.userId())}. */
  default RedisCommand xlen(Function<Session, String> key) {
    return build(this, "XLEN", args(key));
  }

  /**
   * XRANGE: the entries between two ids ({@code -} and {@code +} for the whole stream); each entry
   * is a list of its id and its field, value list.
   *
   * <pre>{@code redis("XRANGE").xrange("events", "-", "+")}</pre>
   */
  default RedisCommand xrange(String key, String start, String end) {
    return build(this, "XRANGE", args(key, start, end));
  }

  /**
   * XRANGE with key and ids from the session: {@code cmd.xrange(s -> "events", s -> "-", s ->
   * "+")}.
   */
  default RedisCommand xrange(
      Function<Session, String> key,
      Function<Session, String> start,
      Function<Session, String> end) {
    return build(this, "XRANGE", args(key, start, end));
  }

  /**
   * XREAD of one stream: the entries after {@code id} ({@code 0} for all); nil when there are none.
   *
   * <pre>{@code redis("XREAD").xread("events", "0")}</pre>
   */
  default RedisCommand xread(String key, String id) {
    return build(this, "XREAD", args(word("STREAMS"), key, id));
  }

  /** XREAD with key and id from the session: {@code cmd.xread(s -> "events", s -> "0")}. */
  default RedisCommand xread(Function<Session, String> key, Function<Session, String> id) {
    return build(this, "XREAD", args(word("STREAMS"), key, id));
  }

  /**
   * XREADGROUP of one stream for a consumer of a group; id {@code >} reads entries never delivered
   * to the group.
   *
   * <pre>{@code redis("XREADGROUP").xreadGroup("workers", "c-#{userId}", "jobs", ">")}</pre>
   */
  default RedisCommand xreadGroup(String group, String consumer, String key, String id) {
    return build(
        this, "XREADGROUP", args(word("GROUP"), group, consumer, word("STREAMS"), key, id));
  }

  /** XREADGROUP with every argument from the session. */
  default RedisCommand xreadGroup(
      Function<Session, String> group,
      Function<Session, String> consumer,
      Function<Session, String> key,
      Function<Session, String> id) {
    return build(
        this, "XREADGROUP", args(word("GROUP"), group, consumer, word("STREAMS"), key, id));
  }

  /**
   * XACK: acknowledges entries for a group; replies how many were pending.
   *
   * <pre>{@code redis("XACK").xack("jobs", "workers", "#{jobId}")}</pre>
   */
  default RedisCommand xack(String key, String group, String... ids) {
    return build(this, "XACK", args(key, group, some(ids, "id")));
  }

  /** XACK with key, group and ids from the session. */
  default RedisCommand xack(
      Function<Session, String> key,
      Function<Session, String> group,
      List<Function<Session, String>> ids) {
    return build(this, "XACK", args(key, group, some(ids, "id")));
  }

  /**
   * XACK with one id from the session: {@code cmd.xack(s -> "events", s -> "workers", s ->
   * s.getString("id"))}.
   */
  default RedisCommand xack(
      Function<Session, String> key,
      Function<Session, String> group,
      Function<Session, String> id) {
    return xack(key, group, List.of(id));
  }

  /**
   * XGROUP CREATE with MKSTREAM: creates a consumer group reading from {@code id} ({@code $} for
   * new entries only, {@code 0} for all), and the stream if it does not exist. A group that exists
   * already is KO BUSYGROUP.
   *
   * <pre>{@code redis("XGROUP CREATE").xgroupCreate("jobs", "workers", "0")}</pre>
   */
  default RedisCommand xgroupCreate(String key, String group, String id) {
    return build(this, "XGROUP", args(word("CREATE"), key, group, id, word("MKSTREAM")));
  }

  /** XGROUP CREATE with key, group and id from the session. */
  default RedisCommand xgroupCreate(
      Function<Session, String> key,
      Function<Session, String> group,
      Function<Session, String> id) {
    return build(this, "XGROUP", args(word("CREATE"), key, group, id, word("MKSTREAM")));
  }
}
