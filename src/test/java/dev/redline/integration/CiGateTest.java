package dev.redline.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redline.testing.EndToEnd;
import dev.redline.testing.ForkedGatling;
import dev.redline.testing.RedisServerTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A microsecond assertion that fails fails the run the way a Gatling assertion does: Gatling's exit
 * code 2 (the Gatling Maven plugin's BUILD FAILURE), the console lists each assertion with its
 * actual value, both reports are written, and the JUnit XML lists every assertion; one that holds
 * beside it holds.
 */
@EndToEnd
class CiGateTest extends RedisServerTest {

  @Test
  void aFailedMicrosecondAssertionFailsTheRunAsGatlingsOwnDo() throws Exception {
    ForkedGatling.Result run =
        ForkedGatling.run(
            "dev.redline.simulations.WorkloadSimulation",
            List.of(
                "redline.redis.url=" + server.url(),
                "redline.test.duration=3s",
                "redline.assertions=GET p99 < 10s; GET p50 < 1us"),
            Map.of(),
            Duration.ofMinutes(2));

    String output = run.output();
    assertEquals(2, run.exitCode(), "Gatling's exit code for failed assertions:\n" + output);
    assertTrue(output.contains("GET p99 < 10s: OK (actual "), output);
    assertTrue(output.contains("GET p50 < 1us: KO (actual "), output);
    assertTrue(
        output.contains("Redline: GET p50 < 1us"), "Gatling's own assertion line:\n" + output);
    Path runFolder;
    try (Stream<Path> runs = Files.list(run.resultsFolder())) {
      runFolder = runs.filter(Files::isDirectory).findFirst().orElseThrow();
    }
    assertTrue(Files.isRegularFile(runFolder.resolve("index.html")), "Gatling's report");
    Path xml = runFolder.resolve("redline/assertions.xml");
    assertTrue(Files.isRegularFile(xml), "Redline's JUnit XML");
    String junit = Files.readString(xml);
    assertTrue(junit.contains("tests=\"2\" failures=\"1\""), junit);
    assertTrue(junit.contains("name=\"GET p50 &lt; 1us\""), junit);
    String summary = Files.readString(runFolder.resolve("redline/summary.json"));
    assertTrue(
        summary.contains("\"workload_name\" : \"basic_rw\""),
        "the gate's own scenario is not part of the workload's name: " + summary);
  }

  /**
   * A server gone for most of a run barely moves the failed share of requests (a client backing off
   * sends little), so a failed-share gate passes; the time the clients could not reach Redis fails
   * the build.
   */
  private static long commandsServed(dev.redline.testing.TestRedisServer server) {
    try (redis.clients.jedis.Jedis jedis =
        new redis.clients.jedis.Jedis("127.0.0.1", server.port())) {
      for (String line : jedis.info("stats").split("\r?\n")) {
        if (line.startsWith("total_commands_processed:")) {
          return Long.parseLong(line.substring("total_commands_processed:".length()).strip());
        }
      }
    } catch (RuntimeException notYet) {
      // not answering yet
    }
    return 0;
  }

  @Test
  void anOutageFailsTheBuildThroughTheUnreachableTimeThoughFewRequestsFailed() throws Exception {
    try (dev.redline.testing.TestRedisServer doomed = dev.redline.testing.TestRedisServer.start()) {
      // the server is lost once it has served 5,000 commands (a few seconds into the 12 s run,
      // however long the forked JVM took to start): the KOs of the rest stay under 1 % of all
      Thread outage =
          new Thread(
              () -> {
                try {
                  dev.redline.testing.Await.until(
                      "the run's first 5,000 commands",
                      Duration.ofSeconds(90),
                      () ->
                          Thread.currentThread().isInterrupted()
                              || commandsServed(doomed) >= 5_000);
                  if (!Thread.currentThread().isInterrupted()) {
                    doomed.kill();
                  }
                } catch (RuntimeException | AssertionError notReached) {
                  // the run never got there: the assertions below say what it did
                }
              });
      outage.setDaemon(true);
      outage.start();
      ForkedGatling.Result run;
      try {
        run =
            ForkedGatling.run(
                "dev.redline.simulations.WorkloadSimulation",
                List.of(
                    "redline.redis.url=" + doomed.url(),
                    "redline.test.duration=12s",
                    "redline.assertions=* failed_pct < 1%; * unreachable < 1s"),
                Map.of(),
                Duration.ofMinutes(2));
      } finally {
        outage.interrupt();
      }
      String output = run.output();
      assertEquals(2, run.exitCode(), "the outage failed the build:\n" + output);
      assertTrue(output.contains("* failed_pct < 1%: OK (actual "), output);
      assertTrue(output.contains("* unreachable < 1s: KO (actual "), output);
    }
  }
}
