package dev.redline.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redline.testing.EndToEnd;
import dev.redline.testing.ForkedGatling;
import dev.redline.testing.RedisServerTest;
import dev.redline.testing.TestRedisServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a project that depends on Redline receives is enough to load a Redis it names: the
 * redis-server binaries and OpenTelemetry are optional, and a run that needs them without them says
 * in one line what to add. Each case runs WorkloadSimulation on this build's classpath without
 * those jars.
 */
@EndToEnd
class LightJarTest extends RedisServerTest {
  private static final List<String> OPTIONAL = List.of("embedded-redis", "opentelemetry", "okhttp");
  private static final String SIMULATION = "dev.redline.simulations.WorkloadSimulation";

  @Test
  void aNamedRedisNeedsNeitherTheServerBinariesNorOpenTelemetry() throws Exception {
    ForkedGatling.Result run =
        ForkedGatling.runWithout(
            OPTIONAL,
            SIMULATION,
            List.of("redline.redis.url=" + server.url(), "redline.test.duration=2s"),
            Duration.ofMinutes(2));
    assertEquals(0, run.exitCode(), run.output());
    assertTrue(run.output().contains("Redline report: "), run.output());
  }

  @Test
  void noRedisNamedAndNoServerBinariesSaysWhatToAdd() throws Exception {
    ForkedGatling.Result run =
        ForkedGatling.runWithout(OPTIONAL, SIMULATION, List.of(), Duration.ofMinutes(1));
    assertNotEquals(0, run.exitCode(), run.output());
    assertTrue(run.output().contains("com.github.codemonstur:embedded-redis:1.4.3"), run.output());
    assertTrue(run.output().lines().noneMatch(l -> l.startsWith("\tat ")), run.output());
  }

  @Test
  void metricsWithoutOpenTelemetrySayWhatToAdd() throws Exception {
    ForkedGatling.Result run =
        ForkedGatling.runWithout(
            OPTIONAL,
            SIMULATION,
            List.of(
                "redline.redis.url=" + server.url(),
                "redline.metrics.prometheus_port=" + TestRedisServer.freePort()),
            Duration.ofMinutes(1));
    assertNotEquals(0, run.exitCode(), run.output());
    assertTrue(
        run.output().contains("io.opentelemetry:opentelemetry-sdk-metrics:1.68.0"), run.output());
  }
}
