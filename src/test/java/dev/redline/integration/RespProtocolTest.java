package dev.redline.integration;

import static dev.redline.javaapi.RedisDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.redline.measure.RequestSeries;
import dev.redline.testing.GatlingRun;
import dev.redline.testing.RedisServerTest;
import io.gatling.javaapi.core.ScenarioBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * protocolVersion(3) makes connections speak RESP3 (HELLO 3); the default stays RESP2 as in Jedis.
 */
class RespProtocolTest extends RedisServerTest {

  @Test
  void protocolVersion3SpeaksResp3AndMapRepliesReachChecksAsMaps() throws Exception {
    ScenarioBuilder scn =
        scenario("resp3")
            .exec(
                cmd.command("HELLO").check(reply().ofMap().transform(m -> m.get("proto")).is(3L)),
                cmd.hset("h", "f", "v"),
                cmd.hgetAll("h")
                    .check(
                        reply().transform(r -> r instanceof Map<?, ?>).is(true),
                        reply().is(Map.of("f", "v"))),
                cmd.get("missing").check(reply().notExists()),
                cmd.incr("n").check(reply().is(1L)));

    GatlingRun.Result run =
        GatlingRun.run(
            protocol().protocolVersion(3), Duration.ofSeconds(30), scn.injectOpen(atOnceUsers(1)));

    assertEquals(0, run.exitCode());
    assertEveryRequestOkOnce(run, "HELLO", "HSET", "HGETALL", "GET", "INCR");
    try (var jedis = jedis()) {
      assertTrue(jedis.info("commandstats").contains("cmdstat_hello"), "HELLO was sent on connect");
    }
  }

  @Test
  void byDefaultConnectionsSpeakResp2() throws Exception {
    ScenarioBuilder scn =
        scenario("resp2")
            .exec(cmd.hset("h", "f", "v"), cmd.hgetAll("h").check(reply().is(List.of("f", "v"))));

    GatlingRun.Result run =
        GatlingRun.run(protocol(), Duration.ofSeconds(30), scn.injectOpen(atOnceUsers(1)));

    assertEveryRequestOkOnce(run, "HSET", "HGETALL");
  }

  /** Exactly these requests were recorded, each once and OK. */
  private static void assertEveryRequestOkOnce(GatlingRun.Result run, String... names) {
    java.util.Set<String> recorded = new java.util.TreeSet<>();
    for (RequestSeries series : run.recorder().series()) {
      recorded.add(series.name());
      assertEquals(Map.of(), series.firstMessageByKind(), "KO in " + series.name());
      assertEquals(1, series.okHistogram().getTotalCount(), series.name() + " OK once");
    }
    assertEquals(new java.util.TreeSet<>(List.of(names)), recorded);
  }
}
