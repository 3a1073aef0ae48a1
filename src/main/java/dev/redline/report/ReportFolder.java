package dev.redline.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds where the companion report goes: {@code <Gatling run folder>/redline/}. Gatling's results
 * folder is, in order: system property {@code redline.results.dir}, the {@code -rf} argument
 * Gatling was started with, else {@code target/gatling}. The run folder is the newest folder
 * there holding a {@code simulation.log} written since the run started. When none is found the
 * report goes to {@code target/redline/<run id>/}.
 */
public final class ReportFolder {
  private ReportFolder() {}

  /** The folder to write into (not yet created). */
  public static Path locate(long runStartMillis, String runId) {
    Path results = resultsFolder();
    return newestRunFolder(results, runStartMillis)
        .map(run -> run.resolve("redline"))
        .orElse(Path.of("target", "redline", runId));
  }

  /** Gatling's results folder for this run (see the class comment). */
  public static Path resultsFolder() {
    String property = System.getProperty("redline.results.dir");
    if (property != null && !property.isBlank()) {
      return Path.of(property);
    }
    // the JVM's own record of its main class and arguments (ProcessHandle's view of the command line
    // is cut short on Linux when the class path is long, as it is in the Gatling plugin's fork)
    String command = System.getProperty("sun.java.command", "");
    List<String> args = command.isBlank()
        ? ProcessHandle.current().info().arguments().map(List::of).orElse(List.of())
        : List.of(command.split(" "));
    for (int i = 0; i + 1 < args.size(); i++) {
      if (args.get(i).equals("-rf") || args.get(i).equals("--results-folder")) {
        return Path.of(args.get(i + 1));
      }
    }
    return Path.of("target", "gatling");
  }

  private static Optional<Path> newestRunFolder(Path results, long sinceMillis) {
    if (!Files.isDirectory(results)) {
      return Optional.empty();
    }
    try (Stream<Path> runs = Files.list(results)) {
      return runs.filter(run -> Files.isRegularFile(run.resolve("simulation.log")))
          .filter(run -> modifiedMillis(run.resolve("simulation.log")) >= sinceMillis - 2_000)
          .max(Comparator.comparingLong(run -> modifiedMillis(run.resolve("simulation.log"))));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static long modifiedMillis(Path file) {
    try {
      return Files.getLastModifiedTime(file).toMillis();
    } catch (IOException e) {
      return 0;
    }
  }
}
