package dev.redline.integration;

import static dev.redline.javaapi.RedisDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.redline.measure.RequestSeries;
import dev.redline.testing.EndToEnd;
import dev.redline.testing.GatlingRun;
import dev.redline.testing.TestCluster;
import io.gatling.javaapi.core.Session;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * A cluster failover shown as it is: three primaries with a replica each; one primary is killed
 * mid-run and its replica takes over. The other primaries go on at full rate; the killed node's
 * slots show KOs while it is down; the cross-check reads the topology as it is at the end and says
 * a failover happened.
 */
@EndToEnd
class ClusterFailoverTest {
  private static final Duration RUN = Duration.ofSeconds(16);

  @Test
  void aKilledPrimaryFailsOverWhileTheOtherPrimariesGoOnAtFullRate() throws Exception {
    try (TestCluster cluster = TestCluster.withReplicas(3)) {
      Map<Long, Long> healthyCalls =
          new ConcurrentSkipListMap<>(); // ms since the load began -> SET+GET on primaries 1 and 2
      long[] began = {0};
      ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor();
      watch.scheduleAtFixedRate(
          () -> {
            long calls = calls(cluster, 1) + calls(cluster, 2);
            if (calls > 0 && began[0] == 0) {
              began[0] = System.nanoTime();
            }
            if (began[0] != 0) {
              long t = (System.nanoTime() - began[0]) / 1_000_000;
              healthyCalls.put(t, calls);
              if (t >= 5_000 && t < 5_300) {
                cluster.kill(0);
              }
            }
          },
          0,
          250,
          TimeUnit.MILLISECONDS);

      Function<Session, String> key = s -> "k:" + ThreadLocalRandom.current().nextInt(100_000);
      GatlingRun.Result run;
      try {
        run =
            GatlingRun.run(
                redis()
                    .cluster(cluster.seeds())
                    .clientInstances(2)
                    .threadsPerClient(3)
                    .socketTimeout(Duration.ofMillis(1000)),
                RUN.plusSeconds(60),
                true,
                scenario("failover")
                    .during(RUN)
                    .on(exec(cmd.set(key, s -> "v"), cmd.get(key)))
                    .injectOpen(atOnceUsers(6)));
      } finally {
        watch.shutdownNow();
        watch.awaitTermination(5, TimeUnit.SECONDS);
      }

      assertEquals(0, run.exitCode());
      double before = rate(healthyCalls, 1_000, 5_000);
      double during = rate(healthyCalls, 5_000, 10_000);
      assertTrue(
          during >= 0.8 * before,
          String.format(
              "the healthy primaries went on: %.0f/s before the kill, %.0f/s in the"
                  + " 5 s after it",
              before, during));
      RequestSeries set = run.recorder().series("SET");
      long kos =
          set.koHistogram().getTotalCount()
              + run.recorder().series("GET").koHistogram().getTotalCount();
      assertTrue(
          kos > 0, "the killed node's slots failed while it was down: " + set.errorsByKind());
      var seconds = set.seconds();
      assertTrue(
          seconds.get(seconds.size() - 2).ko() == 0 && seconds.get(seconds.size() - 2).ok() > 0,
          "after the failover every slot is served again: "
              + seconds.subList(Math.max(0, seconds.size() - 4), seconds.size()));
      String summary =
          Files.readString(
              run.redline().reportIndex().orElseThrow().resolveSibling("summary.json"));
      assertTrue(
          summary.contains("a failover happened"),
          "the cross-check says a failover happened: "
              + summary.substring(summary.indexOf("commandstats_cross_check")));
    }
  }

  private static long calls(TestCluster cluster, int node) {
    try (Jedis jedis = cluster.connect(node)) {
      String stats = jedis.info("commandstats");
      return count(stats, "cmdstat_set:calls=") + count(stats, "cmdstat_get:calls=");
    } catch (RuntimeException e) {
      return 0;
    }
  }

  private static long count(String stats, String prefix) {
    int at = stats.indexOf(prefix);
    if (at < 0) {
      return 0;
    }
    int from = at + prefix.length();
    int to = stats.indexOf(',', from);
    return Long.parseLong(stats.substring(from, to));
  }

  /** Calls per second between two moments (ms since the load began), from the nearest samples. */
  private static double rate(Map<Long, Long> samples, long fromMillis, long toMillis) {
    List<Map.Entry<Long, Long>> all = List.copyOf(samples.entrySet());
    Map.Entry<Long, Long> from =
        all.stream().filter(e -> e.getKey() >= fromMillis).findFirst().orElseThrow();
    Map.Entry<Long, Long> to =
        all.stream().filter(e -> e.getKey() >= toMillis).findFirst().orElseThrow();
    return (to.getValue() - from.getValue()) * 1000.0 / (to.getKey() - from.getKey());
  }
}
