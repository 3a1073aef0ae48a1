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

  private static final RedisCommandSet COMMANDS =
      new RedisCommandSet() {
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
   * Live metrics settings for {@link RedisProtocolBuilder#metrics(RedisMetricsBuilder)}: an OTLP
   * collector and/or a Prometheus port.
   *
   * <pre>{@code redis().metrics(metrics().prometheus(9464))}</pre>
   *
   * @return an empty metrics builder (what it does not name comes from the configuration)
   */
  public static RedisMetricsBuilder metrics() {
    return new RedisMetricsBuilder(dev.redline.config.MetricsConfig.Overrides.NONE);
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
   * outside the pool), recorded as SUBSCRIBE. Messages published with {@link
   * #trackedPublish(Function, int)} are then recorded as DELIVERY with their end-to-end latency;
   * duplicates are KO DUPLICATE, and messages that never arrive are KO LOST at the end.
   *
   * <pre>{@code exec(subscribe("news", "alerts"))}</pre>
   */
  public static io.gatling.javaapi.core.ActionBuilder subscribe(String... channels) {
    List<String> list = List.of(channels);
    if (list.isEmpty()) {
      throw new IllegalArgumentException("subscribe needs at least one channel");
    }
    return () ->
        (ctx, next) ->
            new dev.redline.action.SubscribeAction(
                "SUBSCRIBE",
                list,
                ctx,
                ctx.protocolComponentsRegistry().components(dev.redline.protocol.RedisProtocol.KEY),
                next);
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

  // ---- commands, generated by tools/generate-dsl-statics.py from the catalog: do not edit ----
  /**
   * XADD with id {@code *}: appends an entry of field, value pairs; replies its id.
   *
   * <pre>{@code redis("XADD").xadd("events", "user", "#{userId}", "action", "login")}</pre>
   */
  public static RedisCommand xadd(String key, String... fieldsAndValues) {
    return COMMANDS.xadd(key, fieldsAndValues);
  }

  /**
   * XADD with id {@code *}, key, fields and values from the session.
   *
   * <pre>{@code xadd(s -> "events", s -> "user", s -> String.valueOf(s.userId()))}</pre>
   */
  @SafeVarargs
  public static RedisCommand xadd(
      Function<Session, String> key, Function<Session, String>... fieldsAndValues) {
    return COMMANDS.xadd(key, fieldsAndValues);
  }

  /**
   * XLEN: the number of entries in a stream.
   *
   * <pre>{@code redis("XLEN").xlen("events")}</pre>
   */
  public static RedisCommand xlen(String key) {
    return COMMANDS.xlen(key);
  }

  /** XLEN with the key from the session: {@code xlen(s -> "events:" + s.userId())}. */
  public static RedisCommand xlen(Function<Session, String> key) {
    return COMMANDS.xlen(key);
  }

  /**
   * XRANGE: the entries between two ids ({@code -} and {@code +} for the whole stream); each entry
   * is a list of its id and its field, value list.
   *
   * <pre>{@code redis("XRANGE").xrange("events", "-", "+")}</pre>
   */
  public static RedisCommand xrange(String key, String start, String end) {
    return COMMANDS.xrange(key, start, end);
  }

  /**
   * XRANGE with key and ids from the session: {@code xrange(s -> "events", s -> "-", s -> "+")}.
   */
  public static RedisCommand xrange(
      Function<Session, String> key,
      Function<Session, String> start,
      Function<Session, String> end) {
    return COMMANDS.xrange(key, start, end);
  }

  /**
   * XREAD of one stream: the entries after {@code id} ({@code 0} for all); nil when there are none.
   *
   * <pre>{@code redis("XREAD").xread("events", "0")}</pre>
   */
  public static RedisCommand xread(String key, String id) {
    return COMMANDS.xread(key, id);
  }

  /** XREAD with key and id from the session: {@code xread(s -> "events", s -> "0")}. */
  public static RedisCommand xread(Function<Session, String> key, Function<Session, String> id) {
    return COMMANDS.xread(key, id);
  }

  /**
   * XREADGROUP of one stream for a consumer of a group; id {@code >} reads entries never delivered
   * to the group.
   *
   * <pre>{@code redis("XREADGROUP").xreadGroup("workers", "c-#{userId}", "jobs", ">")}</pre>
   */
  public static RedisCommand xreadGroup(String group, String consumer, String key, String id) {
    return COMMANDS.xreadGroup(group, consumer, key, id);
  }

  /** XREADGROUP with every argument from the session. */
  public static RedisCommand xreadGroup(
      Function<Session, String> group,
      Function<Session, String> consumer,
      Function<Session, String> key,
      Function<Session, String> id) {
    return COMMANDS.xreadGroup(group, consumer, key, id);
  }

  /**
   * XACK: acknowledges entries for a group; replies how many were pending.
   *
   * <pre>{@code redis("XACK").xack("jobs", "workers", "#{jobId}")}</pre>
   */
  public static RedisCommand xack(String key, String group, String... ids) {
    return COMMANDS.xack(key, group, ids);
  }

  /** XACK with key, group and ids from the session. */
  @SafeVarargs
  public static RedisCommand xack(
      Function<Session, String> key,
      Function<Session, String> group,
      Function<Session, String>... ids) {
    return COMMANDS.xack(key, group, ids);
  }

  /**
   * XGROUP CREATE with MKSTREAM: creates a consumer group reading from {@code id} ({@code $} for
   * new entries only, {@code 0} for all), and the stream if it does not exist. A group that exists
   * already is KO BUSYGROUP.
   *
   * <pre>{@code redis("XGROUP CREATE").xgroupCreate("jobs", "workers", "0")}</pre>
   */
  public static RedisCommand xgroupCreate(String key, String group, String id) {
    return COMMANDS.xgroupCreate(key, group, id);
  }

  /** XGROUP CREATE with key, group and id from the session. */
  public static RedisCommand xgroupCreate(
      Function<Session, String> key,
      Function<Session, String> group,
      Function<Session, String> id) {
    return COMMANDS.xgroupCreate(key, group, id);
  }

  /**
   * EVAL: runs a Lua script with its keys and arguments (EL strings).
   *
   * <pre>
   * {@code redis("EVAL").eval("return redis.call('INCRBY', KEYS[1], ARGV[1])", List.of("n:#{userId}"), List.of("5"))}
   * </pre>
   */
  public static RedisCommand eval(String script, List<String> keys, List<String> args) {
    return COMMANDS.eval(script, keys, args);
  }

  /** EVAL with script, keys and arguments from the session. */
  public static RedisCommand eval(
      Function<Session, String> script,
      List<Function<Session, String>> keys,
      List<Function<Session, String>> args) {
    return COMMANDS.eval(script, keys, args);
  }

  /**
   * EVALSHA: runs a script loaded before (SCRIPT LOAD) by its SHA1 digest.
   *
   * <pre>{@code redis("EVALSHA").evalSha("#{incrSha}", List.of("n:#{userId}"), List.of("1"))}</pre>
   */
  public static RedisCommand evalSha(String sha, List<String> keys, List<String> args) {
    return COMMANDS.evalSha(sha, keys, args);
  }

  /** EVALSHA with digest, keys and arguments from the session. */
  public static RedisCommand evalSha(
      Function<Session, String> sha,
      List<Function<Session, String>> keys,
      List<Function<Session, String>> args) {
    return COMMANDS.evalSha(sha, keys, args);
  }

  /**
   * FCALL: calls a function of a library loaded with FUNCTION LOAD (Redis 7).
   *
   * <pre>{@code redis("FCALL").fcall("bump", List.of("n:#{userId}"), List.of("2"))}</pre>
   */
  public static RedisCommand fcall(String function, List<String> keys, List<String> args) {
    return COMMANDS.fcall(function, keys, args);
  }

  /** FCALL with function, keys and arguments from the session. */
  public static RedisCommand fcall(
      Function<Session, String> function,
      List<Function<Session, String>> keys,
      List<Function<Session, String>> args) {
    return COMMANDS.fcall(function, keys, args);
  }

  /**
   * BLPOP: pops the first element of the first non-empty list; replies {@code [key, element]}, or
   * nil.
   *
   * <pre>{@code redis("BLPOP").blpop(Duration.ofSeconds(1), "jobs:#{userId}")}</pre>
   */
  public static RedisCommand blpop(Duration timeout, String... keys) {
    return COMMANDS.blpop(timeout, keys);
  }

  /**
   * BLPOP with keys from the session: {@code blpop(Duration.ofSeconds(1), s -> "jobs:" +
   * s.userId())}.
   */
  @SafeVarargs
  public static RedisCommand blpop(Duration timeout, Function<Session, String>... keys) {
    return COMMANDS.blpop(timeout, keys);
  }

  /**
   * BRPOP: pops the last element of the first non-empty list; replies {@code [key, element]}, or
   * nil.
   *
   * <pre>{@code redis("BRPOP").brpop(Duration.ofMillis(500), "jobs")}</pre>
   */
  public static RedisCommand brpop(Duration timeout, String... keys) {
    return COMMANDS.brpop(timeout, keys);
  }

  /** BRPOP with keys from the session. */
  @SafeVarargs
  public static RedisCommand brpop(Duration timeout, Function<Session, String>... keys) {
    return COMMANDS.brpop(timeout, keys);
  }

  /**
   * BZPOPMIN: pops the lowest-scored member of the first non-empty sorted set; replies {@code [key,
   * member, score]}, or nil.
   *
   * <pre>{@code redis("BZPOPMIN").bzpopmin(Duration.ofSeconds(1), "queue")}</pre>
   */
  public static RedisCommand bzpopmin(Duration timeout, String... keys) {
    return COMMANDS.bzpopmin(timeout, keys);
  }

  /** BZPOPMIN with keys from the session. */
  @SafeVarargs
  public static RedisCommand bzpopmin(Duration timeout, Function<Session, String>... keys) {
    return COMMANDS.bzpopmin(timeout, keys);
  }

  /**
   * HINCRBY: adds to an integer field of a hash; replies the new value.
   *
   * <pre>{@code redis("HINCRBY").hincrBy("user:#{userId}", "visits", 1)}</pre>
   */
  public static RedisCommand hincrBy(String key, String field, long by) {
    return COMMANDS.hincrBy(key, field, by);
  }

  /** HINCRBY with key and field from the session. */
  public static RedisCommand hincrBy(
      Function<Session, String> key, Function<Session, String> field, long by) {
    return COMMANDS.hincrBy(key, field, by);
  }

  /**
   * ZINCRBY: adds to a member's score; replies the new score.
   *
   * <pre>{@code redis("ZINCRBY").zincrBy("board", 10, "player:#{userId}")}</pre>
   */
  public static RedisCommand zincrBy(String key, double by, String member) {
    return COMMANDS.zincrBy(key, by, member);
  }

  /** ZINCRBY with key and member from the session. */
  public static RedisCommand zincrBy(
      Function<Session, String> key, double by, Function<Session, String> member) {
    return COMMANDS.zincrBy(key, by, member);
  }

  /**
   * ZRANGEBYSCORE: the members with a score between {@code min} and {@code max} (Redis's syntax:
   * {@code -inf}, {@code +inf}, {@code (5} for exclusive).
   *
   * <pre>{@code redis("ZRANGEBYSCORE").zrangeByScore("board", "100", "+inf")}</pre>
   */
  public static RedisCommand zrangeByScore(String key, String min, String max) {
    return COMMANDS.zrangeByScore(key, min, max);
  }

  /** ZRANGEBYSCORE with key and bounds from the session. */
  public static RedisCommand zrangeByScore(
      Function<Session, String> key, Function<Session, String> min, Function<Session, String> max) {
    return COMMANDS.zrangeByScore(key, min, max);
  }

  /**
   * PFADD: adds elements to a HyperLogLog; replies 1 when its estimate changed.
   *
   * <pre>{@code redis("PFADD").pfadd("visitors", "#{userId}")}</pre>
   */
  public static RedisCommand pfadd(String key, String... elements) {
    return COMMANDS.pfadd(key, elements);
  }

  /** PFADD with key and elements from the session. */
  @SafeVarargs
  public static RedisCommand pfadd(
      Function<Session, String> key, Function<Session, String>... elements) {
    return COMMANDS.pfadd(key, elements);
  }

  /**
   * PFCOUNT: the estimated number of distinct elements of the HyperLogLogs' union.
   *
   * <pre>{@code redis("PFCOUNT").pfcount("visitors")}</pre>
   */
  public static RedisCommand pfcount(String... keys) {
    return COMMANDS.pfcount(keys);
  }

  /** PFCOUNT with keys from the session. */
  @SafeVarargs
  public static RedisCommand pfcount(Function<Session, String>... keys) {
    return COMMANDS.pfcount(keys);
  }

  /**
   * SETBIT: sets the bit at {@code offset} to 1 ({@code true}) or 0; replies the bit's old value.
   *
   * <pre>{@code redis("SETBIT").setbit("online", 42, true)}</pre>
   */
  public static RedisCommand setbit(String key, long offset, boolean value) {
    return COMMANDS.setbit(key, offset, value);
  }

  /** SETBIT with the key from the session. */
  public static RedisCommand setbit(Function<Session, String> key, long offset, boolean value) {
    return COMMANDS.setbit(key, offset, value);
  }

  /**
   * BITCOUNT: the number of bits set to 1.
   *
   * <pre>{@code redis("BITCOUNT").bitcount("online")}</pre>
   */
  public static RedisCommand bitcount(String key) {
    return COMMANDS.bitcount(key);
  }

  /** BITCOUNT with the key from the session. */
  public static RedisCommand bitcount(Function<Session, String> key) {
    return COMMANDS.bitcount(key);
  }

  /**
   * SETEX: sets a value that expires after {@code seconds}.
   *
   * <pre>{@code redis("SETEX").setex("session:#{userId}", 60, "token-#{userId}")}</pre>
   */
  public static RedisCommand setex(String key, long seconds, String value) {
    return COMMANDS.setex(key, seconds, value);
  }

  /** SETEX with key and value from the session. */
  public static RedisCommand setex(
      Function<Session, String> key, long seconds, Function<Session, String> value) {
    return COMMANDS.setex(key, seconds, value);
  }

  /**
   * GETDEL: the value of a key, deleted by the same command; nil when it did not exist.
   *
   * <pre>{@code redis("GETDEL").getdel("once:#{userId}")}</pre>
   */
  public static RedisCommand getdel(String key) {
    return COMMANDS.getdel(key);
  }

  /** GETDEL with the key from the session. */
  public static RedisCommand getdel(Function<Session, String> key) {
    return COMMANDS.getdel(key);
  }

  /**
   * GEOADD: adds a member at a longitude and latitude; replies 1 when it is new.
   *
   * <pre>{@code redis("GEOADD").geoadd("shops", 2.3522, 48.8566, "paris-#{userId}")}</pre>
   */
  public static RedisCommand geoadd(String key, double longitude, double latitude, String member) {
    return COMMANDS.geoadd(key, longitude, latitude, member);
  }

  /** GEOADD with key and member from the session. */
  public static RedisCommand geoadd(
      Function<Session, String> key,
      double longitude,
      double latitude,
      Function<Session, String> member) {
    return COMMANDS.geoadd(key, longitude, latitude, member);
  }

  /**
   * GEOSEARCH: the members within {@code radiusMeters} of a longitude and latitude.
   *
   * <pre>{@code redis("GEOSEARCH").geosearch("shops", 2.35, 48.85, 5000)}</pre>
   */
  public static RedisCommand geosearch(
      String key, double longitude, double latitude, double radiusMeters) {
    return COMMANDS.geosearch(key, longitude, latitude, radiusMeters);
  }

  /** GEOSEARCH with the key from the session. */
  public static RedisCommand geosearch(
      Function<Session, String> key, double longitude, double latitude, double radiusMeters) {
    return COMMANDS.geosearch(key, longitude, latitude, radiusMeters);
  }

  /**
   * Any Redis command by name with its arguments (EL strings), for commands without a method here.
   * The request is named by the command unless named otherwise.
   *
   * <pre>{@code redis("CLIENT LIST").command("CLIENT", "LIST")}</pre>
   */
  public static RedisCommand command(String commandName, String... arguments) {
    return COMMANDS.command(commandName, arguments);
  }

  /**
   * Any Redis command by name, its arguments computed from the session.
   *
   * <pre>{@code command("HINCRBY", List.of(s -> "user:" + s.userId(), s -> "visits", s -> "1"))}
   * </pre>
   */
  public static RedisCommand command(
      String commandName, List<Function<Session, String>> arguments) {
    return COMMANDS.command(commandName, arguments);
  }

  /**
   * SET: stores a string value, with options {@link RedisDsl#ex}, {@link RedisDsl#px}, {@link
   * RedisDsl#nx}, {@link RedisDsl#xx}, {@link RedisDsl#keepTtl}.
   *
   * <pre>{@code redis("SET").set("user:#{id}", "v-#{id}", ex(3600))}</pre>
   */
  public static RedisCommand set(String key, String value, SetOption... options) {
    return COMMANDS.set(key, value, options);
  }

  /**
   * SET: stores a string value computed from the session.
   *
   * <pre>{@code set(s -> "user:" + s.userId(), s -> "v-" + s.userId())}</pre>
   */
  public static RedisCommand set(
      Function<Session, String> key, Function<Session, String> value, SetOption... options) {
    return COMMANDS.set(key, value, options);
  }

  /**
   * MSET: sets several keys at once, given as key, value, key, value, ...
   *
   * <pre>{@code redis("MSET").mset("a:#{id}", "1", "b:#{id}", "2")}</pre>
   */
  public static RedisCommand mset(String... keysAndValues) {
    return COMMANDS.mset(keysAndValues);
  }

  /**
   * GET: the value of a string key.
   *
   * <pre>{@code redis("GET").get("user:#{id}")}</pre>
   */
  public static RedisCommand get(String key) {
    return COMMANDS.get(key);
  }

  /**
   * GET: the value of a string key.
   *
   * <pre>{@code get(s -> "user:" + s.userId())}</pre>
   */
  public static RedisCommand get(Function<Session, String> key) {
    return COMMANDS.get(key);
  }

  /**
   * DEL: deletes keys; replies the number removed.
   *
   * <pre>{@code redis("DEL").del("tmp:#{id}")}</pre>
   */
  public static RedisCommand del(String... keys) {
    return COMMANDS.del(keys);
  }

  /**
   * DEL: deletes keys; replies the number removed.
   *
   * <pre>{@code del(s -> "tmp:" + s.userId())}</pre>
   */
  @SafeVarargs
  public static RedisCommand del(Function<Session, String>... keys) {
    return COMMANDS.del(keys);
  }

  /**
   * EXISTS: whether a key exists (1 or 0).
   *
   * <pre>{@code redis("EXISTS").exists("user:#{id}")}</pre>
   */
  public static RedisCommand exists(String key) {
    return COMMANDS.exists(key);
  }

  /**
   * EXISTS: whether a key exists (1 or 0).
   *
   * <pre>{@code exists(s -> "user:" + s.userId())}</pre>
   */
  public static RedisCommand exists(Function<Session, String> key) {
    return COMMANDS.exists(key);
  }

  /**
   * EXPIRE: sets a key's time to live in seconds.
   *
   * <pre>{@code redis("EXPIRE").expire("session:#{id}", 60)}</pre>
   */
  public static RedisCommand expire(String key, long seconds) {
    return COMMANDS.expire(key, seconds);
  }

  /**
   * EXPIRE: sets a key's time to live in seconds.
   *
   * <pre>{@code expire(s -> "session:" + s.userId(), 60)}</pre>
   */
  public static RedisCommand expire(Function<Session, String> key, long seconds) {
    return COMMANDS.expire(key, seconds);
  }

  /**
   * TTL: a key's remaining time to live in seconds.
   *
   * <pre>{@code redis("TTL").ttl("session:#{id}")}</pre>
   */
  public static RedisCommand ttl(String key) {
    return COMMANDS.ttl(key);
  }

  /**
   * TTL: a key's remaining time to live in seconds.
   *
   * <pre>{@code ttl(s -> "session:" + s.userId())}</pre>
   */
  public static RedisCommand ttl(Function<Session, String> key) {
    return COMMANDS.ttl(key);
  }

  /**
   * INCR: increments an integer by one; replies the new value.
   *
   * <pre>{@code redis("INCR").incr("hits")}</pre>
   */
  public static RedisCommand incr(String key) {
    return COMMANDS.incr(key);
  }

  /**
   * INCR: increments an integer by one; replies the new value.
   *
   * <pre>{@code incr(s -> "hits")}</pre>
   */
  public static RedisCommand incr(Function<Session, String> key) {
    return COMMANDS.incr(key);
  }

  /**
   * INCRBY: increments an integer; replies the new value.
   *
   * <pre>{@code redis("INCRBY").incrBy("hits", 10)}</pre>
   */
  public static RedisCommand incrBy(String key, long increment) {
    return COMMANDS.incrBy(key, increment);
  }

  /**
   * INCRBY: increments an integer; replies the new value.
   *
   * <pre>{@code incrBy(s -> "hits", 10)}</pre>
   */
  public static RedisCommand incrBy(Function<Session, String> key, long increment) {
    return COMMANDS.incrBy(key, increment);
  }

  /**
   * DECR: decrements an integer by one; replies the new value.
   *
   * <pre>{@code redis("DECR").decr("stock")}</pre>
   */
  public static RedisCommand decr(String key) {
    return COMMANDS.decr(key);
  }

  /**
   * DECR: decrements an integer by one; replies the new value.
   *
   * <pre>{@code decr(s -> "stock")}</pre>
   */
  public static RedisCommand decr(Function<Session, String> key) {
    return COMMANDS.decr(key);
  }

  /**
   * DECRBY: decrements an integer; replies the new value.
   *
   * <pre>{@code redis("DECRBY").decrBy("stock", 5)}</pre>
   */
  public static RedisCommand decrBy(String key, long decrement) {
    return COMMANDS.decrBy(key, decrement);
  }

  /**
   * DECRBY: decrements an integer; replies the new value.
   *
   * <pre>{@code decrBy(s -> "stock", 5)}</pre>
   */
  public static RedisCommand decrBy(Function<Session, String> key, long decrement) {
    return COMMANDS.decrBy(key, decrement);
  }

  /**
   * APPEND: appends to a string; replies the new length.
   *
   * <pre>{@code redis("APPEND").append("log:#{id}", "x")}</pre>
   */
  public static RedisCommand append(String key, String value) {
    return COMMANDS.append(key, value);
  }

  /**
   * APPEND: appends to a string; replies the new length.
   *
   * <pre>{@code append(s -> "log:" + s.userId(), s -> "x")}</pre>
   */
  public static RedisCommand append(
      Function<Session, String> key, Function<Session, String> value) {
    return COMMANDS.append(key, value);
  }

  /**
   * STRLEN: the length of a string value.
   *
   * <pre>{@code redis("STRLEN").strlen("user:#{id}")}</pre>
   */
  public static RedisCommand strlen(String key) {
    return COMMANDS.strlen(key);
  }

  /**
   * STRLEN: the length of a string value.
   *
   * <pre>{@code strlen(s -> "user:" + s.userId())}</pre>
   */
  public static RedisCommand strlen(Function<Session, String> key) {
    return COMMANDS.strlen(key);
  }

  /**
   * MGET: the values of several keys.
   *
   * <pre>{@code redis("MGET").mget("a", "b", "c")}</pre>
   */
  public static RedisCommand mget(String... keys) {
    return COMMANDS.mget(keys);
  }

  /**
   * MGET: the values of several keys.
   *
   * <pre>{@code mget(s -> "a", s -> "b", s -> "c")}</pre>
   */
  @SafeVarargs
  public static RedisCommand mget(Function<Session, String>... keys) {
    return COMMANDS.mget(keys);
  }

  /**
   * LPUSH: pushes values at the head of a list; replies the new length.
   *
   * <pre>{@code redis("LPUSH").lpush("queue", "#{job}")}</pre>
   */
  public static RedisCommand lpush(String key, String... values) {
    return COMMANDS.lpush(key, values);
  }

  /**
   * LPUSH: pushes values at the head of a list; replies the new length.
   *
   * <pre>{@code lpush(s -> "queue", s -> s.getString("job"))}</pre>
   */
  @SafeVarargs
  public static RedisCommand lpush(
      Function<Session, String> key, Function<Session, String>... values) {
    return COMMANDS.lpush(key, values);
  }

  /**
   * RPUSH: pushes values at the tail of a list; replies the new length.
   *
   * <pre>{@code redis("RPUSH").rpush("queue", "#{job}")}</pre>
   */
  public static RedisCommand rpush(String key, String... values) {
    return COMMANDS.rpush(key, values);
  }

  /**
   * RPUSH: pushes values at the tail of a list; replies the new length.
   *
   * <pre>{@code rpush(s -> "queue", s -> s.getString("job"))}</pre>
   */
  @SafeVarargs
  public static RedisCommand rpush(
      Function<Session, String> key, Function<Session, String>... values) {
    return COMMANDS.rpush(key, values);
  }

  /**
   * LPOP: removes and returns the head of a list.
   *
   * <pre>{@code redis("LPOP").lpop("queue")}</pre>
   */
  public static RedisCommand lpop(String key) {
    return COMMANDS.lpop(key);
  }

  /**
   * LPOP: removes and returns the head of a list.
   *
   * <pre>{@code lpop(s -> "queue")}</pre>
   */
  public static RedisCommand lpop(Function<Session, String> key) {
    return COMMANDS.lpop(key);
  }

  /**
   * RPOP: removes and returns the tail of a list.
   *
   * <pre>{@code redis("RPOP").rpop("queue")}</pre>
   */
  public static RedisCommand rpop(String key) {
    return COMMANDS.rpop(key);
  }

  /**
   * RPOP: removes and returns the tail of a list.
   *
   * <pre>{@code rpop(s -> "queue")}</pre>
   */
  public static RedisCommand rpop(Function<Session, String> key) {
    return COMMANDS.rpop(key);
  }

  /**
   * LRANGE: a range of a list (0 -1 is all of it).
   *
   * <pre>{@code redis("LRANGE").lrange("queue", 0, 9)}</pre>
   */
  public static RedisCommand lrange(String key, long start, long stop) {
    return COMMANDS.lrange(key, start, stop);
  }

  /**
   * LRANGE: a range of a list (0 -1 is all of it).
   *
   * <pre>{@code lrange(s -> "queue", 0, 9)}</pre>
   */
  public static RedisCommand lrange(Function<Session, String> key, long start, long stop) {
    return COMMANDS.lrange(key, start, stop);
  }

  /**
   * LLEN: the length of a list.
   *
   * <pre>{@code redis("LLEN").llen("queue")}</pre>
   */
  public static RedisCommand llen(String key) {
    return COMMANDS.llen(key);
  }

  /**
   * LLEN: the length of a list.
   *
   * <pre>{@code llen(s -> "queue")}</pre>
   */
  public static RedisCommand llen(Function<Session, String> key) {
    return COMMANDS.llen(key);
  }

  /**
   * LTRIM: trims a list to a range.
   *
   * <pre>{@code redis("LTRIM").ltrim("queue", 0, 99)}</pre>
   */
  public static RedisCommand ltrim(String key, long start, long stop) {
    return COMMANDS.ltrim(key, start, stop);
  }

  /**
   * LTRIM: trims a list to a range.
   *
   * <pre>{@code ltrim(s -> "queue", 0, 99)}</pre>
   */
  public static RedisCommand ltrim(Function<Session, String> key, long start, long stop) {
    return COMMANDS.ltrim(key, start, stop);
  }

  /**
   * HSET: sets a hash field; replies 1 if the field is new.
   *
   * <pre>{@code redis("HSET").hset("user:#{id}", "name", "#{name}")}</pre>
   */
  public static RedisCommand hset(String key, String field, String value) {
    return COMMANDS.hset(key, field, value);
  }

  /**
   * HSET: sets a hash field; replies 1 if the field is new.
   *
   * <pre>{@code hset(s -> "user:" + s.userId(), s -> "name", s -> s.getString("name"))}</pre>
   */
  public static RedisCommand hset(
      Function<Session, String> key,
      Function<Session, String> field,
      Function<Session, String> value) {
    return COMMANDS.hset(key, field, value);
  }

  /**
   * HGET: the value of a hash field.
   *
   * <pre>{@code redis("HGET").hget("user:#{id}", "name")}</pre>
   */
  public static RedisCommand hget(String key, String field) {
    return COMMANDS.hget(key, field);
  }

  /**
   * HGET: the value of a hash field.
   *
   * <pre>{@code hget(s -> "user:" + s.userId(), s -> "name")}</pre>
   */
  public static RedisCommand hget(Function<Session, String> key, Function<Session, String> field) {
    return COMMANDS.hget(key, field);
  }

  /**
   * HGETALL: every field and value of a hash.
   *
   * <pre>{@code redis("HGETALL").hgetAll("user:#{id}")}</pre>
   */
  public static RedisCommand hgetAll(String key) {
    return COMMANDS.hgetAll(key);
  }

  /**
   * HGETALL: every field and value of a hash.
   *
   * <pre>{@code hgetAll(s -> "user:" + s.userId())}</pre>
   */
  public static RedisCommand hgetAll(Function<Session, String> key) {
    return COMMANDS.hgetAll(key);
  }

  /**
   * HDEL: deletes hash fields; replies the number removed.
   *
   * <pre>{@code redis("HDEL").hdel("user:#{id}", "name")}</pre>
   */
  public static RedisCommand hdel(String key, String... fields) {
    return COMMANDS.hdel(key, fields);
  }

  /**
   * HDEL: deletes hash fields; replies the number removed.
   *
   * <pre>{@code hdel(s -> "user:" + s.userId(), s -> "name")}</pre>
   */
  @SafeVarargs
  public static RedisCommand hdel(
      Function<Session, String> key, Function<Session, String>... fields) {
    return COMMANDS.hdel(key, fields);
  }

  /**
   * HLEN: the number of fields in a hash.
   *
   * <pre>{@code redis("HLEN").hlen("user:#{id}")}</pre>
   */
  public static RedisCommand hlen(String key) {
    return COMMANDS.hlen(key);
  }

  /**
   * HLEN: the number of fields in a hash.
   *
   * <pre>{@code hlen(s -> "user:" + s.userId())}</pre>
   */
  public static RedisCommand hlen(Function<Session, String> key) {
    return COMMANDS.hlen(key);
  }

  /**
   * SADD: adds set members; replies the number added.
   *
   * <pre>{@code redis("SADD").sadd("online", "#{id}")}</pre>
   */
  public static RedisCommand sadd(String key, String... members) {
    return COMMANDS.sadd(key, members);
  }

  /**
   * SADD: adds set members; replies the number added.
   *
   * <pre>{@code sadd(s -> "online", s -> "" + s.userId())}</pre>
   */
  @SafeVarargs
  public static RedisCommand sadd(
      Function<Session, String> key, Function<Session, String>... members) {
    return COMMANDS.sadd(key, members);
  }

  /**
   * SREM: removes set members; replies the number removed.
   *
   * <pre>{@code redis("SREM").srem("online", "#{id}")}</pre>
   */
  public static RedisCommand srem(String key, String... members) {
    return COMMANDS.srem(key, members);
  }

  /**
   * SREM: removes set members; replies the number removed.
   *
   * <pre>{@code srem(s -> "online", s -> "" + s.userId())}</pre>
   */
  @SafeVarargs
  public static RedisCommand srem(
      Function<Session, String> key, Function<Session, String>... members) {
    return COMMANDS.srem(key, members);
  }

  /**
   * SMEMBERS: every member of a set.
   *
   * <pre>{@code redis("SMEMBERS").smembers("online")}</pre>
   */
  public static RedisCommand smembers(String key) {
    return COMMANDS.smembers(key);
  }

  /**
   * SMEMBERS: every member of a set.
   *
   * <pre>{@code smembers(s -> "online")}</pre>
   */
  public static RedisCommand smembers(Function<Session, String> key) {
    return COMMANDS.smembers(key);
  }

  /**
   * SCARD: the number of members of a set.
   *
   * <pre>{@code redis("SCARD").scard("online")}</pre>
   */
  public static RedisCommand scard(String key) {
    return COMMANDS.scard(key);
  }

  /**
   * SCARD: the number of members of a set.
   *
   * <pre>{@code scard(s -> "online")}</pre>
   */
  public static RedisCommand scard(Function<Session, String> key) {
    return COMMANDS.scard(key);
  }

  /**
   * ZADD: adds a member with a score to a sorted set.
   *
   * <pre>{@code redis("ZADD").zadd("board", 42.0, "#{id}")}</pre>
   */
  public static RedisCommand zadd(String key, double score, String member) {
    return COMMANDS.zadd(key, score, member);
  }

  /**
   * ZADD: adds a member with a score to a sorted set.
   *
   * <pre>{@code zadd(s -> "board", 42.0, s -> "" + s.userId())}</pre>
   */
  public static RedisCommand zadd(
      Function<Session, String> key, double score, Function<Session, String> member) {
    return COMMANDS.zadd(key, score, member);
  }

  /**
   * ZREM: removes sorted-set members; replies the number removed.
   *
   * <pre>{@code redis("ZREM").zrem("board", "#{id}")}</pre>
   */
  public static RedisCommand zrem(String key, String... members) {
    return COMMANDS.zrem(key, members);
  }

  /**
   * ZREM: removes sorted-set members; replies the number removed.
   *
   * <pre>{@code zrem(s -> "board", s -> "" + s.userId())}</pre>
   */
  @SafeVarargs
  public static RedisCommand zrem(
      Function<Session, String> key, Function<Session, String>... members) {
    return COMMANDS.zrem(key, members);
  }

  /**
   * ZRANGE: a range of a sorted set by rank.
   *
   * <pre>{@code redis("ZRANGE").zrange("board", 0, 9)}</pre>
   */
  public static RedisCommand zrange(String key, long start, long stop) {
    return COMMANDS.zrange(key, start, stop);
  }

  /**
   * ZRANGE: a range of a sorted set by rank.
   *
   * <pre>{@code zrange(s -> "board", 0, 9)}</pre>
   */
  public static RedisCommand zrange(Function<Session, String> key, long start, long stop) {
    return COMMANDS.zrange(key, start, stop);
  }

  /**
   * ZCARD: the number of members of a sorted set.
   *
   * <pre>{@code redis("ZCARD").zcard("board")}</pre>
   */
  public static RedisCommand zcard(String key) {
    return COMMANDS.zcard(key);
  }

  /**
   * ZCARD: the number of members of a sorted set.
   *
   * <pre>{@code zcard(s -> "board")}</pre>
   */
  public static RedisCommand zcard(Function<Session, String> key) {
    return COMMANDS.zcard(key);
  }

  /**
   * ZSCORE: the score of a sorted-set member.
   *
   * <pre>{@code redis("ZSCORE").zscore("board", "#{id}")}</pre>
   */
  public static RedisCommand zscore(String key, String member) {
    return COMMANDS.zscore(key, member);
  }

  /**
   * ZSCORE: the score of a sorted-set member.
   *
   * <pre>{@code zscore(s -> "board", s -> "" + s.userId())}</pre>
   */
  public static RedisCommand zscore(
      Function<Session, String> key, Function<Session, String> member) {
    return COMMANDS.zscore(key, member);
  }

  /**
   * PUBLISH: publishes a message on a channel; replies the number of subscribers that got it.
   *
   * <pre>{@code redis("PUBLISH").publish("news", "hello #{id}")}</pre>
   */
  public static RedisCommand publish(String channel, String message) {
    return COMMANDS.publish(channel, message);
  }

  /**
   * PUBLISH: publishes a message on a channel; replies the number of subscribers that got it.
   *
   * <pre>{@code publish(s -> "news", s -> "hello " + s.userId())}</pre>
   */
  public static RedisCommand publish(
      Function<Session, String> channel, Function<Session, String> message) {
    return COMMANDS.publish(channel, message);
  }

  // ---- end of generated commands ----

  /** SET option EX: expire after {@code seconds}: {@code set("k", "v", ex(60))}. */
  public static SetOption ex(long seconds) {
    return new SetOption("EX", Long.toString(positive(seconds, "EX seconds")));
  }

  /** SET option PX: expire after {@code millis}: {@code set("k", "v", px(500))}. */
  public static SetOption px(long millis) {
    return new SetOption("PX", Long.toString(positive(millis, "PX milliseconds")));
  }

  /**
   * SET option NX: only set a key that does not exist: {@code set("lock", "#{id}", nx(), px(500))}.
   */
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
   * {@code exists}, {@code notExists}, {@code in}, {@code lt}/{@code gt}, {@code transform}, {@code
   * validate}, {@code optional}, {@code saveAs}, ... with Gatling's meaning; a nil reply is "found
   * nothing". See {@link ReplyCheckBuilder} for the reply's types and typed views, and {@link
   * ReplyCheckBuilder#isNilOr(String)} for data verification.
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
