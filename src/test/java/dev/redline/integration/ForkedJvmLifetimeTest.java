package dev.redline.integration;

import static org.junit.jupiter.api.Assertions.*;

import dev.redline.testing.EndToEnd;
import dev.redline.testing.ForkedGatling;
import dev.redline.testing.RedisServerTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Stopping a run early ends it the way maxDuration does, with both reports, and never by ending the
 * JVM from inside: SIGTERM and Ctrl+C (the JVM's shutdown hooks hold it until Gatling has written
 * its report), and the process that started the run going away (Maven, here a shell standing in for
 * it): the load stops, both reports are written and Gatling ends its JVM as after any run.
 */
@EndToEnd
class ForkedJvmLifetimeTest extends RedisServerTest {

  @Test
  void theLoadGeneratorEndsWhenItsParentIsKilled() throws Exception {
    Path log = Files.createTempFile("redline-orphan", ".log");
    String java =
        ForkedGatling.javaCommand(
            "dev.redline.simulations.WorkloadSimulation",
            List.of("redline.redis.url=" + server.url(), "redline.test.duration=120s"));
    // the shell stays the JVM's parent ("; true" keeps it from exec-ing java), as Maven does
    Process parent = new ProcessBuilder("bash", "-c", java + " > " + log + " 2>&1; true").start();
    try {
      ProcessHandle jvm = awaitChild(parent.toHandle());
      long deadline = System.nanoTime() + 30_000_000_000L;
      while (!Files.readString(log).contains("Redline: using Redis")
          && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertTrue(
          Files.readString(log).contains("Redline: using Redis"),
          "the load started:\n" + Files.readString(log));

      Thread.sleep(2_000); // some load to report
      parent.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      long killed = System.nanoTime();
      boolean ended =
          jvm.onExit().completeOnTimeout(null, 15, TimeUnit.SECONDS).join() != null
              || !jvm.isAlive();
      long millis = (System.nanoTime() - killed) / 1_000_000;
      String output = Files.readString(log);
      assertTrue(ended && !jvm.isAlive(), "the JVM outlived its parent by more than 15 s");
      assertTrue(millis < 10_500, "the JVM ended " + millis + " ms after its parent");
      assertTrue(output.contains("has ended: stopping the load"), output);
      assertTrue(output.contains("Redline report: "), output);
      assertEveryRedlineFileWritten(output);
      assertTrue(
          output.contains("Reports generated"), "Gatling's report was written too:\n" + output);
    } finally {
      parent.descendants().forEach(ProcessHandle::destroyForcibly);
      parent.destroyForcibly();
    }
  }

  @Test
  void sigtermEndsTheRunWithinTenSecondsWithBothReports() throws Exception {
    Path log = Files.createTempFile("redline-sigterm", ".log");
    String java =
        ForkedGatling.javaCommand(
            "dev.redline.simulations.WorkloadSimulation",
            List.of("redline.redis.url=" + server.url(), "redline.test.duration=120s"));
    Process jvm =
        new ProcessBuilder("bash", "-c", "exec " + java)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      long deadline = System.nanoTime() + 30_000_000_000L;
      while (!Files.readString(log).contains("Redline: using Redis")
          && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      Thread.sleep(2_000); // some load to report
      jvm.destroy(); // SIGTERM
      long signalled = System.nanoTime();
      assertTrue(jvm.waitFor(15, TimeUnit.SECONDS), "the JVM ended after SIGTERM");
      long millis = (System.nanoTime() - signalled) / 1_000_000;
      String output = Files.readString(log);
      assertTrue(millis < 10_500, "SIGTERM ended the JVM in " + millis + " ms");
      assertTrue(
          output.contains("the JVM is shutting down") && output.contains("Redline report: "),
          output);
      assertEveryRedlineFileWritten(output);
      assertTrue(
          output.contains("Reports generated"), "Gatling's report was written too:\n" + output);
    } finally {
      jvm.destroyForcibly();
    }
  }

  @Test
  void ctrlCDuringAnOutageEndsTheRunPromptlyWithBothReports() throws Exception {
    Path log = Files.createTempFile("redline-sigint", ".log");
    try (dev.redline.testing.TestRedisServer doomed = dev.redline.testing.TestRedisServer.start()) {
      String java =
          ForkedGatling.javaCommand(
              "dev.redline.simulations.WorkloadSimulation",
              List.of(
                  "redline.redis.url=" + doomed.url(),
                  "redline.test.duration=unlimited",
                  "redline.test.threads_per_client=2"));
      // env --default-signal: a run started in the background inherits SIGINT ignored (bash does
      // that to
      // background jobs), and a JVM started with SIGINT ignored keeps ignoring it; a terminal's
      // Ctrl+C is not
      Process jvm =
          new ProcessBuilder("bash", "-c", "exec env --default-signal=INT " + java)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      try {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!Files.readString(log).contains("Redline: using Redis")
            && System.nanoTime() < deadline) {
          Thread.sleep(100);
        }
        Thread.sleep(2_000);
        doomed.kill(); // the outage
        Thread.sleep(2_000);
        new ProcessBuilder("kill", "-INT", Long.toString(jvm.pid())).start().waitFor(); // Ctrl+C
        long signalled = System.nanoTime();
        assertTrue(jvm.waitFor(20, TimeUnit.SECONDS), "the JVM ended after SIGINT");
        long millis = (System.nanoTime() - signalled) / 1_000_000;
        String output = Files.readString(log);
        assertTrue(
            millis < 12_000,
            "SIGINT during the outage ended the JVM in " + millis + " ms:\n" + output);
        assertTrue(
            output.contains("the JVM is shutting down") && output.contains("Redline report: "),
            output);
        assertTrue(output.contains("CONNECTION"), "the outage was seen:\n" + output);
        assertEveryRedlineFileWritten(output);
        assertTrue(
            output.contains("Reports generated"), "Gatling's report was written too:\n" + output);
      } finally {
        jvm.destroyForcibly();
      }
    }
  }

  /**
   * Ctrl+C in a terminal reaches Maven and its forked JVM together, and Maven returns at once: the
   * JVM, with its parent gone and in the middle of Gatling's report step, still writes Gatling's
   * report before it ends.
   */
  @Test
  void ctrlCDuringGatlingsReportStepWithMavenGoneKeepsGatlingsReport() throws Exception {
    Path log = Files.createTempFile("redline-report-step", ".log");
    Path results =
        Files.createTempDirectory(
            Files.createDirectories(Path.of("target", "gatling-forked")), "rs-");
    String java =
        ForkedGatling.javaCommand(
                "dev.redline.simulations.WorkloadSimulation",
                List.of(
                    "redline.redis.url=" + server.url(),
                    "redline.test.duration=8s",
                    "redline.test.workload.profile=high_throughput",
                    "redline.test.client_instances=2"))
            .replaceAll("'-rf' '[^']*'", "'-rf' '" + results.toAbsolutePath() + "'")
            .replaceAll(
                "'-Dredline.results.dir=[^']*'",
                "'-Dredline.results.dir=" + results.toAbsolutePath() + "'");
    // the shell stays the JVM's parent ("; true" keeps it from exec-ing java), as Maven does
    Process shell =
        new ProcessBuilder(
                "bash", "-c", "env --default-signal=INT " + java + " > " + log + " 2>&1; true")
            .start();
    try {
      ProcessHandle jvm = awaitChild(shell.toHandle());
      long deadline = System.nanoTime() + 60_000_000_000L;
      while (!Files.readString(log).contains("Parsing log file(s)...")
          && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertTrue(Files.readString(log).contains("Parsing log file(s)..."), Files.readString(log));
      new ProcessBuilder("kill", "-INT", Long.toString(jvm.pid())).start().waitFor(); // Ctrl+C
      shell.destroyForcibly(); // Maven returns at once
      assertTrue(
          jvm.onExit().completeOnTimeout(null, 60, TimeUnit.SECONDS).join() != null
              || !jvm.isAlive(),
          "the JVM ended");
      String output = Files.readString(log);
      assertEveryRedlineFileWritten(output);
      assertTrue(output.contains("Reports generated"), "Gatling's report was written:\n" + output);
      assertTrue(
          output.contains("while Gatling writes its report"), "the user is told:\n" + output);
      try (Stream<Path> runs = Files.list(results)) {
        Path run = runs.filter(Files::isDirectory).findFirst().orElseThrow();
        assertTrue(Files.isRegularFile(run.resolve("index.html")), output);
        assertTrue(Files.isRegularFile(run.resolve("redline/index.html")), output);
      }
    } finally {
      shell.descendants().forEach(ProcessHandle::destroyForcibly);
    }
  }

  /**
   * Redline's report was written and nothing says otherwise: a shutdown under way once made Redline
   * print "could not write the companion report: ... Shutdown in progress" although it had.
   */
  private static void assertEveryRedlineFileWritten(String output) {
    assertTrue(output.contains("Redline report: "), output);
    assertFalse(output.contains("could not write"), output);
    assertFalse(output.contains("Shutdown in progress"), output);
  }

  private static ProcessHandle awaitChild(ProcessHandle parent) throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      Optional<ProcessHandle> child = parent.children().findFirst();
      if (child.isPresent()) {
        return child.get();
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the shell started no JVM");
  }
}
