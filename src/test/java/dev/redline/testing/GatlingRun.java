package dev.redline.testing;

import dev.redline.measure.LatencyRecorder;
import dev.redline.protocol.RedlineRun;
import io.gatling.app.InProcessGatling;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ProtocolBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Runs Gatling in the test's JVM on a {@link PlannedSimulation}, and returns what came out. */
public final class GatlingRun {

  /** The outcome of one run. */
  public record Result(int exitCode, long wallMillis, Path resultsFolder, RedlineRun redline) {

    /** The run's microsecond recorder. */
    public LatencyRecorder recorder() {
      return redline.recorder();
    }

    /** The folder of Gatling's report (the only run folder in the results folder). */
    /** The {@code redline} object of the run's summary.json (Redline's companion report). */
    public com.fasterxml.jackson.databind.JsonNode summary() throws IOException {
      return new com.fasterxml.jackson.databind.ObjectMapper()
          .readTree(redline.reportIndex().orElseThrow().resolveSibling("summary.json").toFile())
          .path("redline");
    }

    public Path reportFolder() throws IOException {
      try (Stream<Path> runs = Files.list(resultsFolder)) {
        return runs.filter(Files::isDirectory)
            .max(Comparator.naturalOrder())
            .orElseThrow(() -> new IllegalStateException("no run folder in " + resultsFolder));
      }
    }
  }

  private GatlingRun() {}

  /**
   * Every message of an error and its causes, joined with " | " (what a user would read of a failed
   * start).
   */
  public static String messages(Throwable error) {
    StringBuilder all = new StringBuilder();
    for (Throwable c = error; c != null; c = c.getCause()) {
      all.append(c.getMessage()).append(" | ");
    }
    return all.toString();
  }

  /** Runs a simulation class with the given system properties set for the run, with reports. */
  public static synchronized Result runSimulation(
      String simulationClass, java.util.Map<String, String> properties) throws IOException {
    Path results = Files.createDirectories(Path.of("target", "gatling-it"));
    Path folder = Files.createTempDirectory(results, "run-");
    Optional<RedlineRun> before = ObservedRuns.lastStarted();
    properties.forEach(System::setProperty);
    System.setProperty("redline.results.dir", folder.toAbsolutePath().toString());
    long start = System.nanoTime();
    int exit;
    try {
      exit =
          InProcessGatling.run(
              new String[] {"-s", simulationClass, "-rf", folder.toAbsolutePath().toString()});
    } finally {
      properties.keySet().forEach(System::clearProperty);
      System.clearProperty("redline.results.dir");
    }
    long wall = (System.nanoTime() - start) / 1_000_000;
    RedlineRun run =
        ObservedRuns.lastStarted().filter(r -> before.isEmpty() || r != before.get()).orElse(null);
    return new Result(exit, wall, folder, run);
  }

  /** Runs the populations against the protocol, without Gatling's HTML report. */
  public static Result run(
      ProtocolBuilder protocol, Duration maxDuration, PopulationBuilder... populations)
      throws IOException {
    return run(protocol, maxDuration, false, populations);
  }

  /**
   * Runs the populations against the protocol; {@code reports} also writes Gatling's HTML report.
   */
  public static Result run(
      ProtocolBuilder protocol,
      Duration maxDuration,
      boolean reports,
      PopulationBuilder... populations)
      throws IOException {
    return run(List.of(protocol), maxDuration, reports, 0, populations);
  }

  /**
   * Runs the populations through Gatling's throttle at {@code rps} requests per second for {@code
   * duration}.
   */
  public static Result runThrottled(
      ProtocolBuilder protocol, Duration duration, int rps, PopulationBuilder... populations)
      throws IOException {
    return run(List.of(protocol), duration, false, rps, populations);
  }

  /**
   * Runs the populations against several protocols (Redis beside HTTP); {@code reports} also writes
   * Gatling's HTML report.
   */
  public static synchronized Result run(
      List<ProtocolBuilder> protocols,
      Duration maxDuration,
      boolean reports,
      int throttleRps,
      PopulationBuilder... populations)
      throws IOException {
    return run(() -> protocols, maxDuration, reports, throttleRps, () -> List.of(populations));
  }

  /**
   * The same with protocols and populations built inside the simulation, as Gatling builds a
   * simulation's (some of Gatling's DSL works only there: its HTTP protocol, session functions).
   */
  public static synchronized Result run(
      java.util.function.Supplier<List<ProtocolBuilder>> protocols,
      Duration maxDuration,
      boolean reports,
      int throttleRps,
      java.util.function.Supplier<List<PopulationBuilder>> populations)
      throws IOException {
    Path results = Files.createDirectories(Path.of("target", "gatling-it"));
    Path folder = Files.createTempDirectory(results, "run-");
    PlannedSimulation.next =
        new PlannedSimulation.Plan(populations, protocols, maxDuration, throttleRps);
    System.setProperty("redline.results.dir", folder.toAbsolutePath().toString());
    Optional<RedlineRun> before = ObservedRuns.lastStarted();
    long start = System.nanoTime();
    int exit;
    try {
      String[] args =
          reports
              ? new String[] {
                "-s", PlannedSimulation.class.getName(), "-rf", folder.toAbsolutePath().toString()
              }
              : new String[] {
                "-s",
                PlannedSimulation.class.getName(),
                "-rf",
                folder.toAbsolutePath().toString(),
                "-nr"
              };
      exit = InProcessGatling.run(args);
    } finally {
      PlannedSimulation.next = null;
      System.clearProperty("redline.results.dir");
    }
    long wall = (System.nanoTime() - start) / 1_000_000;
    RedlineRun run =
        ObservedRuns.lastStarted().filter(r -> before.isEmpty() || r != before.get()).orElse(null);
    return new Result(exit, wall, folder, run);
  }
}
