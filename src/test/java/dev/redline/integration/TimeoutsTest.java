package dev.redline.integration;

import static dev.redline.javaapi.RedisDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.redline.client.ClientInstance;
import dev.redline.measure.RequestSeries;
import dev.redline.testing.EndToEnd;
import dev.redline.testing.GatlingRun;
import dev.redline.testing.RedisServerTest;
import dev.redline.testing.RunsAlone;
import dev.redline.testing.TestRedisServer;
import io.gatling.javaapi.core.ScenarioBuilder;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A server that stops answering gives KOs within the socket timeout, never a hung user. */
@EndToEnd
@RunsAlone
class TimeoutsTest extends RedisServerTest {

  @Test
  void aFrozenServerGivesTimeoutKosAndTheRunEndsOnTime() throws Exception {
    Duration duration = Duration.ofSeconds(5);
    ScenarioBuilder scn =
        scenario("frozen")
            .during(duration)
            .on(exec(cmd.set("k:#{userId}", "v")).exec(cmd.get("k:#{userId}")));
    ScheduledExecutorService faults = Executors.newSingleThreadScheduledExecutor();
    faults.schedule(() -> signal(server, "STOP"), 1500, TimeUnit.MILLISECONDS);
    faults.schedule(() -> signal(server, "CONT"), 3000, TimeUnit.MILLISECONDS);
    GatlingRun.Result run;
    try {
      run =
          GatlingRun.run(
              protocol().threadsPerClient(2).socketTimeout(Duration.ofMillis(300)),
              Duration.ofSeconds(60),
              scn.injectClosed(constantConcurrentUsers(2).during(duration)));
    } finally {
      faults.shutdown();
      faults.awaitTermination(5, TimeUnit.SECONDS);
      signal(server, "CONT");
    }

    assertTrue(
        run.wallMillis() < duration.toMillis() + 10_000,
        "the run ended on time: " + run.wallMillis() + " ms");
    RequestSeries set = run.recorder().series("SET");
    RequestSeries get = run.recorder().series("GET");
    long timeouts =
        set.errorsByKind().getOrDefault("TIMEOUT", 0L)
            + get.errorsByKind().getOrDefault("TIMEOUT", 0L);
    assertTrue(
        timeouts > 0,
        "timeouts were KO with kind TIMEOUT: " + set.errorsByKind() + " " + get.errorsByKind());
    long slowestKoMicros =
        Math.max(set.koHistogram().getMaxValue(), get.koHistogram().getMaxValue()) / 1000;
    assertTrue(
        slowestKoMicros < 2_000_000,
        "a KO came within the timeout (plus reconnecting), took " + slowestKoMicros + " µs");
    var lastSecond = set.seconds().get(set.seconds().size() - 1);
    assertTrue(lastSecond.ok() > 0, "after SIGCONT the run serves OKs again");
  }

  @Test
  void aPausedServerGivesTimeoutKosWithinTheSocketTimeout() throws Exception {
    Duration duration = Duration.ofSeconds(4);
    Duration socketTimeout = Duration.ofMillis(500);
    ScheduledExecutorService faults = Executors.newSingleThreadScheduledExecutor();
    var paused =
        faults.submit(
            () -> {
              try (redis.clients.jedis.Jedis jedis = jedis()) {
                // pause once the load is under way (Gatling's start takes a moment)
                long deadline = System.nanoTime() + 20_000_000_000L;
                while (!jedis.info("commandstats").contains("cmdstat_set:calls=")
                    && System.nanoTime() < deadline) {
                  Thread.sleep(50);
                }
                Thread.sleep(500);
                return jedis.clientPause(1500);
              }
            });
    GatlingRun.Result run;
    try {
      run =
          GatlingRun.run(
              protocol().threadsPerClient(2).socketTimeout(socketTimeout),
              Duration.ofSeconds(60),
              scenario("paused")
                  .during(duration)
                  .on(exec(cmd.set("k:#{userId}", "v")))
                  .injectOpen(atOnceUsers(2)));
    } finally {
      faults.shutdown();
      faults.awaitTermination(5, TimeUnit.SECONDS);
    }
    assertEquals("OK", paused.get(), "the server was paused");
    RequestSeries set = run.recorder().series("SET");
    assertTrue(
        set.errorsByKind().getOrDefault("TIMEOUT", 0L) > 0,
        "the pause gave TIMEOUT KOs: " + set.errorsByKind());
    long slowestKoMillis = set.koHistogram().getMaxValue() / 1_000_000;
    assertTrue(
        slowestKoMillis <= socketTimeout.toMillis() + 100,
        "a TIMEOUT is recorded within the socket timeout + 100 ms, took "
            + slowestKoMillis
            + " ms");
    // the outage runs from the first request that did not come back, not from its timeout
    double longest =
        dev.redline.report.UnreachableTime.of(
                run.redline().clients().stream().map(ClientInstance::health).toList(),
                System.nanoTime())
            .longestSeconds();
    assertTrue(longest >= 1.3 && longest < 2.5, "the 1.5 s pause, from its start: " + longest);
    com.fasterxml.jackson.databind.JsonNode limit = run.summary().path("limit");
    assertTrue(
        limit.path("reasons").get(0).asText().contains("a client could not reach Redis"),
        "the verdict names the stall first: " + limit.path("reasons"));
  }

  @Test
  void aRunWithSubscribersEndsPromptlyWhenTheServerIsFrozenAtTheEnd() throws Exception {
    Duration duration = Duration.ofSeconds(4);
    int subscribers = 8;
    ScenarioBuilder subscribe =
        scenario("subscribers").exec(cmd.subscribe("frozen")).pause(duration);
    ScenarioBuilder publish =
        scenario("publishers")
            .during(duration)
            .on(exec(cmd.trackedPublish(s -> "frozen", 100)).pause(Duration.ofMillis(10)));
    ScheduledExecutorService faults = Executors.newSingleThreadScheduledExecutor();
    faults.schedule(() -> signal(server, "STOP"), 2500, TimeUnit.MILLISECONDS);
    GatlingRun.Result run;
    try {
      run =
          GatlingRun.run(
              protocol().threadsPerClient(subscribers).socketTimeout(Duration.ofMillis(500)),
              Duration.ofSeconds(60),
              subscribe.injectOpen(atOnceUsers(subscribers)),
              publish.injectOpen(atOnceUsers(2)));
    } finally {
      faults.shutdown();
      faults.awaitTermination(5, TimeUnit.SECONDS);
      signal(server, "CONT");
    }

    // the end waits up to 2 s for deliveries and 2 s for all the subscribers together (their
    // UNSUBSCRIBE is never answered), not 2 s for each of them in turn
    long finishing = run.wallMillis() - duration.toMillis();
    assertTrue(finishing < 9_000, "the run ended " + finishing + " ms after its duration");
    assertEquals(subscribers, run.recorder().series("SUBSCRIBE").okHistogram().getTotalCount());
    assertTrue(
        run.recorder().series("DELIVERY").okHistogram().getTotalCount() > 100,
        "deliveries before the freeze");
  }

  private static void signal(TestRedisServer server, String signal) {
    try {
      new ProcessBuilder("kill", "-" + signal, Long.toString(server.pid()))
          .inheritIO()
          .start()
          .waitFor();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
