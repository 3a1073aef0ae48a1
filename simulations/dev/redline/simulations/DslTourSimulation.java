package dev.redline.simulations;

import static dev.redline.javaapi.RedisDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;

import dev.redline.javaapi.RedisProtocolBuilder;
import dev.redline.workload.RunSettings;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * Every part of Redline's DSL once, as a compiled example: named and unnamed requests, EL and
 * session-function arguments, SET options, checks and saveAs, pipelines, transactions, any command
 * by name, pub/sub with end-to-end delivery latency, and the protocol options.
 *
 * <pre>
 * mvn gatling:test -Dgatling.simulationClass=dev.redline.simulations.DslTourSimulation -Dredline.test.duration=10s
 * </pre>
 */
public class DslTourSimulation extends Simulation {
  private final RunSettings settings = RunSettings.load();
  private final Duration duration = settings.duration();

  private final RedisProtocolBuilder redisProtocol =
      redis() // redline.url, REDIS_URL or embedded
          .clientInstances(2)
          .threadsPerClient(2)
          .connectionsPerClient(2)
          .connectTimeout(Duration.ofSeconds(1))
          .socketTimeout(Duration.ofMillis(500))
          .clientName("dsl-tour")
          .backoff(Duration.ofMillis(10), Duration.ofMillis(500))
          .retryAttempts(1)
          // read when -Dredline.baseline names an earlier run: 15 % counts, 50 % at p99.9
          .baselineThreshold(15)
          .baselineThreshold("p99.9", 50)
          // the rate setUp's throttle below asks for: the verdict says whether the run reached it
          .throttleTarget(5_000)
          .batchOnlyGatlingRecords();

  private final ScenarioBuilder tour =
      scenario("dsl tour")
          .exec(cmd.subscribe("tour-news")) // SUBSCRIBE, then DELIVERY records
          .during(duration)
          .on(
              exec(redis("SET session").set("session:#{userId}", "token-#{userId}", ex(60)))
                  .exec(
                      redis("GET session")
                          .get("session:#{userId}")
                          .check(reply().isEL("token-#{userId}")))
                  .exec(cmd.set(s -> "fn:" + s.userId(), s -> "computed-" + s.userId(), nx()))
                  .exec(cmd.get("fn:#{userId}").check(reply().exists()))
                  .exec(cmd.incr("visits:#{userId}").check(reply().saveAs("visits")))
                  .exec(cmd.set("last-visit:#{userId}", "#{visits}"))
                  .exec(cmd.hset("user:#{userId}", "name", "user-#{userId}"))
                  .exec(
                      cmd.hgetAll("user:#{userId}")
                          .check(reply().ofMap().transform(m -> m.containsKey("name")).is(true)))
                  .exec(
                      cmd.lpush("events:#{userId}", "e-#{visits}"),
                      cmd.ltrim("events:#{userId}", 0, 99))
                  .exec(cmd.llen("events:#{userId}").check(reply().lte(100)))
                  .exec(
                      cmd.zadd("board", 1.0, "user-#{userId}"),
                      cmd.zscore("board", "user-#{userId}").check(reply().exists()))
                  .exec(
                      redis("BATCH")
                          .pipeline(
                              cmd.incr("hits"),
                              cmd.get("session:#{userId}"),
                              cmd.del("tmp:#{userId}"),
                              cmd.sadd("online", "#{userId}")))
                  .exec(
                      redis("checkout")
                          .transaction(
                              cmd.decrBy("{stock}:apples", 1), cmd.incrBy("{stock}:sold", 1)))
                  .exec(redis("HINCRBY visits").command("HINCRBY", "user:#{userId}", "visits", "1"))
                  .exec(cmd.trackedPublish(s -> "tour-news", 64))
                  .pause(Duration.ofMillis(1)));

  {
    setUp(tour.injectOpen(atOnceUsers(4)))
        .protocols(redisProtocol)
        .throttle(reachRps(5_000).in(Duration.ofSeconds(1)), holdFor(duration))
        .assertions(global().failedRequests().percent().lt(1.0));
  }
}
