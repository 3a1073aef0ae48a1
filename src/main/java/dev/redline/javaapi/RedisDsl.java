package dev.redline.javaapi;

import dev.redline.action.BatchKind;
import dev.redline.config.MetricsConfig;
import dev.redline.config.MicrosAssertion;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Redline's entry points, to import statically beside Gatling's {@code CoreDsl}.
 *
 * <pre>{@code
 * import static io.gatling.javaapi.core.CoreDsl.*;
 * import static dev.redline.javaapi.RedisDsl.*;
 *
 * RedisProtocolBuilder redisProtocol = redis().url("redis://localhost:6379").clientInstances(2).threadsPerClient(3);
 * ScenarioBuilder scn = scenario("cache").during(Duration.ofSeconds(30)).on(
 *     exec(redis("SET").set("user:#{userId}", "v-#{userId}"))
 *     .exec(redis("GET").get("user:#{userId}").check(reply().isEL("v-#{userId}")))
 *     .exec(redis("BATCH").pipeline(cmd.incr("hits"), cmd.get("user:#{userId}"), cmd.del("tmp:#{userId}"))));
 * }</pre>
 *
 * <p>{@code redis("name")} starts a request reported under that name; {@link #cmd} makes commands
 * reported under their command name, for pipelines, transactions and requests of their own.
 */
public final class RedisDsl {
  private RedisDsl() {}

  /**
   * Commands reported under their command name (SET, GET, ...): the elements of pipelines and
   * transactions, or requests of their own. Every method of {@link RedisCommands}.
   *
   * <pre>{@code
   * exec(cmd.incr("hits"))                                  // reported as INCR
   * exec(pipeline(cmd.set("a:#{id}", "1"), cmd.get("a:#{id}").named("GET a")))
   * }</pre>
   */
  public static final RedisCommands cmd = CommandsByName.INSTANCE;

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
    return new RedisMetricsBuilder(MetricsConfig.Overrides.NONE);
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
   * <pre>{@code exec(pipeline(cmd.set("a:#{id}", "1"), cmd.get("a:#{id}"), cmd.incr("hits")))}
   * </pre>
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
   * <pre>{@code exec(transaction(cmd.incr("{acct}:n"), cmd.lpush("{acct}:log", "#{id}")))}</pre>
   *
   * @param commands the commands, applied atomically in order
   * @return a batch action
   */
  public static RedisBatch transaction(RedisCommand... commands) {
    return new RedisBatch("MULTI/EXEC", BatchKind.TRANSACTION, commands);
  }

  /** SET option EX: expire after {@code seconds}: {@code cmd.set("k", "v", ex(60))}. */
  public static SetOption ex(long seconds) {
    return new SetOption("EX", Long.toString(positive(seconds, "EX seconds")));
  }

  /** SET option PX: expire after {@code millis}: {@code cmd.set("k", "v", px(500))}. */
  public static SetOption px(long millis) {
    return new SetOption("PX", Long.toString(positive(millis, "PX milliseconds")));
  }

  /**
   * SET option NX: only set a key that does not exist: {@code cmd.set("lock", "#{id}", nx(),
   * px(500))}.
   */
  public static SetOption nx() {
    return new SetOption("NX");
  }

  /** SET option XX: only set a key that exists: {@code cmd.set("k", "v", xx())}. */
  public static SetOption xx() {
    return new SetOption("XX");
  }

  /** SET option KEEPTTL: keep the key's time to live: {@code cmd.set("k", "v", keepTtl())}. */
  public static SetOption keepTtl() {
    return new SetOption("KEEPTTL");
  }

  // ---- assertions ----

  /**
   * A replay of a file of {@code MONITOR} output ({@code redis-cli MONITOR > capture.txt}): each
   * command sent byte for byte under its own name, at the recorded pace (or faster, or as fast as
   * the users go), MULTI … EXEC as a transaction, the database selected as recorded; commands that
   * must never run against a shared server are left out and counted unless allowed.
   *
   * <pre>{@code
   * scenario("replay").exec(replay("capture.txt").speed(2).untilEnd()).injectOpen(atOnceUsers(8))
   * }</pre>
   *
   * @param captureFile the capture's path
   * @return the replay, to shape with speed, allow and keyPrefix
   */
  public static RedisReplay replay(String captureFile) {
    return new RedisReplay(
        RedisDslError.notNull(captureFile, "the capture's file"), 1, Set.of(), null);
  }

  /**
   * Microsecond assertions on Redline's histograms that fail the run as Gatling's own assertions do
   * (Gatling's exit code 2, BUILD FAILURE, both reports written): {@code <request name or *>
   * [ok|rt|wait] <stat> <op> <value><unit>}, with stat {@code mean}, {@code max}, {@code
   * p50}…{@code p99.99}, {@code ops_per_sec}, {@code failed_pct} or {@code failed_count}; or
   * against the baseline run, {@code GET p99 vs baseline < +20%}. Start the gate's population after
   * the load and add its assertions to Gatling's.
   *
   * <pre>{@code
   * RedisAssertions gates = redisAssertions("GET p99 < 500us", "* failed_pct < 0.1%");
   * setUp(scn.injectOpen(atOnceUsers(6)).andThen(gates.population()))
   *     .protocols(redisProtocol)
   *     .assertions(gates.assertions());
   * }</pre>
   *
   * @param assertions the assertions, each a string or several separated by {@code ;}
   * @return the gate and its Gatling assertions
   */
  public static RedisAssertions redisAssertions(String... assertions) {
    List<MicrosAssertion> all = new ArrayList<>();
    for (String list : assertions) {
      all.addAll(
          MicrosAssertion.parseAll(
              RedisDslError.notNull(list, "an assertion"), "redisAssertions(...)"));
    }
    if (all.isEmpty()) {
      throw new RedisDslError("redisAssertions needs at least one assertion");
    }
    return new RedisAssertions(all);
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
   * cmd.get("user:#{id}").check(reply().isEL("v-#{id}"))
   * cmd.incr("hits").check(reply().gt(0), reply().saveAs("hits"))
   * }</pre>
   *
   * @return a check builder on the reply
   */
  public static ReplyCheckBuilder reply() {
    return new ReplyCheckBuilder();
  }

  private static long positive(long value, String what) {
    if (value <= 0) {
      throw new RedisDslError(what + " must be positive, got " + value);
    }
    return value;
  }
}
