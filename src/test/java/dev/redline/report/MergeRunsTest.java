package dev.redline.report;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.testing.EndToEnd;
import dev.redline.testing.ForkedGatling;
import dev.redline.testing.RedisServerTest;
import dev.redline.testing.TestRedis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * Three injector JVMs load one redis-server at once; their run folders merge into one report whose
 * total equals the server's INFO commandstats delta and the sum of the three summaries, and whose
 * percentiles are those of the three runs' histograms added together.
 */
@EndToEnd
class MergeRunsTest extends RedisServerTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  @SuppressWarnings("unchecked")
  void threeConcurrentInjectorsMergeIntoOneExactResult() throws Exception {
    Map<String, Long> before;
    try (Jedis jedis = jedis()) {
      before = TestRedis.commandCalls(jedis);
    }
    List<CompletableFuture<ForkedGatling.Result>> injectors = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      injectors.add(
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return ForkedGatling.run(
                      "dev.redline.simulations.WorkloadSimulation",
                      List.of(
                          "redline.redis.url=" + server.url(),
                          "redline.test.duration=5s",
                          "redline.test.threads_per_client=2",
                          "gatling.noReports=true"),
                      Map.of(),
                      Duration.ofMinutes(2));
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              }));
    }
    List<Path> runFolders = new ArrayList<>();
    for (CompletableFuture<ForkedGatling.Result> injector : injectors) {
      ForkedGatling.Result result = injector.get();
      assertEquals(0, result.exitCode(), result.output());
      try (Stream<Path> runs = Files.list(result.resultsFolder())) {
        runFolders.add(runs.filter(Files::isDirectory).findFirst().orElseThrow());
      }
    }
    Map<String, Long> delta;
    try (Jedis jedis = jedis()) {
      delta = TestRedis.delta(before, TestRedis.commandCalls(jedis));
    }

    Path out =
        Files.createTempDirectory(Files.createDirectories(Path.of("target", "merged")), "test-");
    MergeRuns.merge(runFolders, out);
    Map<String, Object> merged = JSON.readValue(out.resolve("summary.json").toFile(), Map.class);

    long sumOfSummaries = 0;
    for (Path run : runFolders) {
      Map<String, Object> one =
          JSON.readValue(run.resolve("redline/summary.json").toFile(), Map.class);
      sumOfSummaries += ((Number) one.get("total_commands_count")).longValue();
    }
    long serverCount =
        delta.getOrDefault("set", 0L)
            + delta.getOrDefault("get", 0L)
            + delta.getOrDefault("del", 0L);
    long mergedTotal = ((Number) merged.get("total_commands_count")).longValue();
    System.out.printf(
        "merged %,d commands of 3 injectors; server counted %,d; summaries sum to %,d%n",
        mergedTotal, serverCount, sumOfSummaries);
    assertTrue(mergedTotal > 1000, "the injectors did work: " + mergedTotal);
    assertEquals(sumOfSummaries, mergedTotal, "merged total = the sum of the three summaries");
    assertEquals(
        serverCount,
        mergedTotal,
        "merged total = the server's INFO commandstats delta of SET, GET and DEL");
    Map<String, Object> detail = (Map<String, Object>) merged.get("redline");
    Map<String, Number> sent = (Map<String, Number>) detail.get("sent_commands");
    for (String command : List.of("set", "get", "del")) {
      assertEquals(
          delta.get(command),
          sent.get(command).longValue(),
          command + ": what all injectors sent = what the server counted");
    }
    assertEquals(3, ((List<?>) detail.get("merged_runs")).size());

    for (String request : List.of("GET", "SET")) {
      Histogram added = new Histogram(3);
      for (Path run : runFolders) {
        HistogramLogReader reader =
            new HistogramLogReader(run.resolve("redline/histograms.hlog").toFile());
        EncodableHistogram next;
        while ((next = reader.nextIntervalHistogram()) != null) {
          if (next.getTag().equals(request + "|ok")) {
            added.add((Histogram) next);
          }
        }
      }
      Map<String, Object> ok = (Map<String, Object>) requestEntry(detail, request).get("ok");
      assertEquals(
          added.getTotalCount(), ((Number) ok.get("count")).longValue(), request + " count");
      assertEquals(
          RunSummary.micros(added.getValueAtPercentile(50)),
          ((Number) ok.get("p50_us")).doubleValue(),
          request + " p50");
      assertEquals(
          RunSummary.micros(added.getValueAtPercentile(99)),
          ((Number) ok.get("p99_us")).doubleValue(),
          request + " p99");
    }
    assertTrue(Files.isRegularFile(out.resolve("index.html")));
    assertTrue(
        Files.isRegularFile(out.resolve("histograms.hlog")), "a merged folder can be merged again");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> requestEntry(Map<String, Object> detail, String name) {
    for (Map<String, Object> request : (List<Map<String, Object>>) detail.get("requests")) {
      if (request.get("name").equals(name)) {
        return request;
      }
    }
    throw new AssertionError("no request " + name + " in " + detail.get("requests"));
  }
}
