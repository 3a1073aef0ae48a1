package dev.redline.javaapi;

import dev.redline.action.BatchKind;
import dev.redline.command.CommandSpec;
import dev.redline.command.SessionValues;
import io.gatling.javaapi.core.Session;
import java.util.List;
import java.util.Objects;
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

  /** Any command by name with EL arguments: {@code command("CLIENT", "LIST")}. */
  public static RedisCommand command(String commandName, String... arguments) {
    return COMMANDS.command(commandName, arguments);
  }

  /** Any command by name with arguments from the session: {@code command("HINCRBY", List.of(s -> "h", s -> "f", s -> "1"))}. */
  public static RedisCommand command(String commandName, List<Function<Session, String>> arguments) {
    return COMMANDS.command(commandName, arguments);
  }

  /** SET with options: {@code set("user:#{id}", "v-#{id}", ex(60), nx())}. */
  public static RedisCommand set(String key, String value, SetOption... options) {
    return COMMANDS.set(key, value, options);
  }

  /** SET with key and value from the session: {@code set(s -> "user:" + s.userId(), s -> "v")}. */
  public static RedisCommand set(Function<Session, String> key, Function<Session, String> value, SetOption... options) {
    return COMMANDS.set(key, value, options);
  }

  /** MSET of key, value pairs: {@code mset("a", "1", "b", "2")}. */
  public static RedisCommand mset(String... keysAndValues) {
    return COMMANDS.mset(keysAndValues);
  }

  /** GET as a pipeline or transaction element, or a request named GET: {@code get("user:#{id}")}. */
  public static RedisCommand get(String key) {
    return COMMANDS.get(key);
  }

  /** GET as a pipeline or transaction element, or a request named GET: {@code get(s -> "user:" + s.userId())}. */
  public static RedisCommand get(Function<Session, String> key) {
    return COMMANDS.get(key);
  }

  /** DEL as a pipeline or transaction element, or a request named DEL: {@code del("tmp:#{id}")}. */
  public static RedisCommand del(String... keys) {
    return COMMANDS.del(keys);
  }

  /** DEL as a pipeline or transaction element, or a request named DEL: {@code del(s -> "tmp:" + s.userId())}. */
  public static RedisCommand del(Function<Session, String> key) {
    return COMMANDS.del(key);
  }

  /** EXISTS as a pipeline or transaction element, or a request named EXISTS: {@code exists("user:#{id}")}. */
  public static RedisCommand exists(String key) {
    return COMMANDS.exists(key);
  }

  /** EXISTS as a pipeline or transaction element, or a request named EXISTS: {@code exists(s -> "user:" + s.userId())}. */
  public static RedisCommand exists(Function<Session, String> key) {
    return COMMANDS.exists(key);
  }

  /** EXPIRE as a pipeline or transaction element, or a request named EXPIRE: {@code expire("session:#{id}", 60)}. */
  public static RedisCommand expire(String key, long seconds) {
    return COMMANDS.expire(key, seconds);
  }

  /** EXPIRE as a pipeline or transaction element, or a request named EXPIRE: {@code expire(s -> "session:" + s.userId(), 60)}. */
  public static RedisCommand expire(Function<Session, String> key, long seconds) {
    return COMMANDS.expire(key, seconds);
  }

  /** TTL as a pipeline or transaction element, or a request named TTL: {@code ttl("session:#{id}")}. */
  public static RedisCommand ttl(String key) {
    return COMMANDS.ttl(key);
  }

  /** TTL as a pipeline or transaction element, or a request named TTL: {@code ttl(s -> "session:" + s.userId())}. */
  public static RedisCommand ttl(Function<Session, String> key) {
    return COMMANDS.ttl(key);
  }

  /** INCR as a pipeline or transaction element, or a request named INCR: {@code incr("hits")}. */
  public static RedisCommand incr(String key) {
    return COMMANDS.incr(key);
  }

  /** INCR as a pipeline or transaction element, or a request named INCR: {@code incr(s -> "hits")}. */
  public static RedisCommand incr(Function<Session, String> key) {
    return COMMANDS.incr(key);
  }

  /** INCRBY as a pipeline or transaction element, or a request named INCRBY: {@code incrBy("hits", 10)}. */
  public static RedisCommand incrBy(String key, long increment) {
    return COMMANDS.incrBy(key, increment);
  }

  /** INCRBY as a pipeline or transaction element, or a request named INCRBY: {@code incrBy(s -> "hits", 10)}. */
  public static RedisCommand incrBy(Function<Session, String> key, long increment) {
    return COMMANDS.incrBy(key, increment);
  }

  /** DECR as a pipeline or transaction element, or a request named DECR: {@code decr("stock")}. */
  public static RedisCommand decr(String key) {
    return COMMANDS.decr(key);
  }

  /** DECR as a pipeline or transaction element, or a request named DECR: {@code decr(s -> "stock")}. */
  public static RedisCommand decr(Function<Session, String> key) {
    return COMMANDS.decr(key);
  }

  /** DECRBY as a pipeline or transaction element, or a request named DECRBY: {@code decrBy("stock", 5)}. */
  public static RedisCommand decrBy(String key, long decrement) {
    return COMMANDS.decrBy(key, decrement);
  }

  /** DECRBY as a pipeline or transaction element, or a request named DECRBY: {@code decrBy(s -> "stock", 5)}. */
  public static RedisCommand decrBy(Function<Session, String> key, long decrement) {
    return COMMANDS.decrBy(key, decrement);
  }

  /** APPEND as a pipeline or transaction element, or a request named APPEND: {@code append("log:#{id}", "x")}. */
  public static RedisCommand append(String key, String value) {
    return COMMANDS.append(key, value);
  }

  /** APPEND as a pipeline or transaction element, or a request named APPEND: {@code append(s -> "log:" + s.userId(), s -> "x")}. */
  public static RedisCommand append(Function<Session, String> key, Function<Session, String> value) {
    return COMMANDS.append(key, value);
  }

  /** STRLEN as a pipeline or transaction element, or a request named STRLEN: {@code strlen("user:#{id}")}. */
  public static RedisCommand strlen(String key) {
    return COMMANDS.strlen(key);
  }

  /** STRLEN as a pipeline or transaction element, or a request named STRLEN: {@code strlen(s -> "user:" + s.userId())}. */
  public static RedisCommand strlen(Function<Session, String> key) {
    return COMMANDS.strlen(key);
  }

  /** MGET as a pipeline or transaction element, or a request named MGET: {@code mget("a", "b", "c")}. */
  public static RedisCommand mget(String... keys) {
    return COMMANDS.mget(keys);
  }

  /** MGET as a pipeline or transaction element, or a request named MGET: {@code mget(s -> "a", s -> "b", s -> "c")}. */
  public static RedisCommand mget(Function<Session, String> key) {
    return COMMANDS.mget(key);
  }

  /** LPUSH as a pipeline or transaction element, or a request named LPUSH: {@code lpush("queue", "#{job}")}. */
  public static RedisCommand lpush(String key, String... values) {
    return COMMANDS.lpush(key, values);
  }

  /** LPUSH as a pipeline or transaction element, or a request named LPUSH: {@code lpush(s -> "queue", s -> s.getString("job"))}. */
  public static RedisCommand lpush(Function<Session, String> key, Function<Session, String> value) {
    return COMMANDS.lpush(key, value);
  }

  /** RPUSH as a pipeline or transaction element, or a request named RPUSH: {@code rpush("queue", "#{job}")}. */
  public static RedisCommand rpush(String key, String... values) {
    return COMMANDS.rpush(key, values);
  }

  /** RPUSH as a pipeline or transaction element, or a request named RPUSH: {@code rpush(s -> "queue", s -> s.getString("job"))}. */
  public static RedisCommand rpush(Function<Session, String> key, Function<Session, String> value) {
    return COMMANDS.rpush(key, value);
  }

  /** LPOP as a pipeline or transaction element, or a request named LPOP: {@code lpop("queue")}. */
  public static RedisCommand lpop(String key) {
    return COMMANDS.lpop(key);
  }

  /** LPOP as a pipeline or transaction element, or a request named LPOP: {@code lpop(s -> "queue")}. */
  public static RedisCommand lpop(Function<Session, String> key) {
    return COMMANDS.lpop(key);
  }

  /** RPOP as a pipeline or transaction element, or a request named RPOP: {@code rpop("queue")}. */
  public static RedisCommand rpop(String key) {
    return COMMANDS.rpop(key);
  }

  /** RPOP as a pipeline or transaction element, or a request named RPOP: {@code rpop(s -> "queue")}. */
  public static RedisCommand rpop(Function<Session, String> key) {
    return COMMANDS.rpop(key);
  }

  /** LRANGE as a pipeline or transaction element, or a request named LRANGE: {@code lrange("queue", 0, 9)}. */
  public static RedisCommand lrange(String key, long start, long stop) {
    return COMMANDS.lrange(key, start, stop);
  }

  /** LRANGE as a pipeline or transaction element, or a request named LRANGE: {@code lrange(s -> "queue", 0, 9)}. */
  public static RedisCommand lrange(Function<Session, String> key, long start, long stop) {
    return COMMANDS.lrange(key, start, stop);
  }

  /** LLEN as a pipeline or transaction element, or a request named LLEN: {@code llen("queue")}. */
  public static RedisCommand llen(String key) {
    return COMMANDS.llen(key);
  }

  /** LLEN as a pipeline or transaction element, or a request named LLEN: {@code llen(s -> "queue")}. */
  public static RedisCommand llen(Function<Session, String> key) {
    return COMMANDS.llen(key);
  }

  /** LTRIM as a pipeline or transaction element, or a request named LTRIM: {@code ltrim("queue", 0, 99)}. */
  public static RedisCommand ltrim(String key, long start, long stop) {
    return COMMANDS.ltrim(key, start, stop);
  }

  /** LTRIM as a pipeline or transaction element, or a request named LTRIM: {@code ltrim(s -> "queue", 0, 99)}. */
  public static RedisCommand ltrim(Function<Session, String> key, long start, long stop) {
    return COMMANDS.ltrim(key, start, stop);
  }

  /** HSET as a pipeline or transaction element, or a request named HSET: {@code hset("user:#{id}", "name", "#{name}")}. */
  public static RedisCommand hset(String key, String field, String value) {
    return COMMANDS.hset(key, field, value);
  }

  /** HSET as a pipeline or transaction element, or a request named HSET: {@code hset(s -> "user:" + s.userId(), s -> "name", s -> s.getString("name"))}. */
  public static RedisCommand hset(Function<Session, String> key, Function<Session, String> field, Function<Session, String> value) {
    return COMMANDS.hset(key, field, value);
  }

  /** HGET as a pipeline or transaction element, or a request named HGET: {@code hget("user:#{id}", "name")}. */
  public static RedisCommand hget(String key, String field) {
    return COMMANDS.hget(key, field);
  }

  /** HGET as a pipeline or transaction element, or a request named HGET: {@code hget(s -> "user:" + s.userId(), s -> "name")}. */
  public static RedisCommand hget(Function<Session, String> key, Function<Session, String> field) {
    return COMMANDS.hget(key, field);
  }

  /** HGETALL as a pipeline or transaction element, or a request named HGETALL: {@code hgetAll("user:#{id}")}. */
  public static RedisCommand hgetAll(String key) {
    return COMMANDS.hgetAll(key);
  }

  /** HGETALL as a pipeline or transaction element, or a request named HGETALL: {@code hgetAll(s -> "user:" + s.userId())}. */
  public static RedisCommand hgetAll(Function<Session, String> key) {
    return COMMANDS.hgetAll(key);
  }

  /** HDEL as a pipeline or transaction element, or a request named HDEL: {@code hdel("user:#{id}", "name")}. */
  public static RedisCommand hdel(String key, String... fields) {
    return COMMANDS.hdel(key, fields);
  }

  /** HDEL as a pipeline or transaction element, or a request named HDEL: {@code hdel(s -> "user:" + s.userId(), s -> "name")}. */
  public static RedisCommand hdel(Function<Session, String> key, Function<Session, String> field) {
    return COMMANDS.hdel(key, field);
  }

  /** HLEN as a pipeline or transaction element, or a request named HLEN: {@code hlen("user:#{id}")}. */
  public static RedisCommand hlen(String key) {
    return COMMANDS.hlen(key);
  }

  /** HLEN as a pipeline or transaction element, or a request named HLEN: {@code hlen(s -> "user:" + s.userId())}. */
  public static RedisCommand hlen(Function<Session, String> key) {
    return COMMANDS.hlen(key);
  }

  /** SADD as a pipeline or transaction element, or a request named SADD: {@code sadd("online", "#{id}")}. */
  public static RedisCommand sadd(String key, String... members) {
    return COMMANDS.sadd(key, members);
  }

  /** SADD as a pipeline or transaction element, or a request named SADD: {@code sadd(s -> "online", s -> "" + s.userId())}. */
  public static RedisCommand sadd(Function<Session, String> key, Function<Session, String> member) {
    return COMMANDS.sadd(key, member);
  }

  /** SREM as a pipeline or transaction element, or a request named SREM: {@code srem("online", "#{id}")}. */
  public static RedisCommand srem(String key, String... members) {
    return COMMANDS.srem(key, members);
  }

  /** SREM as a pipeline or transaction element, or a request named SREM: {@code srem(s -> "online", s -> "" + s.userId())}. */
  public static RedisCommand srem(Function<Session, String> key, Function<Session, String> member) {
    return COMMANDS.srem(key, member);
  }

  /** SMEMBERS as a pipeline or transaction element, or a request named SMEMBERS: {@code smembers("online")}. */
  public static RedisCommand smembers(String key) {
    return COMMANDS.smembers(key);
  }

  /** SMEMBERS as a pipeline or transaction element, or a request named SMEMBERS: {@code smembers(s -> "online")}. */
  public static RedisCommand smembers(Function<Session, String> key) {
    return COMMANDS.smembers(key);
  }

  /** SCARD as a pipeline or transaction element, or a request named SCARD: {@code scard("online")}. */
  public static RedisCommand scard(String key) {
    return COMMANDS.scard(key);
  }

  /** SCARD as a pipeline or transaction element, or a request named SCARD: {@code scard(s -> "online")}. */
  public static RedisCommand scard(Function<Session, String> key) {
    return COMMANDS.scard(key);
  }

  /** ZADD as a pipeline or transaction element, or a request named ZADD: {@code zadd("board", 42.0, "#{id}")}. */
  public static RedisCommand zadd(String key, double score, String member) {
    return COMMANDS.zadd(key, score, member);
  }

  /** ZADD as a pipeline or transaction element, or a request named ZADD: {@code zadd(s -> "board", 42.0, s -> "" + s.userId())}. */
  public static RedisCommand zadd(Function<Session, String> key, double score, Function<Session, String> member) {
    return COMMANDS.zadd(key, score, member);
  }

  /** ZREM as a pipeline or transaction element, or a request named ZREM: {@code zrem("board", "#{id}")}. */
  public static RedisCommand zrem(String key, String... members) {
    return COMMANDS.zrem(key, members);
  }

  /** ZREM as a pipeline or transaction element, or a request named ZREM: {@code zrem(s -> "board", s -> "" + s.userId())}. */
  public static RedisCommand zrem(Function<Session, String> key, Function<Session, String> member) {
    return COMMANDS.zrem(key, member);
  }

  /** ZRANGE as a pipeline or transaction element, or a request named ZRANGE: {@code zrange("board", 0, 9)}. */
  public static RedisCommand zrange(String key, long start, long stop) {
    return COMMANDS.zrange(key, start, stop);
  }

  /** ZRANGE as a pipeline or transaction element, or a request named ZRANGE: {@code zrange(s -> "board", 0, 9)}. */
  public static RedisCommand zrange(Function<Session, String> key, long start, long stop) {
    return COMMANDS.zrange(key, start, stop);
  }

  /** ZCARD as a pipeline or transaction element, or a request named ZCARD: {@code zcard("board")}. */
  public static RedisCommand zcard(String key) {
    return COMMANDS.zcard(key);
  }

  /** ZCARD as a pipeline or transaction element, or a request named ZCARD: {@code zcard(s -> "board")}. */
  public static RedisCommand zcard(Function<Session, String> key) {
    return COMMANDS.zcard(key);
  }

  /** ZSCORE as a pipeline or transaction element, or a request named ZSCORE: {@code zscore("board", "#{id}")}. */
  public static RedisCommand zscore(String key, String member) {
    return COMMANDS.zscore(key, member);
  }

  /** ZSCORE as a pipeline or transaction element, or a request named ZSCORE: {@code zscore(s -> "board", s -> "" + s.userId())}. */
  public static RedisCommand zscore(Function<Session, String> key, Function<Session, String> member) {
    return COMMANDS.zscore(key, member);
  }

  /** PUBLISH as a pipeline or transaction element, or a request named PUBLISH: {@code publish("news", "hello #{id}")}. */
  public static RedisCommand publish(String channel, String message) {
    return COMMANDS.publish(channel, message);
  }

  /** PUBLISH as a pipeline or transaction element, or a request named PUBLISH: {@code publish(s -> "news", s -> "hello " + s.userId())}. */
  public static RedisCommand publish(Function<Session, String> channel, Function<Session, String> message) {
    return COMMANDS.publish(channel, message);
  }

  // ---- SET options ----

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
