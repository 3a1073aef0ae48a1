package dev.redline.integration;

import static dev.redline.javaapi.RedisDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.redline.testing.GatlingRun;
import dev.redline.testing.RedisServerTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** An ACL user limited to GET and SET: INCR is KO NOPERM for that command only, the run goes on. */
class AclUserTest extends RedisServerTest {

  @Test
  void nopermIsAKoForTheDeniedCommandOnly() throws Exception {
    try (Jedis admin = jedis()) {
      admin.aclSetUser(
          "loadtest", "reset", "on", ">lt-pass", "~*", "+get", "+set", "+ping", "+client|setname");
    }
    Duration duration = Duration.ofSeconds(2);
    GatlingRun.Result run =
        GatlingRun.run(
            redis().url("redis://loadtest:lt-pass@127.0.0.1:" + server.port()),
            duration.plusSeconds(30),
            scenario("acl")
                .during(duration)
                .on(
                    exec(cmd.set("k:#{userId}", "v"))
                        .exec(cmd.incr("n"))
                        .exec(cmd.get("k:#{userId}")))
                .injectOpen(atOnceUsers(2)));

    assertEquals(Map.of(), run.recorder().series("SET").errorsByKind());
    assertEquals(Map.of(), run.recorder().series("GET").errorsByKind());
    Map<String, Long> incr = run.recorder().series("INCR").errorsByKind();
    assertEquals(java.util.Set.of("NOPERM"), incr.keySet());
    assertEquals(0, run.recorder().series("INCR").okHistogram().getTotalCount());
    assertEquals(
        run.recorder().series("INCR").koHistogram().getTotalCount(),
        incr.get("NOPERM"),
        "every INCR was denied");
    // during() exits between two requests: each user's last iteration may end before its GET
    long gets = run.recorder().series("GET").okHistogram().getTotalCount();
    assertTrue(
        incr.get("NOPERM") >= gets && incr.get("NOPERM") <= gets + 2,
        "one INCR per iteration: " + incr + " against " + gets + " GETs");
    assertTrue(run.recorder().series("INCR").firstMessageByKind().get("NOPERM").contains("incr"));
  }
}
