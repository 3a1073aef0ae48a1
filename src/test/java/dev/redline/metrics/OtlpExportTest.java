package dev.redline.metrics;

import static dev.redline.javaapi.RedisDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.redline.testing.ConsoleCapture;
import dev.redline.testing.GatlingRun;
import dev.redline.testing.OtlpReceiver;
import dev.redline.testing.RedisServerTest;
import dev.redline.testing.TestRedisServer;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Live metrics pushed over OTLP (gRPC and HTTP) to a receiver that decodes the real request bytes:
 * the Python runner's instruments and labels, pipelines per op and as BATCH, and the last interval
 * pushed at the end so the collector's totals equal Redline's. A collector that is down fails
 * nothing.
 */
class OtlpExportTest extends RedisServerTest {

  @ParameterizedTest
  @ValueSource(strings = {"grpc", "http/protobuf"})
  void theCollectorGetsEveryOperationWithTheOldRunnersLabels(String transport) throws Exception {
    try (OtlpReceiver collector = OtlpReceiver.start(transport)) {
      GatlingRun.Result run =
          GatlingRun.run(
              protocol()
                  .metrics(
                      metrics()
                          .otlp(collector.url(), transport)
                          .every(Duration.ofMillis(500))
                          .serviceName("cache-rehearsal")),
              Duration.ofSeconds(30),
              scenario("otlp")
                  .during(Duration.ofSeconds(3))
                  .on(
                      exec(
                          cmd.set("k:#{userId}", "v"),
                          cmd.get("k:#{userId}"),
                          pipeline(cmd.incr("n"), cmd.get("k:#{userId}").named("GET in batch"))))
                  .injectOpen(atOnceUsers(2)));
      assertEquals(0, run.exitCode());
      assertTrue(
          collector.requests().size() >= 4,
          "pushed every 500 ms over 3 s: " + collector.requests().size());

      Map<String, Metric> metrics = collector.lastMetrics();
      assertEquals("cache-rehearsal", collector.lastResource().get("service.name"));
      assertNotNull(collector.lastResource().get("service.version"));
      Metric operations = metrics.get("redis_operations_total");
      assertNotNull(operations, "metrics: " + metrics.keySet());
      assertTrue(operations.getSum().getIsMonotonic());
      for (String operation : List.of("SET", "GET", "INCR", "GET in batch", "BATCH")) {
        List<NumberDataPoint> points =
            OtlpReceiver.points(operations, Map.of("operation", operation, "status", "success"));
        assertEquals(1, points.size(), operation);
        long expected = run.recorder().series(operation).okHistogram().getTotalCount();
        assertTrue(expected > 0, operation);
        assertEquals(
            expected,
            points.get(0).getAsInt(),
            operation + ": the collector's total equals Redline's, the last second included");
        Map<String, String> labels = OtlpReceiver.attributes(points.get(0).getAttributesList());
        assertEquals("redline", labels.get("app_name"));
        assertEquals(run.redline().runId(), labels.get("run_id"));
        assertNotNull(labels.get("instance_id"));
        assertNotNull(labels.get("version"));
      }

      Metric duration = metrics.get("redis_operation_duration");
      assertEquals("ms", duration.getUnit());
      HistogramDataPoint get =
          duration.getHistogram().getDataPointsList().stream()
              .filter(
                  p ->
                      OtlpReceiver.attributes(p.getAttributesList()).get("operation").equals("GET"))
              .findFirst()
              .orElseThrow();
      assertEquals(run.recorder().series("GET").okHistogram().getTotalCount(), get.getCount());
      assertTrue(
          get.getExplicitBoundsList().contains(0.1),
          "sub-millisecond buckets: " + get.getExplicitBoundsList());
      long belowOneMs = 0;
      for (int i = 0; i < get.getExplicitBoundsCount() && get.getExplicitBounds(i) <= 1.0; i++) {
        belowOneMs += get.getBucketCounts(i);
      }
      assertTrue(
          belowOneMs > 0,
          "GETs on loopback answer under a millisecond: " + get.getBucketCountsList());
      assertEquals(
          1,
          metrics.get("redis_client_init_duration").getHistogram().getDataPoints(0).getCount(),
          "one client pool opened");
      assertTrue(metrics.containsKey("redis_reconnections_total"));
      long opened =
          metrics.get("redis_connections_opened_total").getSum().getDataPoints(0).getAsInt();
      assertTrue(
          opened >= 1 && opened <= 2,
          "the one worker's connection (and at most one for the start check): " + opened);

      String summary =
          Files.readString(
              run.redline().reportIndex().orElseThrow().resolveSibling("summary.json"));
      assertTrue(summary.contains("\"exports_failed\" : 0"), summary);
    }
  }

  @Test
  void aCollectorThatIsDownFailsNothingAndIsCountedOnce() throws Exception {
    int closed = TestRedisServer.freePort();
    GatlingRun.Result run;
    String console;
    try (ConsoleCapture capture = new ConsoleCapture()) {
      run =
          GatlingRun.run(
              protocol()
                  .metrics(
                      metrics()
                          .otlp("http://127.0.0.1:" + closed, "http/protobuf")
                          .every(Duration.ofMillis(200))),
              Duration.ofSeconds(30),
              scenario("down")
                  .during(Duration.ofSeconds(2))
                  .on(exec(cmd.incr("n")))
                  .injectOpen(atOnceUsers(2)));
      console = capture.text();
    }
    assertEquals(0, run.exitCode());
    assertTrue(run.recorder().series("INCR").okHistogram().getTotalCount() > 0);
    assertTrue(run.recorder().series("INCR").errorsByKind().isEmpty(), "the load did not notice");
    long warnings = console.lines().filter(line -> line.contains("could not push metrics")).count();
    assertEquals(1, warnings, "one line per kind of failure:\n" + console);
    assertFalse(console.contains("io.opentelemetry"), "no stack traces of the SDK");
    String summary =
        Files.readString(run.redline().reportIndex().orElseThrow().resolveSibling("summary.json"));
    java.util.regex.Matcher failed =
        java.util.regex.Pattern.compile("\"exports_failed\" : (\\d+)").matcher(summary);
    assertTrue(failed.find(), summary);
    assertTrue(
        Long.parseLong(failed.group(1)) >= 5, "every failed push counted: " + failed.group(1));
  }
}
