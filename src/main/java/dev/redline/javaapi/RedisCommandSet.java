package dev.redline.javaapi;

import dev.redline.command.SessionValue;
import dev.redline.command.SessionValues;
import io.gatling.javaapi.core.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Every Redis command Redline speaks, as methods that build a {@link RedisCommand}. Used through
 * {@code redis("name")} (a named request) and through {@link RedisDsl}'s static methods (pipeline
 * and transaction elements, or requests named by their command).
 *
 * <p>Each method takes Gatling EL strings ({@code "user:#{id}"}) or functions of the session.
 * Numbers are sent in decimal. Commands Redline has no method for go through {@link
 * #command(String, String...)}.
 */
// @SafeVarargs methods only read their arrays (copied into the command), never store or expose them
@SuppressWarnings("varargs")
public abstract class RedisCommandSet extends ExpiryAndGeoCommands {

  RedisCommandSet() {}

  /**
   * Any Redis command by name with its arguments (EL strings), for commands without a method here.
   * The request is named by the command unless named otherwise.
   *
   * <pre>{@code redis("CLIENT LIST").command("CLIENT", "LIST")}</pre>
   */
  public RedisCommand command(String commandName, String... arguments) {
    return build(commandName, args((Object) arguments));
  }

  /**
   * Any Redis command by name, its arguments computed from the session.
   *
   * <pre>{@code command("HINCRBY", List.of(s -> "user:" + s.userId(), s -> "visits", s -> "1"))}
   * </pre>
   */
  public RedisCommand command(String commandName, List<Function<Session, String>> arguments) {
    return build(commandName, args(arguments));
  }

  /**
   * SET: stores a string value, with options {@link RedisDsl#ex}, {@link RedisDsl#px}, {@link
   * RedisDsl#nx}, {@link RedisDsl#xx}, {@link RedisDsl#keepTtl}.
   *
   * <pre>{@code redis("SET").set("user:#{id}", "v-#{id}", ex(3600))}</pre>
   */
  public RedisCommand set(String key, String value, SetOption... options) {
    return build("SET", withOptions(args(key, value), options));
  }

  /**
   * SET: stores a string value computed from the session.
   *
   * <pre>{@code set(s -> "user:" + s.userId(), s -> "v-" + s.userId())}</pre>
   */
  public RedisCommand set(
      Function<Session, String> key, Function<Session, String> value, SetOption... options) {
    return build("SET", withOptions(args(key, value), options));
  }

  /**
   * MSET: sets several keys at once, given as key, value, key, value, ...
   *
   * <pre>{@code redis("MSET").mset("a:#{id}", "1", "b:#{id}", "2")}</pre>
   */
  public RedisCommand mset(String... keysAndValues) {
    if (keysAndValues.length == 0 || keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException(
          "MSET takes key, value pairs; got " + keysAndValues.length + " arguments");
    }
    return build("MSET", args((Object) keysAndValues));
  }

  private static List<SessionValue<String>> withOptions(
      List<SessionValue<String>> arguments, SetOption... options) {
    List<SessionValue<String>> all = new ArrayList<>(arguments);
    for (SetOption option : options) {
      Objects.requireNonNull(option, "SET option")
          .words()
          .forEach(word -> all.add(SessionValues.constant(word)));
    }
    return all;
  }

  /**
   * GET: the value of a string key.
   *
   * <pre>{@code redis("GET").get("user:#{id}")}</pre>
   */
  public RedisCommand get(String key) {
    return build("GET", args(key));
  }

  /**
   * GET: the value of a string key.
   *
   * <pre>{@code get(s -> "user:" + s.userId())}</pre>
   */
  public RedisCommand get(Function<Session, String> key) {
    return build("GET", args(key));
  }

  /**
   * DEL: deletes keys; replies the number removed.
   *
   * <pre>{@code redis("DEL").del("tmp:#{id}")}</pre>
   */
  public RedisCommand del(String... keys) {
    return build("DEL", args((Object) some(keys, "key")));
  }

  /**
   * DEL: deletes keys; replies the number removed.
   *
   * <pre>{@code del(s -> "tmp:" + s.userId())}</pre>
   */
  @SafeVarargs
  public final RedisCommand del(Function<Session, String>... keys) {
    return build("DEL", args((Object) some(keys, "key")));
  }

  /**
   * EXISTS: whether a key exists (1 or 0).
   *
   * <pre>{@code redis("EXISTS").exists("user:#{id}")}</pre>
   */
  public RedisCommand exists(String key) {
    return build("EXISTS", args(key));
  }

  /**
   * EXISTS: whether a key exists (1 or 0).
   *
   * <pre>{@code exists(s -> "user:" + s.userId())}</pre>
   */
  public RedisCommand exists(Function<Session, String> key) {
    return build("EXISTS", args(key));
  }

  /**
   * EXPIRE: sets a key's time to live in seconds.
   *
   * <pre>{@code redis("EXPIRE").expire("session:#{id}", 60)}</pre>
   */
  public RedisCommand expire(String key, long seconds) {
    return build("EXPIRE", args(key, number(seconds)));
  }

  /**
   * EXPIRE: sets a key's time to live in seconds.
   *
   * <pre>{@code expire(s -> "session:" + s.userId(), 60)}</pre>
   */
  public RedisCommand expire(Function<Session, String> key, long seconds) {
    return build("EXPIRE", args(key, number(seconds)));
  }

  /**
   * TTL: a key's remaining time to live in seconds.
   *
   * <pre>{@code redis("TTL").ttl("session:#{id}")}</pre>
   */
  public RedisCommand ttl(String key) {
    return build("TTL", args(key));
  }

  /**
   * TTL: a key's remaining time to live in seconds.
   *
   * <pre>{@code ttl(s -> "session:" + s.userId())}</pre>
   */
  public RedisCommand ttl(Function<Session, String> key) {
    return build("TTL", args(key));
  }

  /**
   * INCR: increments an integer by one; replies the new value.
   *
   * <pre>{@code redis("INCR").incr("hits")}</pre>
   */
  public RedisCommand incr(String key) {
    return build("INCR", args(key));
  }

  /**
   * INCR: increments an integer by one; replies the new value.
   *
   * <pre>{@code incr(s -> "hits")}</pre>
   */
  public RedisCommand incr(Function<Session, String> key) {
    return build("INCR", args(key));
  }

  /**
   * INCRBY: increments an integer; replies the new value.
   *
   * <pre>{@code redis("INCRBY").incrBy("hits", 10)}</pre>
   */
  public RedisCommand incrBy(String key, long increment) {
    return build("INCRBY", args(key, number(increment)));
  }

  /**
   * INCRBY: increments an integer; replies the new value.
   *
   * <pre>{@code incrBy(s -> "hits", 10)}</pre>
   */
  public RedisCommand incrBy(Function<Session, String> key, long increment) {
    return build("INCRBY", args(key, number(increment)));
  }

  /**
   * DECR: decrements an integer by one; replies the new value.
   *
   * <pre>{@code redis("DECR").decr("stock")}</pre>
   */
  public RedisCommand decr(String key) {
    return build("DECR", args(key));
  }

  /**
   * DECR: decrements an integer by one; replies the new value.
   *
   * <pre>{@code decr(s -> "stock")}</pre>
   */
  public RedisCommand decr(Function<Session, String> key) {
    return build("DECR", args(key));
  }

  /**
   * DECRBY: decrements an integer; replies the new value.
   *
   * <pre>{@code redis("DECRBY").decrBy("stock", 5)}</pre>
   */
  public RedisCommand decrBy(String key, long decrement) {
    return build("DECRBY", args(key, number(decrement)));
  }

  /**
   * DECRBY: decrements an integer; replies the new value.
   *
   * <pre>{@code decrBy(s -> "stock", 5)}</pre>
   */
  public RedisCommand decrBy(Function<Session, String> key, long decrement) {
    return build("DECRBY", args(key, number(decrement)));
  }

  /**
   * APPEND: appends to a string; replies the new length.
   *
   * <pre>{@code redis("APPEND").append("log:#{id}", "x")}</pre>
   */
  public RedisCommand append(String key, String value) {
    return build("APPEND", args(key, value));
  }

  /**
   * APPEND: appends to a string; replies the new length.
   *
   * <pre>{@code append(s -> "log:" + s.userId(), s -> "x")}</pre>
   */
  public RedisCommand append(Function<Session, String> key, Function<Session, String> value) {
    return build("APPEND", args(key, value));
  }

  /**
   * STRLEN: the length of a string value.
   *
   * <pre>{@code redis("STRLEN").strlen("user:#{id}")}</pre>
   */
  public RedisCommand strlen(String key) {
    return build("STRLEN", args(key));
  }

  /**
   * STRLEN: the length of a string value.
   *
   * <pre>{@code strlen(s -> "user:" + s.userId())}</pre>
   */
  public RedisCommand strlen(Function<Session, String> key) {
    return build("STRLEN", args(key));
  }

  /**
   * MGET: the values of several keys.
   *
   * <pre>{@code redis("MGET").mget("a", "b", "c")}</pre>
   */
  public RedisCommand mget(String... keys) {
    return build("MGET", args((Object) some(keys, "key")));
  }

  /**
   * MGET: the values of several keys.
   *
   * <pre>{@code mget(s -> "a", s -> "b", s -> "c")}</pre>
   */
  @SafeVarargs
  public final RedisCommand mget(Function<Session, String>... keys) {
    return build("MGET", args((Object) some(keys, "key")));
  }

  /**
   * LPUSH: pushes values at the head of a list; replies the new length.
   *
   * <pre>{@code redis("LPUSH").lpush("queue", "#{job}")}</pre>
   */
  public RedisCommand lpush(String key, String... values) {
    return build("LPUSH", args(key, some(values, "value")));
  }

  /**
   * LPUSH: pushes values at the head of a list; replies the new length.
   *
   * <pre>{@code lpush(s -> "queue", s -> s.getString("job"))}</pre>
   */
  @SafeVarargs
  public final RedisCommand lpush(
      Function<Session, String> key, Function<Session, String>... values) {
    return build("LPUSH", args(key, some(values, "value")));
  }

  /**
   * RPUSH: pushes values at the tail of a list; replies the new length.
   *
   * <pre>{@code redis("RPUSH").rpush("queue", "#{job}")}</pre>
   */
  public RedisCommand rpush(String key, String... values) {
    return build("RPUSH", args(key, some(values, "value")));
  }

  /**
   * RPUSH: pushes values at the tail of a list; replies the new length.
   *
   * <pre>{@code rpush(s -> "queue", s -> s.getString("job"))}</pre>
   */
  @SafeVarargs
  public final RedisCommand rpush(
      Function<Session, String> key, Function<Session, String>... values) {
    return build("RPUSH", args(key, some(values, "value")));
  }

  /**
   * LPOP: removes and returns the head of a list.
   *
   * <pre>{@code redis("LPOP").lpop("queue")}</pre>
   */
  public RedisCommand lpop(String key) {
    return build("LPOP", args(key));
  }

  /**
   * LPOP: removes and returns the head of a list.
   *
   * <pre>{@code lpop(s -> "queue")}</pre>
   */
  public RedisCommand lpop(Function<Session, String> key) {
    return build("LPOP", args(key));
  }

  /**
   * RPOP: removes and returns the tail of a list.
   *
   * <pre>{@code redis("RPOP").rpop("queue")}</pre>
   */
  public RedisCommand rpop(String key) {
    return build("RPOP", args(key));
  }

  /**
   * RPOP: removes and returns the tail of a list.
   *
   * <pre>{@code rpop(s -> "queue")}</pre>
   */
  public RedisCommand rpop(Function<Session, String> key) {
    return build("RPOP", args(key));
  }

  /**
   * LRANGE: a range of a list (0 -1 is all of it).
   *
   * <pre>{@code redis("LRANGE").lrange("queue", 0, 9)}</pre>
   */
  public RedisCommand lrange(String key, long start, long stop) {
    return build("LRANGE", args(key, number(start), number(stop)));
  }

  /**
   * LRANGE: a range of a list (0 -1 is all of it).
   *
   * <pre>{@code lrange(s -> "queue", 0, 9)}</pre>
   */
  public RedisCommand lrange(Function<Session, String> key, long start, long stop) {
    return build("LRANGE", args(key, number(start), number(stop)));
  }

  /**
   * LLEN: the length of a list.
   *
   * <pre>{@code redis("LLEN").llen("queue")}</pre>
   */
  public RedisCommand llen(String key) {
    return build("LLEN", args(key));
  }

  /**
   * LLEN: the length of a list.
   *
   * <pre>{@code llen(s -> "queue")}</pre>
   */
  public RedisCommand llen(Function<Session, String> key) {
    return build("LLEN", args(key));
  }

  /**
   * LTRIM: trims a list to a range.
   *
   * <pre>{@code redis("LTRIM").ltrim("queue", 0, 99)}</pre>
   */
  public RedisCommand ltrim(String key, long start, long stop) {
    return build("LTRIM", args(key, number(start), number(stop)));
  }

  /**
   * LTRIM: trims a list to a range.
   *
   * <pre>{@code ltrim(s -> "queue", 0, 99)}</pre>
   */
  public RedisCommand ltrim(Function<Session, String> key, long start, long stop) {
    return build("LTRIM", args(key, number(start), number(stop)));
  }

  /**
   * HSET: sets a hash field; replies 1 if the field is new.
   *
   * <pre>{@code redis("HSET").hset("user:#{id}", "name", "#{name}")}</pre>
   */
  public RedisCommand hset(String key, String field, String value) {
    return build("HSET", args(key, field, value));
  }

  /**
   * HSET: sets a hash field; replies 1 if the field is new.
   *
   * <pre>{@code hset(s -> "user:" + s.userId(), s -> "name", s -> s.getString("name"))}</pre>
   */
  public RedisCommand hset(
      Function<Session, String> key,
      Function<Session, String> field,
      Function<Session, String> value) {
    return build("HSET", args(key, field, value));
  }

  /**
   * HGET: the value of a hash field.
   *
   * <pre>{@code redis("HGET").hget("user:#{id}", "name")}</pre>
   */
  public RedisCommand hget(String key, String field) {
    return build("HGET", args(key, field));
  }

  /**
   * HGET: the value of a hash field.
   *
   * <pre>{@code hget(s -> "user:" + s.userId(), s -> "name")}</pre>
   */
  public RedisCommand hget(Function<Session, String> key, Function<Session, String> field) {
    return build("HGET", args(key, field));
  }

  /**
   * HGETALL: every field and value of a hash.
   *
   * <pre>{@code redis("HGETALL").hgetAll("user:#{id}")}</pre>
   */
  public RedisCommand hgetAll(String key) {
    return build("HGETALL", args(key));
  }

  /**
   * HGETALL: every field and value of a hash.
   *
   * <pre>{@code hgetAll(s -> "user:" + s.userId())}</pre>
   */
  public RedisCommand hgetAll(Function<Session, String> key) {
    return build("HGETALL", args(key));
  }

  /**
   * HDEL: deletes hash fields; replies the number removed.
   *
   * <pre>{@code redis("HDEL").hdel("user:#{id}", "name")}</pre>
   */
  public RedisCommand hdel(String key, String... fields) {
    return build("HDEL", args(key, some(fields, "field")));
  }

  /**
   * HDEL: deletes hash fields; replies the number removed.
   *
   * <pre>{@code hdel(s -> "user:" + s.userId(), s -> "name")}</pre>
   */
  @SafeVarargs
  public final RedisCommand hdel(
      Function<Session, String> key, Function<Session, String>... fields) {
    return build("HDEL", args(key, some(fields, "field")));
  }

  /**
   * HLEN: the number of fields in a hash.
   *
   * <pre>{@code redis("HLEN").hlen("user:#{id}")}</pre>
   */
  public RedisCommand hlen(String key) {
    return build("HLEN", args(key));
  }

  /**
   * HLEN: the number of fields in a hash.
   *
   * <pre>{@code hlen(s -> "user:" + s.userId())}</pre>
   */
  public RedisCommand hlen(Function<Session, String> key) {
    return build("HLEN", args(key));
  }

  /**
   * SADD: adds set members; replies the number added.
   *
   * <pre>{@code redis("SADD").sadd("online", "#{id}")}</pre>
   */
  public RedisCommand sadd(String key, String... members) {
    return build("SADD", args(key, some(members, "member")));
  }

  /**
   * SADD: adds set members; replies the number added.
   *
   * <pre>{@code sadd(s -> "online", s -> "" + s.userId())}</pre>
   */
  @SafeVarargs
  public final RedisCommand sadd(
      Function<Session, String> key, Function<Session, String>... members) {
    return build("SADD", args(key, some(members, "member")));
  }

  /**
   * SREM: removes set members; replies the number removed.
   *
   * <pre>{@code redis("SREM").srem("online", "#{id}")}</pre>
   */
  public RedisCommand srem(String key, String... members) {
    return build("SREM", args(key, some(members, "member")));
  }

  /**
   * SREM: removes set members; replies the number removed.
   *
   * <pre>{@code srem(s -> "online", s -> "" + s.userId())}</pre>
   */
  @SafeVarargs
  public final RedisCommand srem(
      Function<Session, String> key, Function<Session, String>... members) {
    return build("SREM", args(key, some(members, "member")));
  }

  /**
   * SMEMBERS: every member of a set.
   *
   * <pre>{@code redis("SMEMBERS").smembers("online")}</pre>
   */
  public RedisCommand smembers(String key) {
    return build("SMEMBERS", args(key));
  }

  /**
   * SMEMBERS: every member of a set.
   *
   * <pre>{@code smembers(s -> "online")}</pre>
   */
  public RedisCommand smembers(Function<Session, String> key) {
    return build("SMEMBERS", args(key));
  }

  /**
   * SCARD: the number of members of a set.
   *
   * <pre>{@code redis("SCARD").scard("online")}</pre>
   */
  public RedisCommand scard(String key) {
    return build("SCARD", args(key));
  }

  /**
   * SCARD: the number of members of a set.
   *
   * <pre>{@code scard(s -> "online")}</pre>
   */
  public RedisCommand scard(Function<Session, String> key) {
    return build("SCARD", args(key));
  }

  /**
   * ZADD: adds a member with a score to a sorted set.
   *
   * <pre>{@code redis("ZADD").zadd("board", 42.0, "#{id}")}</pre>
   */
  public RedisCommand zadd(String key, double score, String member) {
    return build("ZADD", args(key, number(score), member));
  }

  /**
   * ZADD: adds a member with a score to a sorted set.
   *
   * <pre>{@code zadd(s -> "board", 42.0, s -> "" + s.userId())}</pre>
   */
  public RedisCommand zadd(
      Function<Session, String> key, double score, Function<Session, String> member) {
    return build("ZADD", args(key, number(score), member));
  }

  /**
   * ZREM: removes sorted-set members; replies the number removed.
   *
   * <pre>{@code redis("ZREM").zrem("board", "#{id}")}</pre>
   */
  public RedisCommand zrem(String key, String... members) {
    return build("ZREM", args(key, some(members, "member")));
  }

  /**
   * ZREM: removes sorted-set members; replies the number removed.
   *
   * <pre>{@code zrem(s -> "board", s -> "" + s.userId())}</pre>
   */
  @SafeVarargs
  public final RedisCommand zrem(
      Function<Session, String> key, Function<Session, String>... members) {
    return build("ZREM", args(key, some(members, "member")));
  }

  /**
   * ZRANGE: a range of a sorted set by rank.
   *
   * <pre>{@code redis("ZRANGE").zrange("board", 0, 9)}</pre>
   */
  public RedisCommand zrange(String key, long start, long stop) {
    return build("ZRANGE", args(key, number(start), number(stop)));
  }

  /**
   * ZRANGE: a range of a sorted set by rank.
   *
   * <pre>{@code zrange(s -> "board", 0, 9)}</pre>
   */
  public RedisCommand zrange(Function<Session, String> key, long start, long stop) {
    return build("ZRANGE", args(key, number(start), number(stop)));
  }

  /**
   * ZCARD: the number of members of a sorted set.
   *
   * <pre>{@code redis("ZCARD").zcard("board")}</pre>
   */
  public RedisCommand zcard(String key) {
    return build("ZCARD", args(key));
  }

  /**
   * ZCARD: the number of members of a sorted set.
   *
   * <pre>{@code zcard(s -> "board")}</pre>
   */
  public RedisCommand zcard(Function<Session, String> key) {
    return build("ZCARD", args(key));
  }

  /**
   * ZSCORE: the score of a sorted-set member.
   *
   * <pre>{@code redis("ZSCORE").zscore("board", "#{id}")}</pre>
   */
  public RedisCommand zscore(String key, String member) {
    return build("ZSCORE", args(key, member));
  }

  /**
   * ZSCORE: the score of a sorted-set member.
   *
   * <pre>{@code zscore(s -> "board", s -> "" + s.userId())}</pre>
   */
  public RedisCommand zscore(Function<Session, String> key, Function<Session, String> member) {
    return build("ZSCORE", args(key, member));
  }

  /**
   * PUBLISH: publishes a message on a channel; replies the number of subscribers that got it.
   *
   * <pre>{@code redis("PUBLISH").publish("news", "hello #{id}")}</pre>
   */
  public RedisCommand publish(String channel, String message) {
    return build("PUBLISH", args(channel, message));
  }

  /**
   * PUBLISH: publishes a message on a channel; replies the number of subscribers that got it.
   *
   * <pre>{@code publish(s -> "news", s -> "hello " + s.userId())}</pre>
   */
  public RedisCommand publish(
      Function<Session, String> channel, Function<Session, String> message) {
    return build("PUBLISH", args(channel, message));
  }
}
