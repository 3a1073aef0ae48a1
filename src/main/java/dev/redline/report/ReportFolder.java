package dev.redline.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds where the companion report goes: {@code <Gatling run folder>/redline/}. The run folder is,
 * first, the one whose {@code simulation.log} Gatling holds open during the run (seen through
 * {@code /proc/self/fd} on Linux: exact whatever {@code -rf} or launcher started Gatling); else the
 * newest folder holding a {@code simulation.log} written since the run started in Gatling's results
 * folder, which is system property {@code redline.results.dir}, the {@code -rf} argument Gatling
 * was started with, or {@code target/gatling}. When none is found the report goes to {@code
 * target/redline/<run id>/}.
 */
public final class ReportFolder {
  private ReportFolder() {}

  /**
   * The folder to write into (not yet created), given the run folder seen open during the run, if
   * any.
   */
  public static Path locate(long runStartMillis, String runId, Optional<Path> seenRunFolder) {
    return seenRunFolder
        .filter(Files::isDirectory)
        .or(() -> newestRunFolder(resultsFolder(), runStartMillis))
        .map(run -> run.resolve("redline"))
        .orElse(Path.of("target", "redline", runId));
  }

  /**
   * The folder of the {@code simulation.log} this JVM has open now and has written since {@code
   * sinceMillis} (Gatling writes it during the run; a log a previous run in the same JVM left open
   * is older), the newest if several; read from {@code /proc/self/fd}, so empty elsewhere than on
   * Linux or when none is open.
   */
  public static Optional<Path> openRunFolder(long sinceMillis) {
    Path descriptors = Path.of("/proc/self/fd");
    if (!Files.isDirectory(descriptors)) {
      return Optional.empty();
    }
    try (Stream<Path> open = Files.list(descriptors)) {
      return open.map(ReportFolder::target)
          .filter(
              target ->
                  target != null
                      && target.getFileName() != null
                      && target.getFileName().toString().equals("simulation.log"))
          .filter(log -> modifiedMillis(log) >= sinceMillis - 2_000)
          .max(Comparator.comparingLong(ReportFolder::modifiedMillis))
          .map(Path::getParent);
    } catch (IOException | java.io.UncheckedIOException e) {
      return Optional.empty();
    }
  }

  private static Path target(Path descriptor) {
    try {
      return Files.readSymbolicLink(descriptor);
    } catch (IOException | UnsupportedOperationException e) {
      return null; // closed meanwhile
    }
  }

  /** Gatling's results folder for this run (see the class comment). */
  public static Path resultsFolder() {
    String property = System.getProperty("redline.results.dir");
    if (property != null && !property.isBlank()) {
      return Path.of(property);
    }
    // the JVM's own record of its main class and arguments (ProcessHandle's view of the command
    // line
    // is cut short on Linux when the class path is long, as it is in the Gatling plugin's fork)
    String command = System.getProperty("sun.java.command", "");
    List<String> args =
        command.isBlank()
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
