package dev.redline.metrics;

import static org.junit.jupiter.api.Assertions.*;

import dev.redline.testing.Await;
import dev.redline.testing.GatlingRun;
import dev.redline.testing.RedisServerTest;
import dev.redline.testing.TestPrometheus;
import dev.redline.testing.TestRedisServer;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A real Prometheus scrapes a 12 s WorkloadSimulation run started the way a user starts it ({@code
 * -Dredline.metrics.prometheus_port=<p> -Dredline.metrics.interval=1000}) and then holds {@code
 * redis_operations_total} with the Python runner's labels and at least 80 % of the run's commands
 * (the run's last second may end between two scrapes). The endpoint's thread ends with the run.
 */
class PrometheusScrapeTest extends RedisServerTest {

  @Test
  void prometheusHoldsTheRunsOperationsWithTheirLabels() throws Exception {
    int port = TestRedisServer.freePort();
    try (TestPrometheus prometheus = TestPrometheus.scraping(port)) {
      GatlingRun.Result run =
          GatlingRun.runSimulation(
              "dev.redline.simulations.WorkloadSimulation",
              Map.of(
                  "redline.redis.url", server.url(),
                  "redline.test.duration", "12s",
                  "redline.test.client_instances", "2",
                  "redline.test.threads_per_client", "2",
                  "redline.metrics.prometheus_port", Integer.toString(port),
                  "redline.metrics.interval", "1000"));
      assertEquals(0, run.exitCode());
      String summary =
          Files.readString(
              run.redline().reportIndex().orElseThrow().resolveSibling("summary.json"));
      long total = number(summary, "total_commands_count");
      assertTrue(total > 1000, "the run did work: " + total);

      String runId = run.redline().runId();
      String answer =
          prometheus.query(
              "sum(last_over_time(redis_operations_total{run_id=\"" + runId + "\"}[5m]))");
      long scraped = (long) Double.parseDouble(value(answer));
      System.out.printf(
          "Prometheus holds %,d of the run's %,d commands (%.1f %%)%n",
          scraped, total, 100.0 * scraped / total);
      assertTrue(
          scraped >= 0.8 * total && scraped <= total,
          "Prometheus holds "
              + scraped
              + " of the run's "
              + total
              + " commands\n"
              + prometheus.log());

      String series = prometheus.series("redis_operations_total{run_id=\"" + runId + "\"}");
      for (String label :
          List.of("operation", "status", "app_name", "instance_id", "run_id", "version")) {
        assertTrue(series.contains("\"" + label + "\""), label + " in " + series);
      }
      for (String operation : List.of("SET", "GET", "DEL")) { // basic_rw
        assertTrue(
            series.contains("\"operation\":\"" + operation + "\""), operation + " in " + series);
      }
      String p99 =
          prometheus.query(
              "histogram_quantile(0.99, sum by (le) (rate(redis_operation_duration_milliseconds_bucket{run_id=\""
                  + runId
                  + "\"}[5m])))");
      double p99Millis = Double.parseDouble(value(p99));
      assertTrue(p99Millis > 0 && p99Millis < 1000, "p99 from the scraped histogram: " + p99);
      assertTrue(summary.contains("\"scrapes\""), summary);
      // the run waited for the endpoint's executor to end; its thread leaves a moment later
      Await.until(
          "the endpoint's thread ends with the run: this JVM goes on",
          java.time.Duration.ofSeconds(2),
          () ->
              Thread.getAllStackTraces().keySet().stream()
                  .noneMatch(t -> t.isAlive() && t.getName().equals("redline-prometheus")));
    }
  }

  private static String value(String queryAnswer) {
    Matcher m = Pattern.compile("\"value\":\\[[0-9.]+,\"([^\"]+)\"\\]").matcher(queryAnswer);
    assertTrue(m.find(), "a value in " + queryAnswer);
    return m.group(1);
  }

  private static long number(String json, String field) {
    Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*([0-9]+)").matcher(json);
    assertTrue(m.find(), field + " in " + json);
    return Long.parseLong(m.group(1));
  }
}
