package dev.redline.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redline.testing.EndToEnd;
import dev.redline.testing.GatlingRun;
import dev.redline.testing.RedisServerTest;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Redline is a guest in a JVM that is not its own: a simulation run from a JUnit test (Gatling in
 * the test's JVM) and from a plain main that calls Gatling both end normally with both reports, and
 * the JVM that ran them is left as it was: no Redline thread runs on, nothing ends it.
 */
@EndToEnd
class EmbeddingTest extends RedisServerTest {

  @Test
  void aJUnitTestRunsASimulationAndGoesOn() throws Exception {
    GatlingRun.Result run =
        GatlingRun.runSimulation(
            "dev.redline.simulations.BasicSimulation",
            Map.of("redline.url", server.url(), "redline.test.duration", "2s"));

    assertEquals(0, run.exitCode(), "the simulation's assertions held");
    Path report = run.reportFolder();
    assertTrue(Files.isRegularFile(report.resolve("index.html")), "Gatling's report");
    assertTrue(Files.isRegularFile(report.resolve("redline/index.html")), "Redline's report");
    List<String> leftRunning =
        Thread.getAllStackTraces().keySet().stream()
            .filter(Thread::isAlive)
            .map(Thread::getName)
            .filter(name -> name.startsWith("redline-") && !name.equals("redline-graceful-stop"))
            .toList();
    assertEquals(List.of(), leftRunning, "Redline threads still running after the run");
  }

  @Test
  void aPlainMainRunsASimulationAndEndsNormally() throws Exception {
    Path results =
        Files.createTempDirectory(
            Files.createDirectories(Path.of("target", "gatling-main")), "run-");
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "--add-opens=java.base/java.lang=ALL-UNNAMED", // Gatling's own need, as its plugin
            // gives
            "-Dredline.url=" + server.url(),
            "-Dredline.test.duration=2s",
            "-cp",
            classpath(),
            "dev.redline.simulations.LaunchFromMain",
            results.toAbsolutePath().toString());
    Process main = new ProcessBuilder(command).redirectErrorStream(true).start();
    main.getOutputStream().close();
    String output = new String(main.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(main.waitFor(2, TimeUnit.MINUTES), "the main ended");

    assertEquals(0, main.exitValue(), output);
    Path run;
    try (Stream<Path> runs = Files.list(results)) {
      run = runs.filter(Files::isDirectory).findFirst().orElseThrow();
    }
    assertTrue(Files.isRegularFile(run.resolve("index.html")), "Gatling's report:\n" + output);
    assertTrue(Files.isRegularFile(run.resolve("redline/summary.json")), "Redline's:\n" + output);
    assertFalse(output.contains("shutting down"), "a normal end is not a stop:\n" + output);
  }

  private static String classpath() {
    String all =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return Arrays.stream(all.split(File.pathSeparator))
        .filter(e -> e.endsWith(".jar") || e.endsWith("classes") || e.endsWith("classes/"))
        .collect(Collectors.joining(File.pathSeparator));
  }
}
