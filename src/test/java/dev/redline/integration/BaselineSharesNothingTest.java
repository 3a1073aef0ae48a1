package dev.redline.integration;

import static dev.redline.javaapi.RedisDsl.cmd;
import static dev.redline.javaapi.RedisDsl.redisAssertions;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redline.javaapi.RedisAssertions;
import dev.redline.testing.GatlingRun;
import dev.redline.testing.RedisServerTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A baseline gate over two real runs that share no request (a list workload as baseline, a
 * read-write one now) fails every {@code *} assertion and says why, instead of passing on nothing.
 */
class BaselineSharesNothingTest extends RedisServerTest {

  @Test
  void everyRequestAgainstABaselineOfOtherRequestsFailsAndSaysSo() throws Exception {
    GatlingRun.Result lists =
        GatlingRun.run(
            protocol(),
            Duration.ofSeconds(30),
            scenario("lists")
                .repeat(300)
                .on(exec(cmd.lpush("l:#{userId}", "x")).exec(cmd.lpop("l:#{userId}")))
                .injectOpen(atOnceUsers(2)));
    Path baseline = lists.redline().reportIndex().orElseThrow().getParent();

    RedisAssertions gate =
        redisAssertions("* p99 vs baseline < +20%", "* ops_per_sec vs baseline > -10%");
    GatlingRun.Result readWrite =
        GatlingRun.run(
            List.of(protocol().baseline(baseline.toString())),
            Duration.ofSeconds(30),
            false,
            0,
            scenario("read-write")
                .repeat(300)
                .on(exec(cmd.set("k:#{userId}", "v")).exec(cmd.get("k:#{userId}")))
                .injectOpen(atOnceUsers(2))
                .andThen(gate.population()));

    String junit =
        Files.readString(
            readWrite.redline().reportIndex().orElseThrow().resolveSibling("assertions.xml"));
    assertTrue(junit.contains("tests=\"2\" failures=\"2\""), junit);
    assertTrue(junit.contains("the two runs share no request to compare"), junit);
    assertTrue(junit.contains("[GET, SET]") && junit.contains("[LPOP, LPUSH]"), junit);
  }
}
