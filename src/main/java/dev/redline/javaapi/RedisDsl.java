package dev.redline.javaapi;

import dev.redline.action.BatchKind;
import dev.redline.command.CommandSpec;
import dev.redline.command.SessionValues;
import io.gatling.javaapi.core.Session;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * Redline's entry points, to import statically beside Gatling's {@code CoreDsl}.
 *
 * <pre>{@code
 * import static io.gatling.javaapi.core.CoreDsl.*;
 * import static dev.redline.javaapi.RedisDsl.*;
 *
 * RedisProtocolBuilder redisProtocol = redis().url("redis://localhost:6379").clientInstances(2).threadsPerClient(3);
 * ScenarioBuilder scn = scenario("cache").forever().on(
 *     exec(redis("SET").set("user:#{userId}", "v-#{userId}"))
 *     .exec(redis("GET").get("user:#{userId}").check(reply().isEL("v-#{userId}")))
 *     .exec(redis("BATCH").pipeline(incr("hits"), get("user:#{userId}"), del("tmp:#{userId}"))));
 * }</pre>
 *
 * <p>The static command methods ({@link #get(String)}, {@link #set(String, String, SetOption...)},
 * ...) make commands reported under their command name; use them as pipeline and transaction
 * elements or as requests of their own.
 */
public final class RedisDsl {
  private RedisDsl() {}

  private static final RedisCommandSet COMMANDS = new RedisCommandSet() {
    @Override
    RedisCommand make(CommandSpec spec) {
      return new RedisCommand(spec);
    }
  };

  /**
   * A Redis protocol with defaults: the Redis of {@code -Dredline.url}, else of {@code REDIS_URL},
   * else an embedded redis-server started for the run; 1 client, 1 worker thread, 2 s timeouts.
   *
   * <pre>{@code redis().url("redis://localhost:6379").clientInstances(2).threadsPerClient(3)}</pre>
   *
   * @return a new protocol builder
   */
  public static RedisProtocolBuilder redis() {
    return new RedisProtocolBuilder();
  }

  /**
   * Starts a named request; choose its command next.
   *
   * <pre>{@code redis("GET user").get("user:#{id}")}</pre>
   *
   * @param requestName the name shown in Gatling's and Redline's reports
   * @return a request builder
   */
  public static RedisRequestBuilder redis(String requestName) {
    return new RedisRequestBuilder(requestName);
  }

  /**
   * A pipeline reported as BATCH: the commands go in one round trip.
   *
   * <pre>{@code exec(pipeline(set("a:#{id}", "1"), get("a:#{id}"), incr("hits")))}</pre>
   *
   * @param commands the commands, sent in order
   * @return a batch action
   */
  public static RedisBatch pipeline(RedisCommand... commands) {
    return new RedisBatch("BATCH", BatchKind.PIPELINE, commands);
  }

  /**
   * A MULTI/EXEC transaction reported as MULTI/EXEC.
   *
   * <pre>{@code exec(transaction(incr("{acct}:n"), lpush("{acct}:log", "#{id}")))}</pre>
   *
   * @param commands the commands, applied atomically in order
   * @return a batch action
   */
  public static RedisBatch transaction(RedisCommand... commands) {
    return new RedisBatch("MULTI/EXEC", BatchKind.TRANSACTION, commands);
  }

  /**
   * Starts a subscriber for this virtual user on the channels (its own connection and thread,
   * outside the pool), recorded as SUBSCRIBE. Messages published with
   * {@link #trackedPublish(Function, int)} are then recorded as DELIVERY with their end-to-end
   * latency; duplicates are KO DUPLICATE, and messages that never arrive are KO LOST at the end.
   *
   * <pre>{@code exec(subscribe("news", "alerts"))}</pre>
   */
  public static io.gatling.javaapi.core.ActionBuilder subscribe(String... channels) {
    List<String> list = List.of(channels);
    if (list.isEmpty()) {
      throw new IllegalArgumentException("subscribe needs at least one channel");
    }
    return () -> (ctx, next) -> new dev.redline.action.SubscribeAction("SUBSCRIBE", list, ctx,
        ctx.protocolComponentsRegistry().components(dev.redline.protocol.RedisProtocol.KEY), next);
  }

  /**
   * PUBLISH of a numbered, timestamped message of about {@code size} bytes, whose delivery
   * subscribers started with {@link #subscribe(String...)} measure end to end. Once Redis answers,
   * every such subscriber listening on the channel owes the message (counted by Redline, not from
   * PUBLISH's reply); owed messages that never arrive are DELIVERY KO {@code LOST}.
   *
   * <pre>{@code exec(trackedPublish(s -> "news", 100))}</pre>
   */
  public static RedisCommand trackedPublish(Function<Session, String> channel, int size) {
    return new RedisCommand(CommandSpec.trackedPublish(SessionValues.fn(channel), size));
  }

  // ---- commands, named by their command (see RedisCommandSet for each one's details) ----
  /** XADD with id {@code *}: appends an entry of field, value pairs; replies its id.    *. See {@link RedisCommandSet}. */
  public static RedisCommand xadd(String key, String... fieldsAndValues) {
    return COMMANDS.xadd(key, fieldsAndValues);
  }

  /** XADD with id {@code *}, key, fields and values from the session.    *. See {@link RedisCommandSet}. */
  @SafeVarargs
  public static RedisCommand xadd(Function<Session, String> key, Function<Session, String>... fieldsAndValues) {
    return COMMANDS.xadd(key, fieldsAndValues);
  }

  /** XLEN: the number of entries in a stream.    *. See {@link RedisCommandSet}. */
  public static RedisCommand xlen(String key) {
    return COMMANDS.xlen(key);
  }

  /** XLEN with the key from the session: {@code xlen(s -> "events:" + s.userId())}. See {@link RedisCommandSet}. */
  public static RedisCommand xlen(Function<Session, String> key) {
    return COMMANDS.xlen(key);
  }

  /** XRANGE: the entries between two ids ({@code -} and {@code +} for the whole stream); each entry is a list of its id and its field, value list.    *. See {@link RedisCommandSet}. */
  public static RedisCommand xrange(String key, String start, String end) {
    return COMMANDS.xrange(key, start, end);
  }

  /** XRANGE with key and ids from the session: {@code xrange(s -> "events", s -> "-", s -> "+")}. See {@link RedisCommandSet}. */
  public static RedisCommand xrange(Function<Session, String> key, Function<Session, String> start, Function<Session, String> end) {
    return COMMANDS.xrange(key, start, end);
  }

  /** XREAD of one stream: the entries after {@code id} ({@code 0} for all); nil when there are none.    *. See {@link RedisCommandSet}. */
  public static RedisCommand xread(String key, String id) {
    return COMMANDS.xread(key, id);
  }

  /** XREAD with key and id from the session: {@code xread(s -> "events", s -> "0")}. See {@link RedisCommandSet}. */
  public static RedisCommand xread(Function<Session, String> key, Function<Session, String> id) {
    return COMMANDS.xread(key, id);
  }

  /** XREADGROUP of one stream for a consumer of a group; id {@code >} reads entries never delivered to the group.    *. See {@link RedisCommandSet}. */
  public static RedisCommand xreadGroup(String group, String consumer, String key, String id) {
    return COMMANDS.xreadGroup(group, consumer, key, id);
  }

  /** XREADGROUP with every argument from the session. See {@link RedisCommandSet}. */
  public static RedisCommand xreadGroup(Function<Session, String> group, Function<Session, String> consumer, Function<Session, String> key,
      Function<Session, String> id) {
    return COMMANDS.xreadGroup(group, consumer, key, id);
  }

  /** XACK: acknowledges entries for a group; replies how many were pending.    *. See {@link RedisCommandSet}. */
  public static RedisCommand xack(String key, String group, String... ids) {
    return COMMANDS.xack(key, group, ids);
  }

  /** XACK with key, group and ids from the session. See {@link RedisCommandSet}. */
  @SafeVarargs
  public static RedisCommand xack(Function<Session, String> key, Function<Session, String> group, Function<Session, String>... ids) {
    return COMMANDS.xack(key, group, ids);
  }

  /** XGROUP CREATE with MKSTREAM: creates a consumer group reading from {@code id} ({@code $} for new entries only, {@code 0} for all), and the stream if it does not exist. A group that exists already is KO BUSYGROUP.    *. See {@link RedisCommandSet}. */
  public static RedisCommand xgroupCreate(String key, String group, String id) {
    return COMMANDS.xgroupCreate(key, group, id);
  }

  /** XGROUP CREATE with key, group and id from the session. See {@link RedisCommandSet}. */
  public static RedisCommand xgroupCreate(Function<Session, String> key, Function<Session, String> group, Function<Session, String> id) {
    return COMMANDS.xgroupCreate(key, group, id);
  }

  /** EVAL: runs a Lua script with its keys and arguments (EL strings).    *. See {@link RedisCommandSet}. */
  public static RedisCommand eval(String script, List<String> keys, List<String> args) {
    return COMMANDS.eval(script, keys, args);
  }

  /** EVAL with script, keys and arguments from the session. See {@link RedisCommandSet}. */
  public static RedisCommand eval(Function<Session, String> script, List<Function<Session, String>> keys, List<Function<Session, String>> args) {
    return COMMANDS.eval(script, keys, args);
  }

  /** EVALSHA: runs a script loaded before (SCRIPT LOAD) by its SHA1 digest.    *. See {@link RedisCommandSet}. */
  public static RedisCommand evalSha(String sha, List<String> keys, List<String> args) {
    return COMMANDS.evalSha(sha, keys, args);
  }

  /** EVALSHA with digest, keys and arguments from the session. See {@link RedisCommandSet}. */
  public static RedisCommand evalSha(Function<Session, String> sha, List<Function<Session, String>> keys, List<Function<Session, String>> args) {
    return COMMANDS.evalSha(sha, keys, args);
  }

  /** FCALL: calls a function of a library loaded with FUNCTION LOAD (Redis 7).    *. See {@link RedisCommandSet}. */
  public static RedisCommand fcall(String function, List<String> keys, List<String> args) {
    return COMMANDS.fcall(function, keys, args);
  }

  /** FCALL with function, keys and arguments from the session. See {@link RedisCommandSet}. */
  public static RedisCommand fcall(Function<Session, String> function, List<Function<Session, String>> keys, List<Function<Session, String>> args) {
    return COMMANDS.fcall(function, keys, args);
  }

  /** BLPOP: pops the first element of the first non-empty list; replies {@code [key, element]}, or nil.    *. See {@link RedisCommandSet}. */
  public static RedisCommand blpop(Duration timeout, String... keys) {
    return COMMANDS.blpop(timeout, keys);
  }

  /** BLPOP with keys from the session: {@code blpop(Duration.ofSeconds(1), s -> "jobs:" + s.userId())}. See {@link RedisCommandSet}. */
  @SafeVarargs
  public static RedisCommand blpop(Duration timeout, Function<Session, String>... keys) {
    return COMMANDS.blpop(timeout, keys);
  }

  /** BRPOP: pops the last element of the first non-empty list; replies {@code [key, element]}, or nil.    *. See {@link RedisCommandSet}. */
  public static RedisCommand brpop(Duration timeout, String... keys) {
    return COMMANDS.brpop(timeout, keys);
  }

  /** BRPOP with keys from the session. See {@link RedisCommandSet}. */
  @SafeVarargs
  public static RedisCommand brpop(Duration timeout, Function<Session, String>... keys) {
    return COMMANDS.brpop(timeout, keys);
  }

  /** BZPOPMIN: pops the lowest-scored member of the first non-empty sorted set; replies {@code [key, member, score]}, or nil.    *. See {@link RedisCommandSet}. */
  public static RedisCommand bzpopmin(Duration timeout, String... keys) {
    return COMMANDS.bzpopmin(timeout, keys);
  }

  /** BZPOPMIN with keys from the session. See {@link RedisCommandSet}. */
  @SafeVarargs
  public static RedisCommand bzpopmin(Duration timeout, Function<Session, String>... keys) {
    return COMMANDS.bzpopmin(timeout, keys);
  }

  /** HINCRBY: adds to an integer field of a hash; replies the new value.    *. See {@link RedisCommandSet}. */
  public static RedisCommand hincrBy(String key, String field, long by) {
    return COMMANDS.hincrBy(key, field, by);
  }

  /** HINCRBY with key and field from the session. See {@link RedisCommandSet}. */
  public static RedisCommand hincrBy(Function<Session, String> key, Function<Session, String> field, long by) {
    return COMMANDS.hincrBy(key, field, by);
  }

  /** ZINCRBY: adds to a member's score; replies the new score.    *. See {@link RedisCommandSet}. */
  public static RedisCommand zincrBy(String key, double by, String member) {
    return COMMANDS.zincrBy(key, by, member);
  }

  /** ZINCRBY with key and member from the session. See {@link RedisCommandSet}. */
  public static RedisCommand zincrBy(Function<Session, String> key, double by, Function<Session, String> member) {
    return COMMANDS.zincrBy(key, by, member);
  }

  /** ZRANGEBYSCORE: the members with a score between {@code min} and {@code max} (Redis's syntax: {@code -inf}, {@code +inf}, {@code (5} for exclusive).    *. See {@link RedisCommandSet}. */
  public static RedisCommand zrangeByScore(String key, String min, String max) {
    return COMMANDS.zrangeByScore(key, min, max);
  }

  /** ZRANGEBYSCORE with key and bounds from the session. See {@link RedisCommandSet}. */
  public static RedisCommand zrangeByScore(Function<Session, String> key, Function<Session, String> min, Function<Session, String> max) {
    return COMMANDS.zrangeByScore(key, min, max);
  }

  /** PFADD: adds elements to a HyperLogLog; replies 1 when its estimate changed.    *. See {@link RedisCommandSet}. */
  public static RedisCommand pfadd(String key, String... elements) {
    return COMMANDS.pfadd(key, elements);
  }

  /** PFADD with key and elements from the session. See {@link RedisCommandSet}. */
  @SafeVarargs
  public static RedisCommand pfadd(Function<Session, String> key, Function<Session, String>... elements) {
    return COMMANDS.pfadd(key, elements);
  }

  /** PFCOUNT: the estimated number of distinct elements of the HyperLogLogs' union.    *. See {@link RedisCommandSet}. */
  public static RedisCommand pfcount(String... keys) {
    return COMMANDS.pfcount(keys);
  }

  /** PFCOUNT with keys from the session. See {@link RedisCommandSet}. */
  @SafeVarargs
  public static RedisCommand pfcount(Function<Session, String>... keys) {
    return COMMANDS.pfcount(keys);
  }

  /** SETBIT: sets the bit at {@code offset} to 1 ({@code true}) or 0; replies the bit's old value.    *. See {@link RedisCommandSet}. */
  public static RedisCommand setbit(String key, long offset, boolean value) {
    return COMMANDS.setbit(key, offset, value);
  }

  /** SETBIT with the key from the session. See {@link RedisCommandSet}. */
  public static RedisCommand setbit(Function<Session, String> key, long offset, boolean value) {
    return COMMANDS.setbit(key, offset, value);
  }

  /** BITCOUNT: the number of bits set to 1.    *. See {@link RedisCommandSet}. */
  public static RedisCommand bitcount(String key) {
    return COMMANDS.bitcount(key);
  }

  /** BITCOUNT with the key from the session. See {@link RedisCommandSet}. */
  public static RedisCommand bitcount(Function<Session, String> key) {
    return COMMANDS.bitcount(key);
  }

  /** SETEX: sets a value that expires after {@code seconds}.    *. See {@link RedisCommandSet}. */
  public static RedisCommand setex(String key, long seconds, String value) {
    return COMMANDS.setex(key, seconds, value);
  }

  /** SETEX with key and value from the session. See {@link RedisCommandSet}. */
  public static RedisCommand setex(Function<Session, String> key, long seconds, Function<Session, String> value) {
    return COMMANDS.setex(key, seconds, value);
  }

  /** GETDEL: the value of a key, deleted by the same command; nil when it did not exist.    *. See {@link RedisCommandSet}. */
  public static RedisCommand getdel(String key) {
    return COMMANDS.getdel(key);
  }

  /** GETDEL with the key from the session. See {@link RedisCommandSet}. */
  public static RedisCommand getdel(Function<Session, String> key) {
    return COMMANDS.getdel(key);
  }

  /** GEOADD: adds a member at a longitude and latitude; replies 1 when it is new.    *. See {@link RedisCommandSet}. */
  public static RedisCommand geoadd(String key, double longitude, double latitude, String member) {
    return COMMANDS.geoadd(key, longitude, latitude, member);
  }

  /** GEOADD with key and member from the session. See {@link RedisCommandSet}. */
  public static RedisCommand geoadd(Function<Session, String> key, double longitude, double latitude, Function<Session, String> member) {
    return COMMANDS.geoadd(key, longitude, latitude, member);
  }

  /** GEOSEARCH: the members within {@code radiusMeters} of a longitude and latitude.    *. See {@link RedisCommandSet}. */
  public static RedisCommand geosearch(String key, double longitude, double latitude, double radiusMeters) {
    return COMMANDS.geosearch(key, longitude, latitude, radiusMeters);
  }

  /** GEOSEARCH with the key from the session. See {@link RedisCommandSet}. */
  public static RedisCommand geosearch(Function<Session, String> key, double longitude, double latitude, double radiusMeters) {
    return COMMANDS.geosearch(key, longitude, latitude, radiusMeters);
  }

  /** Any Redis command by name with its arguments (EL strings), for commands without a method here. The request is named by the command unless named otherwise.    *. See {@link RedisCommandSet}. */
  public static RedisCommand command(String commandName, String... arguments) {
    return COMMANDS.command(commandName, arguments);
  }

  /** Any Redis command by name, its arguments computed from the session.    *. See {@link RedisCommandSet}. */
  public static RedisCommand command(String commandName, List<Function<Session, String>> arguments) {
    return COMMANDS.command(commandName, arguments);
  }

  /** SET: stores a string value, with options {@link RedisDsl#ex}, {@link RedisDsl#px}, {@link RedisDsl#nx}, {@link RedisDsl#xx}, {@link RedisDsl#keepTtl}.    *. See {@link RedisCommandSet}. */
  public static RedisCommand set(String key, String value, SetOption... options) {
    return COMMANDS.set(key, value, options);
  }

  /** SET: stores a string value computed from the session.    *. See {@link RedisCommandSet}. */
  public static RedisCommand set(Function<Session, String> key, Function<Session, String> value, SetOption... options) {
    return COMMANDS.set(key, value, options);
  }

  /** MSET: sets several keys at once, given as key, value, key, value, ...    *. See {@link RedisCommandSet}. */
  public static RedisCommand mset(String... keysAndValues) {
    return COMMANDS.mset(keysAndValues);
  }

  /** GET: the value of a string key.    *. See {@link RedisCommandSet}. */
  public static RedisCommand get(String key) {
    return COMMANDS.get(key);
  }

  /** GET: the value of a string key.    *. See {@link RedisCommandSet}. */
  public static RedisCommand get(Function<Session, String> key) {
    return COMMANDS.get(key);
  }

  /** DEL: deletes keys; replies the number removed.    *. See {@link RedisCommandSet}. */
  public static RedisCommand del(String... keys) {
    return COMMANDS.del(keys);
  }

  /** DEL: deletes keys; replies the number removed.    *. See {@link RedisCommandSet}. */
  @SafeVarargs
  public static RedisCommand del(Function<Session, String>... keys) {
    return COMMANDS.del(keys);
  }

  /** EXISTS: whether a key exists (1 or 0).    *. See {@link RedisCommandSet}. */
  public static RedisCommand exists(String key) {
    return COMMANDS.exists(key);
  }

  /** EXISTS: whether a key exists (1 or 0).    *. See {@link RedisCommandSet}. */
  public static RedisCommand exists(Function<Session, String> key) {
    return COMMANDS.exists(key);
  }

  /** EXPIRE: sets a key's time to live in seconds.    *. See {@link RedisCommandSet}. */
  public static RedisCommand expire(String key, long seconds) {
    return COMMANDS.expire(key, seconds);
  }

  /** EXPIRE: sets a key's time to live in seconds.    *. See {@link RedisCommandSet}. */
  public static RedisCommand expire(Function<Session, String> key, long seconds) {
    return COMMANDS.expire(key, seconds);
  }

  /** TTL: a key's remaining time to live in seconds.    *. See {@link RedisCommandSet}. */
  public static RedisCommand ttl(String key) {
    return COMMANDS.ttl(key);
  }

  /** TTL: a key's remaining time to live in seconds.    *. See {@link RedisCommandSet}. */
  public static RedisCommand ttl(Function<Session, String> key) {
    return COMMANDS.ttl(key);
  }

  /** INCR: increments an integer by one; replies the new value.    *. See {@link RedisCommandSet}. */
  public static RedisCommand incr(String key) {
    return COMMANDS.incr(key);
  }

  /** INCR: increments an integer by one; replies the new value.    *. See {@link RedisCommandSet}. */
  public static RedisCommand incr(Function<Session, String> key) {
    return COMMANDS.incr(key);
  }

  /** INCRBY: increments an integer; replies the new value.    *. See {@link RedisCommandSet}. */
  public static RedisCommand incrBy(String key, long increment) {
    return COMMANDS.incrBy(key, increment);
  }

  /** INCRBY: increments an integer; replies the new value.    *. See {@link RedisCommandSet}. */
  public static RedisCommand incrBy(Function<Session, String> key, long increment) {
    return COMMANDS.incrBy(key, increment);
  }

  /** DECR: decrements an integer by one; replies the new value.    *. See {@link RedisCommandSet}. */
  public static RedisCommand decr(String key) {
    return COMMANDS.decr(key);
  }

  /** DECR: decrements an integer by one; replies the new value.    *. See {@link RedisCommandSet}. */
  public static RedisCommand decr(Function<Session, String> key) {
    return COMMANDS.decr(key);
  }

  /** DECRBY: decrements an integer; replies the new value.    *. See {@link RedisCommandSet}. */
  public static RedisCommand decrBy(String key, long decrement) {
    return COMMANDS.decrBy(key, decrement);
  }

  /** DECRBY: decrements an integer; replies the new value.    *. See {@link RedisCommandSet}. */
  public static RedisCommand decrBy(Function<Session, String> key, long decrement) {
    return COMMANDS.decrBy(key, decrement);
  }

  /** APPEND: appends to a string; replies the new length.    *. See {@link RedisCommandSet}. */
  public static RedisCommand append(String key, String value) {
    return COMMANDS.append(key, value);
  }

  /** APPEND: appends to a string; replies the new length.    *. See {@link RedisCommandSet}. */
  public static RedisCommand append(Function<Session, String> key, Function<Session, String> value) {
    return COMMANDS.append(key, value);
  }

  /** STRLEN: the length of a string value.    *. See {@link RedisCommandSet}. */
  public static RedisCommand strlen(String key) {
    return COMMANDS.strlen(key);
  }

  /** STRLEN: the length of a string value.    *. See {@link RedisCommandSet}. */
  public static RedisCommand strlen(Function<Session, String> key) {
    return COMMANDS.strlen(key);
  }

  /** MGET: the values of several keys.    *. See {@link RedisCommandSet}. */
  public static RedisCommand mget(String... keys) {
    return COMMANDS.mget(keys);
  }

  /** MGET: the values of several keys.    *. See {@link RedisCommandSet}. */
  @SafeVarargs
  public static RedisCommand mget(Function<Session, String>... keys) {
    return COMMANDS.mget(keys);
  }

  /** LPUSH: pushes values at the head of a list; replies the new length.    *. See {@link RedisCommandSet}. */
  public static RedisCommand lpush(String key, String... values) {
    return COMMANDS.lpush(key, values);
  }

  /** LPUSH: pushes values at the head of a list; replies the new length.    *. See {@link RedisCommandSet}. */
  @SafeVarargs
  public static RedisCommand lpush(Function<Session, String> key, Function<Session, String>... values) {
    return COMMANDS.lpush(key, values);
  }

  /** RPUSH: pushes values at the tail of a list; replies the new length.    *. See {@link RedisCommandSet}. */
  public static RedisCommand rpush(String key, String... values) {
    return COMMANDS.rpush(key, values);
  }

  /** RPUSH: pushes values at the tail of a list; replies the new length.    *. See {@link RedisCommandSet}. */
  @SafeVarargs
  public static RedisCommand rpush(Function<Session, String> key, Function<Session, String>... values) {
    return COMMANDS.rpush(key, values);
  }

  /** LPOP: removes and returns the head of a list.    *. See {@link RedisCommandSet}. */
  public static RedisCommand lpop(String key) {
    return COMMANDS.lpop(key);
  }

  /** LPOP: removes and returns the head of a list.    *. See {@link RedisCommandSet}. */
  public static RedisCommand lpop(Function<Session, String> key) {
    return COMMANDS.lpop(key);
  }

  /** RPOP: removes and returns the tail of a list.    *. See {@link RedisCommandSet}. */
  public static RedisCommand rpop(String key) {
    return COMMANDS.rpop(key);
  }

  /** RPOP: removes and returns the tail of a list.    *. See {@link RedisCommandSet}. */
  public static RedisCommand rpop(Function<Session, String> key) {
    return COMMANDS.rpop(key);
  }

  /** LRANGE: a range of a list (0 -1 is all of it).    *. See {@link RedisCommandSet}. */
  public static RedisCommand lrange(String key, long start, long stop) {
    return COMMANDS.lrange(key, start, stop);
  }

  /** LRANGE: a range of a list (0 -1 is all of it).    *. See {@link RedisCommandSet}. */
  public static RedisCommand lrange(Function<Session, String> key, long start, long stop) {
    return COMMANDS.lrange(key, start, stop);
  }

  /** LLEN: the length of a list.    *. See {@link RedisCommandSet}. */
  public static RedisCommand llen(String key) {
    return COMMANDS.llen(key);
  }

  /** LLEN: the length of a list.    *. See {@link RedisCommandSet}. */
  public static RedisCommand llen(Function<Session, String> key) {
    return COMMANDS.llen(key);
  }

  /** LTRIM: trims a list to a range.    *. See {@link RedisCommandSet}. */
  public static RedisCommand ltrim(String key, long start, long stop) {
    return COMMANDS.ltrim(key, start, stop);
  }

  /** LTRIM: trims a list to a range.    *. See {@link RedisCommandSet}. */
  public static RedisCommand ltrim(Function<Session, String> key, long start, long stop) {
    return COMMANDS.ltrim(key, start, stop);
  }

  /** HSET: sets a hash field; replies 1 if the field is new.    *. See {@link RedisCommandSet}. */
  public static RedisCommand hset(String key, String field, String value) {
    return COMMANDS.hset(key, field, value);
  }

  /** HSET: sets a hash field; replies 1 if the field is new.    *. See {@link RedisCommandSet}. */
  public static RedisCommand hset(Function<Session, String> key, Function<Session, String> field, Function<Session, String> value) {
    return COMMANDS.hset(key, field, value);
  }

  /** HGET: the value of a hash field.    *. See {@link RedisCommandSet}. */
  public static RedisCommand hget(String key, String field) {
    return COMMANDS.hget(key, field);
  }

  /** HGET: the value of a hash field.    *. See {@link RedisCommandSet}. */
  public static RedisCommand hget(Function<Session, String> key, Function<Session, String> field) {
    return COMMANDS.hget(key, field);
  }

  /** HGETALL: every field and value of a hash.    *. See {@link RedisCommandSet}. */
  public static RedisCommand hgetAll(String key) {
    return COMMANDS.hgetAll(key);
  }

  /** HGETALL: every field and value of a hash.    *. See {@link RedisCommandSet}. */
  public static RedisCommand hgetAll(Function<Session, String> key) {
    return COMMANDS.hgetAll(key);
  }

  /** HDEL: deletes hash fields; replies the number removed.    *. See {@link RedisCommandSet}. */
  public static RedisCommand hdel(String key, String... fields) {
    return COMMANDS.hdel(key, fields);
  }

  /** HDEL: deletes hash fields; replies the number removed.    *. See {@link RedisCommandSet}. */
  @SafeVarargs
  public static RedisCommand hdel(Function<Session, String> key, Function<Session, String>... fields) {
    return COMMANDS.hdel(key, fields);
  }

  /** HLEN: the number of fields in a hash.    *. See {@link RedisCommandSet}. */
  public static RedisCommand hlen(String key) {
    return COMMANDS.hlen(key);
  }

  /** HLEN: the number of fields in a hash.    *. See {@link RedisCommandSet}. */
  public static RedisCommand hlen(Function<Session, String> key) {
    return COMMANDS.hlen(key);
  }

  /** SADD: adds set members; replies the number added.    *. See {@link RedisCommandSet}. */
  public static RedisCommand sadd(String key, String... members) {
    return COMMANDS.sadd(key, members);
  }

  /** SADD: adds set members; replies the number added.    *. See {@link RedisCommandSet}. */
  @SafeVarargs
  public static RedisCommand sadd(Function<Session, String> key, Function<Session, String>... members) {
    return COMMANDS.sadd(key, members);
  }

  /** SREM: removes set members; replies the number removed.    *. See {@link RedisCommandSet}. */
  public static RedisCommand srem(String key, String... members) {
    return COMMANDS.srem(key, members);
  }

  /** SREM: removes set members; replies the number removed.    *. See {@link RedisCommandSet}. */
  @SafeVarargs
  public static RedisCommand srem(Function<Session, String> key, Function<Session, String>... members) {
    return COMMANDS.srem(key, members);
  }

  /** SMEMBERS: every member of a set.    *. See {@link RedisCommandSet}. */
  public static RedisCommand smembers(String key) {
    return COMMANDS.smembers(key);
  }

  /** SMEMBERS: every member of a set.    *. See {@link RedisCommandSet}. */
  public static RedisCommand smembers(Function<Session, String> key) {
    return COMMANDS.smembers(key);
  }

  /** SCARD: the number of members of a set.    *. See {@link RedisCommandSet}. */
  public static RedisCommand scard(String key) {
    return COMMANDS.scard(key);
  }

  /** SCARD: the number of members of a set.    *. See {@link RedisCommandSet}. */
  public static RedisCommand scard(Function<Session, String> key) {
    return COMMANDS.scard(key);
  }

  /** ZADD: adds a member with a score to a sorted set.    *. See {@link RedisCommandSet}. */
  public static RedisCommand zadd(String key, double score, String member) {
    return COMMANDS.zadd(key, score, member);
  }

  /** ZADD: adds a member with a score to a sorted set.    *. See {@link RedisCommandSet}. */
  public static RedisCommand zadd(Function<Session, String> key, double score, Function<Session, String> member) {
    return COMMANDS.zadd(key, score, member);
  }

  /** ZREM: removes sorted-set members; replies the number removed.    *. See {@link RedisCommandSet}. */
  public static RedisCommand zrem(String key, String... members) {
    return COMMANDS.zrem(key, members);
  }

  /** ZREM: removes sorted-set members; replies the number removed.    *. See {@link RedisCommandSet}. */
  @SafeVarargs
  public static RedisCommand zrem(Function<Session, String> key, Function<Session, String>... members) {
    return COMMANDS.zrem(key, members);
  }

  /** ZRANGE: a range of a sorted set by rank.    *. See {@link RedisCommandSet}. */
  public static RedisCommand zrange(String key, long start, long stop) {
    return COMMANDS.zrange(key, start, stop);
  }

  /** ZRANGE: a range of a sorted set by rank.    *. See {@link RedisCommandSet}. */
  public static RedisCommand zrange(Function<Session, String> key, long start, long stop) {
    return COMMANDS.zrange(key, start, stop);
  }

  /** ZCARD: the number of members of a sorted set.    *. See {@link RedisCommandSet}. */
  public static RedisCommand zcard(String key) {
    return COMMANDS.zcard(key);
  }

  /** ZCARD: the number of members of a sorted set.    *. See {@link RedisCommandSet}. */
  public static RedisCommand zcard(Function<Session, String> key) {
    return COMMANDS.zcard(key);
  }

  /** ZSCORE: the score of a sorted-set member.    *. See {@link RedisCommandSet}. */
  public static RedisCommand zscore(String key, String member) {
    return COMMANDS.zscore(key, member);
  }

  /** ZSCORE: the score of a sorted-set member.    *. See {@link RedisCommandSet}. */
  public static RedisCommand zscore(Function<Session, String> key, Function<Session, String> member) {
    return COMMANDS.zscore(key, member);
  }

  /** PUBLISH: publishes a message on a channel; replies the number of subscribers that got it.    *. See {@link RedisCommandSet}. */
  public static RedisCommand publish(String channel, String message) {
    return COMMANDS.publish(channel, message);
  }

  /** PUBLISH: publishes a message on a channel; replies the number of subscribers that got it.    *. See {@link RedisCommandSet}. */
  public static RedisCommand publish(Function<Session, String> channel, Function<Session, String> message) {
    return COMMANDS.publish(channel, message);
  }

  /** SET option EX: expire after {@code seconds}: {@code set("k", "v", ex(60))}. */
  public static SetOption ex(long seconds) {
    return new SetOption("EX", Long.toString(positive(seconds, "EX seconds")));
  }

  /** SET option PX: expire after {@code millis}: {@code set("k", "v", px(500))}. */
  public static SetOption px(long millis) {
    return new SetOption("PX", Long.toString(positive(millis, "PX milliseconds")));
  }

  /** SET option NX: only set a key that does not exist: {@code set("lock", "#{id}", nx(), px(500))}. */
  public static SetOption nx() {
    return new SetOption("NX");
  }

  /** SET option XX: only set a key that exists: {@code set("k", "v", xx())}. */
  public static SetOption xx() {
    return new SetOption("XX");
  }

  /** SET option KEEPTTL: keep the key's time to live: {@code set("k", "v", keepTtl())}. */
  public static SetOption keepTtl() {
    return new SetOption("KEEPTTL");
  }

  // ---- checks ----

  /**
   * Gatling's check DSL on the reply: {@code is}, {@code isEL}, {@code not}, {@code notNull},
   * {@code exists}, {@code notExists}, {@code in}, {@code lt}/{@code gt}, {@code transform},
   * {@code validate}, {@code optional}, {@code saveAs}, ... with Gatling's meaning; a nil reply is
   * "found nothing". See {@link ReplyCheckBuilder} for the reply's types and typed views, and
   * {@link ReplyCheckBuilder#isNilOr(String)} for data verification.
   *
   * <pre>{@code
   * get("user:#{id}").check(reply().isEL("v-#{id}"))
   * incr("hits").check(reply().gt(0), reply().saveAs("hits"))
   * }</pre>
   *
   * @return a check builder on the reply
   */
  public static ReplyCheckBuilder reply() {
    return new ReplyCheckBuilder();
  }

  private static long positive(long value, String what) {
    if (value <= 0) {
      throw new IllegalArgumentException(what + " must be positive, got " + value);
    }
    return value;
  }
}
