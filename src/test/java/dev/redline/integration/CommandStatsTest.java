package dev.redline.integration;

import static dev.redline.javaapi.RedisDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.redline.testing.GatlingRun;
import dev.redline.testing.RedisServerTest;
import dev.redline.testing.TestRedis;
import io.gatling.javaapi.core.ScenarioBuilder;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** What Redline says it sent is exactly what the server counted in INFO commandstats. */
class CommandStatsTest extends RedisServerTest {

  @Test
  void serverCommandstatsDeltaEqualsWhatRedlineReported() throws Exception {
    Duration duration = Duration.ofSeconds(2);
    ScenarioBuilder scn =
        scenario("mix")
            .during(duration)
            .on(
                exec(cmd.set("k:#{userId}", "v"))
                    .exec(cmd.get("k:#{userId}"))
                    .exec(cmd.incr("n:#{userId}"))
                    .exec(cmd.del("gone:#{userId}"))
                    .exec(
                        pipeline(
                            cmd.set("p:#{userId}", "1"),
                            cmd.get("p:#{userId}"),
                            cmd.incr("pn:#{userId}")))
                    .exec(transaction(cmd.incr("{t}:#{userId}"), cmd.get("{t}:#{userId}"))));

    Map<String, Long> before;
    try (Jedis jedis = jedis()) {
      before = TestRedis.commandCalls(jedis);
    }
    GatlingRun.Result run =
        GatlingRun.run(
            protocol().clientInstances(2).threadsPerClient(2),
            Duration.ofSeconds(30),
            scn.injectClosed(constantConcurrentUsers(4).during(duration)));
    Map<String, Long> delta;
    try (Jedis jedis = jedis()) {
      delta = new TreeMap<>(TestRedis.delta(before, TestRedis.commandCalls(jedis)));
    }
    delta.remove("info"); // this test's own look at the server
    delta.remove("client|setname"); // connection setup (Redis 7 name), once per pooled connection
    delta.remove("client"); // the same on Redis 6
    // Redline's own reads outside its two snapshots: maxclients at the start (CONFIG GET), and the
    // server's time at the end (LATENCY HISTOGRAM, after its last commandstats)
    delta.remove("config");
    delta.merge("latency", -1L, Long::sum);

    assertEquals(0, run.exitCode());
    Map<String, Long> sent = run.recorder().sentCommands();
    Map<String, Long> sentButInfo = new TreeMap<>(sent);
    sentButInfo.remove("info"); // Redline's own INFO reads, left out on both sides
    assertEquals(sentButInfo, delta, "Redline's sent commands vs the server's commandstats delta");
    assertTrue(sent.get("set") > 1000, "the run did real work: " + sent);

    // and the requests recorded add up to the same numbers
    long batches = okCount(run, "BATCH");
    long transactions = okCount(run, "MULTI/EXEC");
    assertEquals(sent.get("multi"), transactions);
    assertEquals(sent.get("exec"), transactions);
    assertEquals(sent.get("set"), okCount(run, "SET"));
    assertEquals(sent.get("get"), okCount(run, "GET"));
    assertEquals(sent.get("incr"), okCount(run, "INCR"));
    assertEquals(okCount(run, "DEL"), sent.get("del"));
    assertTrue(batches > 0 && transactions > 0);
  }

  private static long okCount(GatlingRun.Result run, String name) {
    var series = run.recorder().series(name);
    assertTrue(
        series.koHistogram().getTotalCount() == 0, name + " had KOs: " + series.errorsByKind());
    return series.okHistogram().getTotalCount();
  }
}
