package dev.redline.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redline.testing.GatlingReport;
import dev.redline.testing.GatlingRun;
import dev.redline.testing.TestRedis;
import dev.redline.testing.TestRedis7;
import dev.redline.testing.TestRedisServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * The ready ChecksAndFamiliesSimulation against redis-server 7: every check verb and every command
 * family it uses, as requests and in pipelines and transactions, with 0 KO in Gatling's report.
 */
class ChecksAndFamiliesTest {
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

  @Test
  void everyVerbAndFamilyRunsWithoutKo() throws Exception {
    GatlingRun.Result run =
        GatlingRun.runSimulation(
            "dev.redline.simulations.ChecksAndFamiliesSimulation",
            Map.of(
                "redline.url",
                server.url(),
                "redline.test.duration",
                "3s",
                "redline.test.threads_per_client",
                "2"));

    Map<String, long[]> gatling = GatlingReport.counts(run.reportFolder());
    assertEquals(0, gatling.get("All Requests")[2], "KO requests: " + kos(gatling));
    assertEquals(0, run.exitCode(), "the simulation's assertion: no failed request");
    for (String name :
        List.of(
            "XADD",
            "XREADGROUP",
            "XACK",
            "EVAL",
            "EVALSHA",
            "FCALL",
            "BLPOP",
            "BRPOP empty",
            "BZPOPMIN",
            "HINCRBY",
            "ZINCRBY",
            "ZRANGEBYSCORE",
            "SETEX",
            "GETDEL",
            "PFADD",
            "PFCOUNT",
            "SETBIT",
            "BITCOUNT",
            "GEOADD",
            "GEOSEARCH",
            "GET missing",
            "BATCH",
            "MULTI/EXEC")) {
      assertTrue(
          gatling.containsKey(name) && gatling.get(name)[1] > 0,
          name + " ran OK: " + (gatling.containsKey(name) ? gatling.get(name)[1] : "never"));
    }
    try (Jedis jedis = TestRedis.connect(server)) {
      long bumped = 0;
      long streamed = 0;
      for (String key : jedis.keys("f:*")) {
        bumped += Long.parseLong(jedis.get(key));
      }
      for (String key : jedis.keys("events:*")) {
        streamed += jedis.xlen(key);
      }
      assertEquals(
          2 * gatling.get("FCALL")[1], bumped, "each FCALL bumped its key by 2 on the server");
      // Gatling's XADD row counts the XADDs sent alone and those in the pipeline (one record per
      // op)
      assertEquals(
          gatling.get("XADD")[1], streamed, "each XADD, alone or pipelined, added one entry");
      // Gatling's during() exits as soon as its time is up: a user's last iteration may stop
      // between its XADD alone and its pipeline
      long unpaired = gatling.get("XADD")[1] - 2 * gatling.get("BATCH")[1];
      assertTrue(
          unpaired >= 0 && unpaired <= 2,
          "one XADD alone and one in the pipeline per iteration, but a user's last: " + unpaired);
    }
  }

  private static String kos(Map<String, long[]> gatling) {
    StringBuilder out = new StringBuilder();
    gatling.forEach(
        (name, c) -> {
          if (c[2] > 0 && !name.equals("All Requests")) {
            out.append(name).append('=').append(c[2]).append(' ');
          }
        });
    return out.toString();
  }
}
