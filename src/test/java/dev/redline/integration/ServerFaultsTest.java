package dev.redline.integration;

import static dev.redline.javaapi.RedisDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.client.ClientInstance;
import dev.redline.client.ConnectionHealth;
import dev.redline.measure.RequestSeries;
import dev.redline.testing.ConsoleCapture;
import dev.redline.testing.EndToEnd;
import dev.redline.testing.GatlingRun;
import dev.redline.testing.TestRedis;
import dev.redline.testing.TestRedisServer;
import io.gatling.javaapi.core.ScenarioBuilder;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * The run survives the server: a restart, dropped connections, an outage at start (Ctrl+C
 * mid-outage: ForkedJvmLifetimeTest).
 */
@EndToEnd
class ServerFaultsTest {

  private static ScenarioBuilder loop(Duration duration) {
    // a gentle rate: these tests are about surviving faults, and Gatling's report stays quick to
    // build
    return scenario("faults")
        .during(duration)
        .on(
            exec(cmd.set("k:#{userId}", "v"))
                .exec(cmd.get("k:#{userId}"))
                .pause(Duration.ofMillis(2)));
  }

  /**
   * Kills the server after {@code killMillis} and starts it again after {@code restartMillis},
   * noting when.
   */
  private static ScheduledExecutorService killAndRestart(
      TestRedisServer server,
      long killMillis,
      long restartMillis,
      AtomicLong killedAt,
      AtomicLong restartedAt) {
    ScheduledExecutorService faults = Executors.newSingleThreadScheduledExecutor();
    faults.schedule(
        () -> {
          server.kill();
          killedAt.set(System.currentTimeMillis());
        },
        killMillis,
        TimeUnit.MILLISECONDS);
    faults.schedule(
        () -> {
          try {
            server.restart();
            restartedAt.set(System.currentTimeMillis());
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        },
        restartMillis,
        TimeUnit.MILLISECONDS);
    return faults;
  }

  @Test
  void aRestartMidRunIsAnOutageWindowThatEveryClientRecoversFrom() throws Exception {
    Duration duration = Duration.ofSeconds(20);
    AtomicLong killedAt = new AtomicLong();
    AtomicLong restartedAt = new AtomicLong();
    try (TestRedisServer server = TestRedisServer.start();
        ConsoleCapture console = new ConsoleCapture()) {
      ScheduledExecutorService faults =
          killAndRestart(server, 6_000, 11_000, killedAt, restartedAt);
      long start = System.currentTimeMillis();
      GatlingRun.Result run =
          GatlingRun.run(
              redis()
                  .url(server.url())
                  .clientInstances(2)
                  .threadsPerClient(2)
                  .socketTimeout(Duration.ofMillis(500)),
              duration.plusSeconds(30),
              true,
              loop(duration).injectOpen(atOnceUsers(4)));
      faults.shutdown();

      long runMillis = run.redline().endEpochMillis() - start;
      assertTrue(runMillis < duration.toMillis() + 5_000, "ended on time: " + runMillis + " ms");
      assertTrue(
          killedAt.get() > start && restartedAt.get() > killedAt.get(), "the faults happened");
      RequestSeries set = run.recorder().series("SET");
      for (RequestSeries.SecondSample second : set.seconds()) {
        if (second.ko() > 0) {
          long ms = second.epochSecond() * 1000;
          assertTrue(
              ms >= killedAt.get() - 1000 && ms <= restartedAt.get() + 3000,
              "KOs only in the outage window: second "
                  + second
                  + " vs kill "
                  + killedAt
                  + " restart "
                  + restartedAt);
        }
      }
      long kos =
          set.koHistogram().getTotalCount()
              + run.recorder().series("GET").koHistogram().getTotalCount();
      assertTrue(
          kos > 0 && kos < 4 * 5 * 40, "the outage gave KOs, and backoff kept them few: " + kos);
      assertTrue(set.errorsByKind().containsKey("CONNECTION"), set.errorsByKind().toString());
      for (ConnectionHealth client :
          run.redline().clients().stream().map(ClientInstance::health).toList()) {
        assertTrue(client.reconnections() >= 1, "each client reconnected");
        long back = client.lastRecoveryEpochMillis() - restartedAt.get();
        assertTrue(back <= 2000, "client serving OKs again " + back + " ms after the restart");
      }
      JsonNode summary =
          new ObjectMapper().readTree(run.reportFolder().resolve("redline/summary.json").toFile());
      assertTrue(summary.get("reconnection_count").asLong() >= 2);
      double avg = summary.get("avg_reconnection_duration_ms").asDouble();
      StringBuilder clients = new StringBuilder();
      run.redline().clients().stream()
          .map(ClientInstance::health)
          .toList()
          .forEach(
              c ->
                  clients
                      .append(c.reconnections())
                      .append(" reconnections, ")
                      .append(c.downNanos() / 1_000_000)
                      .append(" ms down; "));
      assertTrue(
          avg > 3000 && avg < 9000,
          "first failure to first success, about the 5 s outage: "
              + avg
              + " ("
              + clients
              + set.errorsByKind()
              + run.recorder().series("GET").errorsByKind()
              + ")");
      assertTrue(
          Files.exists(run.reportFolder().resolve("index.html")), "Gatling's report is written");
      assertTrue(
          Files.readString(run.reportFolder().resolve("redline/index.html"))
              .contains("class=\"outage\""),
          "outage window on the charts");

      // the 5 s outage is said per client, in seconds: a failed-request share cannot show it
      JsonNode unreachable = summary.get("redline").get("unreachable");
      for (JsonNode seconds : unreachable.get("by_client_seconds")) {
        assertTrue(
            seconds.asDouble() > 3 && seconds.asDouble() < 9,
            "each client could not reach Redis for about 5 s: " + unreachable);
      }
      assertEquals(
          unreachable.get("longest_client_seconds").asDouble(),
          Math.max(
              unreachable.get("by_client_seconds").get(0).asDouble(),
              unreachable.get("by_client_seconds").get(1).asDouble()),
          1e-9);
      assertTrue(
          console.text().contains("Redline: Redis could not be reached by client 1 for ")
              && console.text().contains(", client 2 for "),
          "the outage is one console line naming each client");

      // an error storm is one line per kind per second, not a line per failed request
      Matcher lines =
          Pattern.compile("Redline: ([\\d,]+) x CONNECTION in the last second")
              .matcher(console.text());
      int storms = 0;
      while (lines.find()) {
        storms++;
      }
      assertTrue(
          storms >= 3 && storms <= 9, "one CONNECTION line per outage second, saw " + storms);
    }
  }

  @Test
  void subscribersSubscribeAgainAfterARestartAndDeliveriesResume() throws Exception {
    Duration duration = Duration.ofSeconds(8);
    AtomicLong restartedAt = new AtomicLong();
    try (TestRedisServer server = TestRedisServer.start();
        ConsoleCapture console = new ConsoleCapture()) {
      ScheduledExecutorService faults =
          killAndRestart(server, 2_500, 4_000, new AtomicLong(), restartedAt);
      ScenarioBuilder subscriber =
          scenario("subscriber").exec(cmd.subscribe("restarts")).pause(duration);
      ScenarioBuilder publisher =
          scenario("publisher")
              .during(duration)
              .on(exec(cmd.trackedPublish(s -> "restarts", 100)).pause(Duration.ofMillis(5)));
      GatlingRun.Result run =
          GatlingRun.run(
              redis().url(server.url()).socketTimeout(Duration.ofMillis(500)),
              duration.plusSeconds(30),
              subscriber.injectOpen(atOnceUsers(2)),
              publisher.injectOpen(atOnceUsers(2)));
      faults.shutdown();

      assertTrue(restartedAt.get() > 0, "the server was restarted");
      assertTrue(
          console.text().contains("lost its connection (CONNECTION); subscribing again"),
          console.text());
      assertTrue(console.text().contains("listens again"), "each subscriber comes back");
      RequestSeries delivery = run.recorder().series("DELIVERY");
      long afterRestart =
          delivery.seconds().stream()
              .filter(second -> second.epochSecond() * 1000 > restartedAt.get() + 1000)
              .mapToLong(RequestSeries.SecondSample::ok)
              .sum();
      assertTrue(afterRestart > 100, "deliveries resume after the restart: " + delivery.seconds());
      assertFalse(
          delivery.errorsByKind().containsKey("DUPLICATE"), delivery.errorsByKind().toString());
      long lost = delivery.errorsByKind().getOrDefault("LOST", 0L);
      assertEquals(
          run.redline().pubsub().expected() - run.redline().pubsub().delivered(),
          lost,
          "what was owed and did not arrive (messages in flight when the server died) is LOST");
      assertEquals(
          2,
          run.redline().pubsub().facts().orElseThrow().resubscriptions(),
          "each subscriber subscribed again once");
      String report = Files.readString(run.reportFolder().resolve("redline/index.html"));
      assertTrue(
          report.contains("Pub/sub deliveries")
              && report.contains("of which 2 again after a lost connection"),
          "the report says so");
    }
  }

  /**
   * A server killed a second before the run ends cannot be read at the end: the summary gives none
   * of its figures (null, not 0), and the verdict says it could not judge, and why.
   */
  @Test
  void aServerGoneBeforeTheEndIsNotJudged() throws Exception {
    Duration duration = Duration.ofSeconds(4);
    try (TestRedisServer server = TestRedisServer.start()) {
      AtomicLong killedAt = new AtomicLong();
      ScheduledExecutorService killer =
          killAndRestart(server, 3_500, 600_000, killedAt, new AtomicLong());
      GatlingRun.Result run;
      try {
        run =
            GatlingRun.run(
                redis().url(server.url()).socketTimeout(Duration.ofMillis(500)),
                duration.plusSeconds(30),
                loop(duration).injectOpen(atOnceUsers(2)));
      } finally {
        killer.shutdownNow();
      }
      assertTrue(killedAt.get() > 0, "the server was killed");
      com.fasterxml.jackson.databind.JsonNode limit = run.summary().path("limit");
      assertEquals("unknown", limit.path("verdict").asText(), limit.toString());
      for (String figure : new String[] {"server_main_thread_busy", "server_cpu_seconds"}) {
        assertTrue(limit.path(figure).isNull(), figure + " not measured, so null: " + limit);
      }
      assertTrue(
          limit.path("reasons").get(0).asText().contains("could not be read"), limit.toString());
    }
  }

  @Test
  void droppedConnectionsAreCountedAndNoUserIsLost() throws Exception {
    Duration duration = Duration.ofSeconds(12);
    try (TestRedisServer server = TestRedisServer.start()) {
      ScheduledExecutorService killer = Executors.newSingleThreadScheduledExecutor();
      killer.scheduleAtFixedRate(
          () -> {
            try (Jedis jedis = TestRedis.connect(server)) {
              jedis.sendCommand(
                  redis.clients.jedis.Protocol.Command.CLIENT,
                  "KILL",
                  "TYPE",
                  "normal",
                  "SKIPME",
                  "yes");
            } catch (RuntimeException ignored) {
              // next round
            }
          },
          1,
          1,
          TimeUnit.SECONDS);
      GatlingRun.Result run;
      try {
        run =
            GatlingRun.run(
                redis().url(server.url()).clientInstances(2).threadsPerClient(2),
                duration.plusSeconds(30),
                loop(duration).injectOpen(atOnceUsers(4)));
      } finally {
        killer.shutdownNow();
      }
      assertEquals(0, run.exitCode());
      assertTrue(
          run.wallMillis() < duration.toMillis() + 10_000, "no user hung: " + run.wallMillis());
      long reconnections =
          run.redline().clients().stream()
              .map(ClientInstance::health)
              .mapToLong(ConnectionHealth::reconnections)
              .sum();
      assertTrue(reconnections >= 10, "dropped connections are reconnections: " + reconnections);
      RequestSeries set = run.recorder().series("SET");
      var seconds = set.seconds();
      long lastSeconds =
          seconds.subList(Math.max(0, seconds.size() - 3), seconds.size()).stream()
              .mapToLong(RequestSeries.SecondSample::ok)
              .sum();
      assertTrue(lastSeconds > 0, "still serving at the end");
    }
  }

  @Test
  void startDuringOutageRunsAndRecoversWhenTheServerComesUp() throws Exception {
    int port = TestRedisServer.freePort();
    Duration duration = Duration.ofSeconds(6);
    ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
    TestRedisServer[] started = new TestRedisServer[1];
    later.schedule(() -> started[0] = TestRedisServer.startOn(port), 2, TimeUnit.SECONDS);
    try {
      GatlingRun.Result run =
          GatlingRun.run(
              redis().url("redis://127.0.0.1:" + port).startDuringOutage(),
              duration.plusSeconds(30),
              loop(duration).injectOpen(atOnceUsers(2)));
      RequestSeries set = run.recorder().series("SET");
      assertTrue(
          set.errorsByKind().getOrDefault("CONNECTION", 0L) > 0, "KOs while the server was down");
      assertTrue(set.okHistogram().getTotalCount() > 100, "OKs once it came up");
    } finally {
      later.shutdown();
      later.awaitTermination(10, TimeUnit.SECONDS);
      if (started[0] != null) {
        started[0].close();
      }
    }
  }
}
