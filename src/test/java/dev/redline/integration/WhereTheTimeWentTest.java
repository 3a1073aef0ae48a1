package dev.redline.integration;

import static dev.redline.javaapi.RedisDsl.cmd;
import static dev.redline.javaapi.RedisDsl.redis;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.client.ServerTime;
import dev.redline.testing.EndToEnd;
import dev.redline.testing.GatlingRun;
import dev.redline.testing.RunsAlone;
import dev.redline.testing.TestRedis7;
import dev.redline.testing.TestRedisServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * Every run says which side held it back, from the servers' own time (LATENCY HISTOGRAM, INFO cpu,
 * INFO commandstats) and the load generator's: a server busy with slow scripts, a single worker
 * that arrivals outpace, a load far below both, a thousand threads on two cores; and the
 * server-side percentiles agree with a LATENCY HISTOGRAM read by hand.
 */
@EndToEnd
@RunsAlone
class WhereTheTimeWentTest {
  private static TestRedisServer server;

  @BeforeAll
  static void start() throws Exception {
    server = TestRedis7.start();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static GatlingRun.Result run(
      dev.redline.javaapi.RedisProtocolBuilder protocol,
      Duration duration,
      io.gatling.javaapi.core.PopulationBuilder population)
      throws Exception {
    GatlingRun.Result run = GatlingRun.run(protocol, duration.plusSeconds(30), population);
    assertEquals(0, run.exitCode());
    return run;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> limit(GatlingRun.Result run) throws Exception {
    Path summary = run.redline().reportIndex().orElseThrow().resolveSibling("summary.json");
    Map<String, Object> all = new ObjectMapper().readValue(summary.toFile(), Map.class);
    return (Map<String, Object>) ((Map<String, Object>) all.get("redline")).get("limit");
  }

  private static dev.redline.javaapi.RedisProtocolBuilder redisProtocol() {
    return dev.redline.javaapi.RedisDsl.redis().url(server.url());
  }

  @Test
  void slowScriptsMakeTheServerTheLimit() throws Exception {
    // about half a millisecond of Lua per call
    String busy = "local i = 0 while i < 150000 do i = i + 1 end return i";
    Duration duration = Duration.ofSeconds(3);
    GatlingRun.Result run =
        run(
            redisProtocol().threadsPerClient(4),
            duration,
            scenario("slow scripts")
                .during(duration)
                .on(exec(redis("EVAL").eval(busy, List.of(), List.of())))
                .injectOpen(atOnceUsers(4)));
    Map<String, Object> limit = limit(run);
    assertEquals("server", limit.get("verdict"), String.valueOf(limit));
    assertTrue(
        ((Number) limit.get("server_main_thread_busy")).doubleValue() >= 0.8, limit.toString());
  }

  @Test
  void arrivalsFasterThanOneWorkerMakeTheLoadGeneratorTheLimit() throws Exception {
    Duration duration = Duration.ofSeconds(3);
    GatlingRun.Result run =
        run(
            redisProtocol().threadsPerClient(1),
            duration,
            scenario("one worker")
                .exec(repeat(20).on(exec(cmd.get("k:#{userId}"))))
                .injectOpen(constantUsersPerSec(4000).during(duration)));
    Map<String, Object> limit = limit(run);
    assertEquals("load_generator", limit.get("verdict"), String.valueOf(limit));
    assertTrue(limit.get("reasons").toString().contains("waited"), limit.toString());
  }

  @Test
  void aServerWithoutLatencyHistogramsIsOneLineAndTheRestStands() throws Exception {
    // the embedded binary is Redis 6.2 (the tests' default server), which has no LATENCY HISTOGRAM
    try (dev.redline.testing.TestRedisServer old = dev.redline.testing.TestRedisServer.start();
        redis.clients.jedis.Jedis jedis = new redis.clients.jedis.Jedis("127.0.0.1", old.port());
        dev.redline.testing.ConsoleCapture console = new dev.redline.testing.ConsoleCapture()) {
      org.junit.jupiter.api.Assumptions.assumeTrue(
          jedis.info("server").contains("redis_version:6."),
          "REDLINE_REDIS_SERVER points the tests at a Redis 7: nothing to show here");
      Duration duration = Duration.ofSeconds(2);
      GatlingRun.Result run =
          run(
              dev.redline.javaapi.RedisDsl.redis().url(old.url()),
              duration,
              scenario("on 6.2")
                  .during(duration)
                  .on(exec(cmd.set("k:#{userId}", "v")))
                  .injectOpen(atOnceUsers(2)));
      Map<String, Object> limit = limit(run);
      assertTrue(
          java.util.List.of("neither", "load_generator", "server").contains(limit.get("verdict")),
          limit.toString());
      long lines =
          console
              .text()
              .lines()
              .filter(l -> l.contains("server-side latency is not available"))
              .count();
      assertEquals(1, lines, console.text());
      assertTrue(run.recorder().series("SET").okHistogram().getTotalCount() > 100);
    }
  }

  @Test
  void aLightLoadIsHeldBackByNeitherSide() throws Exception {
    Duration duration = Duration.ofSeconds(3);
    GatlingRun.Result run =
        run(
            redisProtocol().threadsPerClient(2),
            duration,
            scenario("light")
                .exec(cmd.get("k:#{userId}"))
                .injectOpen(constantUsersPerSec(50).during(duration)));
    Map<String, Object> limit = limit(run);
    assertEquals("neither", limit.get("verdict"), String.valueOf(limit));
  }

  @Test
  void aThousandThreadsOnTwoCoresMeasureTheGenerator() throws Exception {
    Duration duration = Duration.ofSeconds(4);
    GatlingRun.Result run =
        run(
            redisProtocol().threadsPerClient(1000).connectionsPerClient(1000),
            duration,
            scenario("a thousand threads")
                .during(duration)
                .on(exec(cmd.set("k:#{userId}", "v")))
                .injectClosed(constantConcurrentUsers(1000).during(duration)));
    Map<String, Object> limit = limit(run);
    assertEquals("load_generator", limit.get("verdict"), String.valueOf(limit));
    // Little's law, against what the recorder counted: a user's loop per round trip is the users
    // (fewer on average than 1,000 while they start and end) over the round trips per second
    double users = ((Number) limit.get("average_users")).doubleValue();
    assertTrue(users > 500 && users <= 1000, "most of 1,000 users on average: " + limit);
    long roundTrips =
        run.recorder().series("SET").okHistogram().getTotalCount()
            + run.recorder().series("SET").koHistogram().getTotalCount();
    long[] span = run.recorder().span().orElseThrow();
    double perSecond = roundTrips / ((span[1] - span[0]) / 1000.0);
    double loop = ((Number) limit.get("loop_time_per_round_trip_us")).doubleValue();
    double expected = users / perSecond * 1e6;
    assertEquals(expected, loop, 0.25 * expected, "loop per round trip: " + limit);
    // 1,000 users' threads on 2 cores: most of a loop is spent outside every measured interval
    double wait = ((Number) limit.get("mean_wait_us")).doubleValue();
    double service = ((Number) limit.get("mean_service_us")).doubleValue();
    double unmeasured = ((Number) limit.get("unmeasured_per_round_trip_us")).doubleValue();
    assertTrue(unmeasured > wait + service, "the loop's time goes unmeasured: " + limit);
  }

  @Test
  @SuppressWarnings("unchecked")
  void serverPercentilesAreLatencyHistogramsBucketsAndTheClientNeverBeatsTheServer()
      throws Exception {
    ServerTime before;
    try (Jedis jedis = new Jedis("127.0.0.1", server.port())) {
      before = ServerTime.read(jedis);
    }
    Duration duration = Duration.ofSeconds(3);
    GatlingRun.Result run =
        run(
            redisProtocol().threadsPerClient(2),
            duration,
            scenario("get and set")
                .during(duration)
                .on(exec(cmd.set("k:#{userId}", "v")).exec(cmd.get("k:#{userId}")))
                .injectOpen(atOnceUsers(2)));
    ServerTime after;
    try (Jedis jedis = new Jedis("127.0.0.1", server.port())) {
      after = ServerTime.read(jedis);
    }
    Map<String, Object> limit = limit(run);
    List<Map<String, Object>> commands = (List<Map<String, Object>>) limit.get("commands");
    for (String command : List.of("get", "set")) {
      Map<String, Object> row =
          commands.stream().filter(c -> command.equals(c.get("command"))).findFirst().orElseThrow();
      ServerTime.Cumulative byHand =
          after.latencyHistograms().get(command).minus(before.latencyHistograms().get(command));
      // no GET or SET ran outside the run's window: the same calls, the same buckets
      assertEquals(byHand.calls(), ((Number) row.get("calls")).longValue(), command + " calls");
      assertEquals(byHand.bucketOf(50)[1], ((Number) row.get("p50_us")).longValue(), command);
      assertEquals(byHand.bucketOf(99)[1], ((Number) row.get("p99_us")).longValue(), command);
      assertEquals(byHand.bucketOf(99.9)[1], ((Number) row.get("p99_9_us")).longValue(), command);
      assertNotNull(row.get("client_mean_us"), row.toString());
      assertTrue(
          ((Number) row.get("client_mean_us")).doubleValue()
              >= ((Number) row.get("server_mean_us")).doubleValue(),
          "Redline's time includes the server's: " + row);
    }
  }
}
