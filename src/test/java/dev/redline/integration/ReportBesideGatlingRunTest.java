package dev.redline.integration;

import static org.junit.jupiter.api.Assertions.*;

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
 * Redline's report goes into the run folder Gatling writes, wherever {@code -rf} puts it when
 * {@code redline.results.dir} says the same folder, even a path with a space in it.
 */
@EndToEnd
class ReportBesideGatlingRunTest extends RedisServerTest {

  @Test
  void theReportGoesIntoGatlingsRunFolderWhereverItIs() throws Exception {
    Path results =
        Files.createTempDirectory(
                Files.createDirectories(Path.of("target", "gatling-forked")), "rf-")
            .resolve("my results");
    ForkedGatling.Result run =
        ForkedGatling.runInto(
            results,
            "dev.redline.simulations.BasicSimulation",
            List.of(
                "redline.redis.url=" + server.url(),
                "redline.test.duration=2s",
                "gatling.noReports=true"),
            Map.of(),
            Duration.ofMinutes(2));
    assertEquals(0, run.exitCode(), run.output());
    Path runFolder;
    try (Stream<Path> runs = Files.list(results)) {
      runFolder = runs.filter(Files::isDirectory).findFirst().orElseThrow();
    }
    assertTrue(Files.isRegularFile(runFolder.resolve("simulation.log")));
    assertTrue(
        Files.isRegularFile(runFolder.resolve("redline/summary.json")),
        "Redline's report in " + runFolder + ":\n" + run.output());
    assertTrue(
        run.output()
            .contains(runFolder.resolve("redline/index.html").toAbsolutePath().toUri().toString()),
        run.output());
  }
}
