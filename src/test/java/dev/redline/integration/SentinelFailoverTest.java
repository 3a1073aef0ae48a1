package dev.redline.integration;

import static dev.redline.javaapi.RedisDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.redline.measure.RequestSeries;
import dev.redline.testing.Await;
import dev.redline.testing.EndToEnd;
import dev.redline.testing.GatlingRun;
import dev.redline.testing.TestSentinels;
import io.gatling.javaapi.core.ScenarioBuilder;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

/**
 * Through sentinels (both they and the data nodes require a password), a run follows SENTINEL
 * FAILOVER to the new primary and goes on.
 */
@EndToEnd
class SentinelFailoverTest {
  private static TestSentinels deployment;

  @BeforeAll
  static void startDeployment() {
    deployment = new TestSentinels();
  }

  @AfterAll
  static void stopDeployment() {
    if (deployment != null) {
      deployment.close();
    }
  }

  @Test
  void aWrongSentinelPasswordStopsTheRunAtStartWithAClearError() {
    Throwable error =
        assertThrows(
            Throwable.class,
            () ->
                GatlingRun.run(
                    redis()
                        .sentinel(TestSentinels.MASTER, deployment.sentinelAddresses())
                        .sentinelCredentials(null, "not-it")
                        .password(TestSentinels.DATA_PASSWORD),
                    Duration.ofSeconds(30),
                    scenario("never").exec(cmd.get("k")).injectOpen(atOnceUsers(1))));
    String all = GatlingRun.messages(error);
    assertTrue(all.contains("cannot use Redis primary 'mymaster' via sentinels"), all);
    assertTrue(all.contains("The sentinels say: 127.0.0.1:") && all.contains("WRONGPASS"), all);
    assertFalse(all.contains("not-it"), "the password is not printed: " + all);
  }

  @Test
  void aRunSurvivesSentinelFailoverMidRun() throws Exception {
    {
      Duration duration = Duration.ofSeconds(10);
      ScenarioBuilder scn =
          scenario("through failover")
              .during(duration)
              .on(
                  exec(cmd.set(
                          s -> "k:" + s.userId(), s -> Long.toString(System.currentTimeMillis())))
                      .exec(cmd.get("k:#{userId}"))
                      .pace(Duration.ofMillis(5)));

      CompletableFuture<Void> failover =
          CompletableFuture.runAsync(
              () -> {
                Await.sleep(3_000);
                deployment.failover();
              });
      GatlingRun.Result run =
          GatlingRun.run(
              deployment.protocol().clientInstances(2).threadsPerClient(2),
              Duration.ofSeconds(60),
              scn.injectClosed(constantConcurrentUsers(4).during(duration)));
      failover.join();

      HostAndPort primary = deployment.currentPrimary();
      assertNotEquals(
          deployment.firstPrimaryPort(), primary.getPort(), "the sentinels promoted the replica");
      assertEquals(0, run.exitCode());

      RequestSeries set = run.recorder().series("SET");
      List<RequestSeries.SecondSample> seconds = set.seconds();
      long lastSecondsOk =
          seconds.subList(seconds.size() - 3, seconds.size()).stream()
              .mapToLong(RequestSeries.SecondSample::ok)
              .sum();
      long lastSecondsKo =
          seconds.subList(seconds.size() - 3, seconds.size()).stream()
              .mapToLong(RequestSeries.SecondSample::ko)
              .sum();
      assertTrue(lastSecondsOk > 100, "writes go on after the failover: " + seconds);
      assertEquals(0, lastSecondsKo, "no KO once the new primary is known: " + seconds);
      long ko = set.koHistogram().getTotalCount();
      long ok = set.okHistogram().getTotalCount();
      assertTrue(
          ko < ok / 5,
          "KOs only around the switch: " + ko + " KO vs " + ok + " OK, " + set.errorsByKind());

      // the last values were written to the new primary
      try (Jedis jedis = TestSentinels.dataNode(primary)) {
        long newest = Long.parseLong(jedis.get("k:1"));
        assertTrue(
            System.currentTimeMillis() - newest < 15_000,
            "k:1 was written recently on the new primary");
        assertEquals("master", jedis.role().get(0).toString());
      }
    }
  }
}
