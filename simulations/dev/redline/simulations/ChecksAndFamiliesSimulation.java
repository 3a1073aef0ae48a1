package dev.redline.simulations;

import static dev.redline.javaapi.RedisDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;

import dev.redline.workload.RunSettings;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.List;

/**
 * Gatling's check verbs on Redis replies, and the stream, script, blocking, counting and geo
 * commands, as requests and inside pipelines and transactions. Needs Redis 7 (FCALL):
 *
 * <pre>
 * mvn gatling:test -Dgatling.simulationClass=dev.redline.simulations.ChecksAndFamiliesSimulation -Dredline.url=redis://localhost:6379
 * </pre>
 */
public class ChecksAndFamiliesSimulation extends Simulation {
  private final RunSettings settings = RunSettings.load();
  private static final String LIBRARY =
      "#!lua name=redline\n"
          + "redis.register_function('bump', function(keys, args) return redis.call('INCRBY', keys[1], args[1]) end)";
  private static final String INCR_SCRIPT = "return redis.call('INCRBY', KEYS[1], ARGV[1])";

  private final Duration duration = settings.duration();

  // once per user: the function library, a script's digest, the user's stream and its consumer
  // group
  private final ChainBuilder setUpUser =
      exec(redis("FUNCTION LOAD")
              .command("FUNCTION", "LOAD", "REPLACE", LIBRARY)
              .check(reply().is("redline")))
          .exec(
              redis("SCRIPT LOAD")
                  .command("SCRIPT", "LOAD", INCR_SCRIPT)
                  .check(reply().saveAs("incrSha")))
          .exec(redis("DEL stream").del("events:#{userId}"))
          .exec(
              redis("XGROUP CREATE")
                  .xgroupCreate("events:#{userId}", "workers", "$")
                  .check(reply().is("OK")));

  private final ChainBuilder checks =
      exec(redis("SET").set("user:#{userId}", "v-#{userId}"))
          .exec(
              redis("GET")
                  .get("user:#{userId}")
                  .check(
                      reply().isEL("v-#{userId}"),
                      reply().is(s -> "v-" + s.userId()),
                      reply().not("v-nobody"),
                      reply().notNull(),
                      reply().exists(),
                      reply().in(s -> List.of("v-" + s.userId(), "v-other")),
                      reply().isNilOr("v-#{userId}"),
                      reply()
                          .validate(
                              "starts with v-",
                              (r, s) -> {
                                if (!String.valueOf(r).startsWith("v-")) {
                                  throw new IllegalStateException("not a v- value: " + r);
                                }
                                return r;
                              }),
                      reply().saveAs("value")))
          .exec(
              redis("GET missing")
                  .get("missing:#{userId}")
                  .check(
                      reply().notExists(),
                      reply().optional().saveAs("maybe"),
                      reply().isNilOr("anything")))
          .exec(
              redis("INCR")
                  .incr("n:#{userId}")
                  .check(
                      reply().gt(0),
                      reply().gte(1),
                      reply().lt(1_000_000_000),
                      reply().saveAs("n")))
          .exec(
              redis("HGETALL")
                  .hgetAll("user:h:#{userId}")
                  .check(reply().ofMap().transform(m -> m.size()).gte(0)));

  private final ChainBuilder families =
      exec(redis("XADD")
              .xadd("events:#{userId}", "user", "#{userId}", "n", "#{n}")
              .check(reply().ofString().transform(id -> id.contains("-")).is(true)))
          .exec(redis("XLEN").xlen("events:#{userId}").check(reply().gte(1)))
          .exec(
              redis("XRANGE")
                  .xrange("events:#{userId}", "-", "+")
                  .check(reply().transform(r -> ((List<?>) r).size()).gte(1)))
          .exec(redis("XREAD").xread("events:#{userId}", "0").check(reply().exists()))
          .exec(
              redis("XREADGROUP")
                  .xreadGroup("workers", "c-#{userId}", "events:#{userId}", ">")
                  .check(reply().transform(r -> firstEntryId(r)).saveAs("entryId")))
          .exec(
              redis("XACK").xack("events:#{userId}", "workers", "#{entryId}").check(reply().is(1L)))
          .exec(
              redis("EVAL")
                  .eval(INCR_SCRIPT, List.of("e:#{userId}"), List.of("5"))
                  .check(reply().ofLong().gte(5L)))
          .exec(
              redis("EVALSHA")
                  .evalSha("#{incrSha}", List.of("e:#{userId}"), List.of("1"))
                  .check(reply().gt(5)))
          .exec(
              redis("FCALL")
                  .fcall("bump", List.of("f:#{userId}"), List.of("2"))
                  .check(reply().gte(2)))
          .exec(redis("RPUSH").rpush("jobs:#{userId}", "job"))
          .exec(
              redis("BLPOP")
                  .blpop(Duration.ofSeconds(1), "jobs:#{userId}")
                  .check(reply().ofList().transform(l -> l.get(1)).is("job")))
          .exec(
              redis("BRPOP empty")
                  .brpop(Duration.ofMillis(50), "empty:#{userId}")
                  .check(reply().notExists()))
          .exec(redis("ZADD").zadd("q:#{userId}", 1, "a"))
          .exec(
              redis("BZPOPMIN")
                  .bzpopmin(Duration.ofSeconds(1), "q:#{userId}")
                  .check(reply().ofList().transform(l -> l.get(1)).is("a")))
          .exec(redis("HINCRBY").hincrBy("h:#{userId}", "visits", 1).check(reply().gte(1)))
          .exec(
              redis("ZINCRBY")
                  .zincrBy("board", 10, "p:#{userId}")
                  .check(reply().ofDouble().gte(10.0)))
          .exec(
              redis("ZRANGEBYSCORE")
                  .zrangeByScore("board", "10", "+inf")
                  .check(reply().transform(r -> ((List<?>) r).size()).gte(1)))
          .exec(
              redis("SETEX").setex("session:#{userId}", 60, "t-#{userId}").check(reply().is("OK")))
          .exec(redis("GETDEL").getdel("session:#{userId}").check(reply().isEL("t-#{userId}")))
          .exec(redis("PFADD").pfadd("visitors", "#{userId}"))
          .exec(redis("PFCOUNT").pfcount("visitors").check(reply().gte(1)))
          .exec(redis("SETBIT").setbit("online", 7, true))
          .exec(redis("BITCOUNT").bitcount("online").check(reply().gte(1)))
          .exec(redis("GEOADD").geoadd("shops", 2.3522, 48.8566, "shop-#{userId}"))
          .exec(
              redis("GEOSEARCH")
                  .geosearch("shops", 2.35, 48.85, 5000)
                  .check(reply().transform(r -> ((List<?>) r).size()).gte(1)))
          .exec(
              redis("BATCH")
                  .pipeline(
                      cmd.xadd("events:#{userId}", "in", "pipeline"),
                      cmd.xlen("events:#{userId}").check(reply().gte(2)),
                      cmd.eval(INCR_SCRIPT, List.of("e:#{userId}"), List.of("1")),
                      cmd.hincrBy("h:#{userId}", "visits", 1),
                      cmd.pfcount("visitors").check(reply().gte(1))))
          .exec(
              redis("MULTI/EXEC")
                  .transaction(
                      cmd.hincrBy("{t#{userId}}:h", "f", 1),
                      cmd.setex("{t#{userId}}:s", 10, "x"),
                      cmd.getdel("{t#{userId}}:s").check(reply().is("x"))));

  private final ScenarioBuilder tour =
      scenario("checks and families")
          .exec(setUpUser)
          .during(duration)
          .on(exec(checks).exec(families));

  {
    setUp(settings.gated(tour.injectOpen(atOnceUsers(settings.users()))))
        .protocols(settings.protocol())
        .assertions(settings.assertions())
        .assertions(global().failedRequests().count().is(0L));
  }

  /**
   * The id of the first entry in an XREADGROUP reply: [[stream, [[id, [field, value, ...]], ...]]].
   */
  private static String firstEntryId(Object reply) {
    List<?> streams = (List<?>) reply;
    List<?> entries = (List<?>) ((List<?>) streams.get(0)).get(1);
    return (String) ((List<?>) entries.get(0)).get(0);
  }
}
