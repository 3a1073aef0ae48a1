package dev.redline.integration;

import static dev.redline.javaapi.RedisDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.measure.RequestSeries;
import dev.redline.testing.GatlingRun;
import dev.redline.testing.TestCertificates;
import dev.redline.testing.TestCluster;
import io.gatling.javaapi.core.ScenarioBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * Cluster mode over TLS (as managed services run it): three primaries with tls-cluster, a CA made
 * by the test.
 */
class ClusterTlsTest {
  private static TestCluster cluster;
  private static TestCertificates ca;

  @BeforeAll
  static void startCluster() throws Exception {
    Path folder = Files.createTempDirectory("redline-cluster-tls-");
    ca = new TestCertificates(folder, "redline-cluster-ca");
    Path certificate = ca.issue("node", "IP:127.0.0.1,DNS:localhost");
    cluster = TestCluster.withTls(3, certificate, ca.key("node"), ca.caCertificate());
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void commandsPipelinesAndTheCrossCheckWorkOverTlsOnEveryNode() throws Exception {
    ScenarioBuilder scn =
        scenario("cluster over tls")
            .repeat(100, "i")
            .on(
                exec(
                    cmd.set("k:#{userId}:#{i}", "v").check(reply().is("OK")),
                    cmd.get("k:#{userId}:#{i}").check(reply().is("v")),
                    pipeline(
                        cmd.incr("a:#{userId}:#{i}"),
                        cmd.incr("b:#{userId}:#{i}"),
                        cmd.incr("c:#{userId}:#{i}"))));

    GatlingRun.Result run =
        GatlingRun.run(
            redis()
                .cluster(cluster.seeds())
                .tls()
                .tlsCaFile(ca.caCertificate().toString())
                .clientInstances(2),
            Duration.ofSeconds(60),
            true,
            scn.injectOpen(atOnceUsers(4)));

    assertEquals(0, run.exitCode());
    for (String name : new String[] {"SET", "GET", "INCR", "BATCH"}) {
      RequestSeries series = run.recorder().series(name);
      assertEquals(Map.of(), series.firstMessageByKind(), "KO in " + name);
      assertEquals(name.equals("INCR") ? 1200 : 400, series.okHistogram().getTotalCount(), name);
    }
    for (int i = 0; i < cluster.size(); i++) {
      try (Jedis node = cluster.connect(i)) {
        assertTrue(node.dbSize() > 100, "keys on node " + i + " (reached over its TLS port)");
      }
    }
    JsonNode summary =
        new ObjectMapper()
            .readTree(run.reportFolder().resolve("redline").resolve("summary.json").toFile());
    assertTrue(
        summary.get("redline").get("commandstats_cross_check").get("all_match").asBoolean(),
        "the cross-check reads every primary over TLS: "
            + summary.get("redline").get("commandstats_cross_check"));
  }
}
