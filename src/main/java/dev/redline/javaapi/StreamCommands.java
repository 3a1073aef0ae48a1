package dev.redline.javaapi;

import io.gatling.javaapi.core.Session;
import java.util.function.Function;

/** Streams: XADD, XLEN, XRANGE, XREAD, XREADGROUP, XACK, XGROUP CREATE. */
// @SafeVarargs methods only read their arrays (copied into the command), never store or expose them
@SuppressWarnings("varargs")
abstract class StreamCommands extends CommandBuilding {

  StreamCommands() {}

  /**
   * XADD with id {@code *}: appends an entry of field, value pairs; replies its id.
   *
   * <pre>{@code redis("XADD").xadd("events", "user", "#{userId}", "action", "login")}</pre>
   */
  public RedisCommand xadd(String key, String... fieldsAndValues) {
    return build("XADD", args(key, word("*"), pairs(fieldsAndValues, "XADD")));
  }

  /**
   * XADD with id {@code *}, key, fields and values from the session.
   *
   * <pre>{@code xadd(s -> "events", s -> "user", s -> String.valueOf(s.userId()))}</pre>
   */
  @SafeVarargs
  public final RedisCommand xadd(
      Function<Session, String> key, Function<Session, String>... fieldsAndValues) {
    return build("XADD", args(key, word("*"), pairs(fieldsAndValues, "XADD")));
  }

  /**
   * XLEN: the number of entries in a stream.
   *
   * <pre>{@code redis("XLEN").xlen("events")}</pre>
   */
  public RedisCommand xlen(String key) {
    return build("XLEN", args(key));
  }

  /** XLEN with the key from the session: {@code xlen(s -> "events:" + s.userId())}. */
  public RedisCommand xlen(Function<Session, String> key) {
    return build("XLEN", args(key));
  }

  /**
   * XRANGE: the entries between two ids ({@code -} and {@code +} for the whole stream); each entry
   * is a list of its id and its field, value list.
   *
   * <pre>{@code redis("XRANGE").xrange("events", "-", "+")}</pre>
   */
  public RedisCommand xrange(String key, String start, String end) {
    return build("XRANGE", args(key, start, end));
  }

  /**
   * XRANGE with key and ids from the session: {@code xrange(s -> "events", s -> "-", s -> "+")}.
   */
  public RedisCommand xrange(
      Function<Session, String> key,
      Function<Session, String> start,
      Function<Session, String> end) {
    return build("XRANGE", args(key, start, end));
  }

  /**
   * XREAD of one stream: the entries after {@code id} ({@code 0} for all); nil when there are none.
   *
   * <pre>{@code redis("XREAD").xread("events", "0")}</pre>
   */
  public RedisCommand xread(String key, String id) {
    return build("XREAD", args(word("STREAMS"), key, id));
  }

  /** XREAD with key and id from the session: {@code xread(s -> "events", s -> "0")}. */
  public RedisCommand xread(Function<Session, String> key, Function<Session, String> id) {
    return build("XREAD", args(word("STREAMS"), key, id));
  }

  /**
   * XREADGROUP of one stream for a consumer of a group; id {@code >} reads entries never delivered
   * to the group.
   *
   * <pre>{@code redis("XREADGROUP").xreadGroup("workers", "c-#{userId}", "jobs", ">")}</pre>
   */
  public RedisCommand xreadGroup(String group, String consumer, String key, String id) {
    return build("XREADGROUP", args(word("GROUP"), group, consumer, word("STREAMS"), key, id));
  }

  /** XREADGROUP with every argument from the session. */
  public RedisCommand xreadGroup(
      Function<Session, String> group,
      Function<Session, String> consumer,
      Function<Session, String> key,
      Function<Session, String> id) {
    return build("XREADGROUP", args(word("GROUP"), group, consumer, word("STREAMS"), key, id));
  }

  /**
   * XACK: acknowledges entries for a group; replies how many were pending.
   *
   * <pre>{@code redis("XACK").xack("jobs", "workers", "#{jobId}")}</pre>
   */
  public RedisCommand xack(String key, String group, String... ids) {
    return build("XACK", args(key, group, some(ids, "id")));
  }

  /** XACK with key, group and ids from the session. */
  @SafeVarargs
  public final RedisCommand xack(
      Function<Session, String> key,
      Function<Session, String> group,
      Function<Session, String>... ids) {
    return build("XACK", args(key, group, some(ids, "id")));
  }

  /**
   * XGROUP CREATE with MKSTREAM: creates a consumer group reading from {@code id} ({@code $} for
   * new entries only, {@code 0} for all), and the stream if it does not exist. A group that exists
   * already is KO BUSYGROUP.
   *
   * <pre>{@code redis("XGROUP CREATE").xgroupCreate("jobs", "workers", "0")}</pre>
   */
  public RedisCommand xgroupCreate(String key, String group, String id) {
    return build("XGROUP", args(word("CREATE"), key, group, id, word("MKSTREAM")));
  }

  /** XGROUP CREATE with key, group and id from the session. */
  public RedisCommand xgroupCreate(
      Function<Session, String> key,
      Function<Session, String> group,
      Function<Session, String> id) {
    return build("XGROUP", args(word("CREATE"), key, group, id, word("MKSTREAM")));
  }
}
