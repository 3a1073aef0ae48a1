package dev.redline.integration;

import static dev.redline.javaapi.RedisDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.client.ServerStats;
import dev.redline.report.CommandCrossCheck;
import dev.redline.testing.GatlingRun;
import dev.redline.testing.RedisServerTest;
import io.gatling.javaapi.core.ScenarioBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.HistogramLogProcessor;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * The companion report of a real run: where it is, what it holds, and that it agrees with the
 * server.
 */
class CompanionReportTest extends RedisServerTest {

  @Test
  void reportAndSummarySitInGatlingsRunFolderAndAgreeWithTheServer() throws Exception {
    Duration duration = Duration.ofSeconds(3);
    ScenarioBuilder scn =
        scenario("report")
            .during(duration)
            .on(
                exec(cmd.set("k:#{userId}", "v"))
                    .exec(cmd.get("k:#{userId}"))
                    .exec(pipeline(cmd.incr("n:#{userId}"), cmd.get("k:#{userId}"))));
    Map<String, Long> before;
    try (Jedis jedis = jedis()) {
      before = ServerStats.commandCalls(jedis);
    }
    GatlingRun.Result run =
        GatlingRun.run(
            protocol().clientInstances(2).threadsPerClient(2),
            Duration.ofSeconds(30),
            true,
            scn.injectClosed(constantConcurrentUsers(4).during(duration)));
    Map<String, Long> delta;
    try (Jedis jedis = jedis()) {
      delta = new TreeMap<>(ServerStats.delta(before, ServerStats.commandCalls(jedis)));
    }

    Path folder = run.reportFolder().resolve("redline");
    assertEquals(
        folder.resolve("index.html").toAbsolutePath(),
        run.redline().reportIndex().orElseThrow().toAbsolutePath());
    JsonNode summary = new ObjectMapper().readTree(folder.resolve("summary.json").toFile());
    for (String field :
        new String[] {
          "app_name",
          "instance_id",
          "run_id",
          "version",
          "workload_name",
          "run_start",
          "run_end",
          "total_commands_count",
          "successful_commands_count",
          "failed_commands_count",
          "overall_throughput",
          "reconnection_count",
          "avg_reconnection_duration_ms",
          "min_latency_ms",
          "max_latency_ms",
          "median_latency_ms",
          "p95_latency_ms",
          "p99_latency_ms",
          "avg_latency_ms"
        }) {
      assertTrue(summary.has(field), "summary.json has " + field);
    }
    assertEquals("report", summary.get("workload_name").asText());
    assertTrue(summary.get("run_end").asDouble() > summary.get("run_start").asDouble());

    // the commands counted equal the server's counts of data commands (set, get, incr), pings
    // excluded
    long dataCommands = delta.get("set") + delta.get("get") + delta.get("incr");
    assertEquals(dataCommands, summary.get("total_commands_count").asLong());
    assertEquals(dataCommands, summary.get("successful_commands_count").asLong());
    JsonNode crossCheck = summary.get("redline").get("commandstats_cross_check");
    assertTrue(crossCheck.get("all_match").asBoolean(), crossCheck.toPrettyString());

    String html = Files.readString(folder.resolve("index.html"));
    assertTrue(
        html.contains("<svg")
            && html.contains("Requests (µs)")
            && html.contains("BATCH (round trip)"));
    assertFalse(
        html.matches("(?s).*(src|href)=\"https?:.*"), "self-contained: no network resources");
    for (String name : new String[] {"SET", "GET", "INCR", "BATCH"}) {
      Path hgrm = folder.resolve(name + ".ok.hgrm");
      assertTrue(
          Files.readString(hgrm).contains("Value     Percentile TotalCount"),
          "HdrHistogram percentile format: " + hgrm);
    }
    assertNotNull(HistogramLogProcessor.class, "HdrHistogram tools can read .hgrm");
  }

  @Test
  void errorsShowByKindInJsonAndHtml() throws Exception {
    // the pause: four requests can end within the millisecond the run started, and Gatling's report
    // step then stops with "Run didn't last" (seen once in CI)
    ScenarioBuilder scn =
        scenario("errors")
            .exec(
                cmd.rpush("a-list", "x"),
                cmd.get("a-list"),
                cmd.get("nothing").check(reply().exists()),
                cmd.set("fine", "1"))
            .pause(Duration.ofMillis(20));
    GatlingRun.Result run =
        GatlingRun.run(protocol(), Duration.ofSeconds(30), true, scn.injectOpen(atOnceUsers(1)));

    Path folder = run.reportFolder().resolve("redline");
    JsonNode summary = new ObjectMapper().readTree(folder.resolve("summary.json").toFile());
    assertEquals(2, summary.get("failed_commands_count").asLong());
    JsonNode errors = summary.get("redline").get("errors_by_kind");
    assertEquals(1, errors.get("WRONGTYPE").asLong());
    assertEquals(1, errors.get("CHECK").asLong());
    String html = Files.readString(folder.resolve("index.html"));
    assertTrue(
        html.contains("WRONGTYPE") && html.contains("reply.find.exists, found nothing"),
        "errors table in the HTML");
  }

  @Test
  void aDifferenceOfExactlyTheClusterRedirectionsIsRecognised() {
    CommandCrossCheck redirected =
        CommandCrossCheck.compare(Map.of("set", 10L), Map.of("set", 12L, "info", 3L), 3)
            .withErrorReplies(Map.of("MOVED", 1L, "ASK", 1L));
    assertFalse(redirected.allMatch());
    assertTrue(redirected.differenceIsTheRedirections());
    assertTrue(
        redirected.verdict().contains("exactly the MOVED/ASK redirections"), redirected.verdict());

    CommandCrossCheck other =
        CommandCrossCheck.compare(Map.of("set", 10L), Map.of("set", 13L, "info", 3L), 3)
            .withErrorReplies(Map.of("MOVED", 1L, "ASK", 1L));
    assertFalse(
        other.differenceIsTheRedirections(), "one more than the redirections: other traffic");
    assertTrue(other.verdict().contains("other clients"));
  }

  @Test
  void requestNamesThatDifferOutsideAsciiKeepHistogramFilesOfTheirOwn() throws Exception {
    GatlingRun.Result run =
        GatlingRun.run(
            protocol(),
            Duration.ofSeconds(30),
            scenario("names")
                .repeat(50)
                .on(
                    exec(dev.redline.javaapi.RedisDsl.redis("GET ü").get("k"))
                        .exec(dev.redline.javaapi.RedisDsl.redis("GET ö").get("k")))
                .injectOpen(atOnceUsers(1)));
    Path folder = run.redline().reportIndex().orElseThrow().getParent();
    try (var files = java.nio.file.Files.list(folder)) {
      List<String> hgrm =
          files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".hgrm")).toList();
      assertEquals(2, hgrm.size(), "one file per request name: " + hgrm);
    }
  }

  @Test
  void crossCheckFlagsCommandsFromOtherClients() {
    CommandCrossCheck check =
        CommandCrossCheck.compare(
            Map.of("get", 10L), Map.of("get", 13L, "info", 1L, "client|setname", 4L), 1);
    assertFalse(check.allMatch());
    assertEquals(3, check.rows().get(0).difference());
    assertTrue(check.verdict().contains("other clients"));
    assertTrue(
        check.verdict().contains("Some counts differ: get sent 10, the server counted 13 (+3)."),
        check.verdict());
    assertEquals("client|setname", check.connectionSetup().get(0).command());
  }
}
