package dev.redline.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the companion report goes: {@code <Gatling run folder>/redline/}, beside Gatling's own.
 * Gatling does not tell a protocol where it writes, so the run folder is found in Gatling's results
 * folder (system property {@code redline.results.dir}, else {@code target/gatling}, the Gatling
 * Maven plugin's default): the one folder whose {@code simulation.log} was written during this run
 * and that holds no report yet (Gatling writes its report after Redline's). When there is no such
 * folder, or more than one (runs at the same time in one results folder), the report goes to {@code
 * target/redline/<run id>/}.
 */
public final class ReportFolder {
  private ReportFolder() {}

  /** The folder to write into (not yet created). */
  public static Path locate(long runStartMillis, String runId) {
    List<Path> candidates = runFoldersWrittenSince(resultsFolder(), runStartMillis);
    return candidates.size() == 1
        ? candidates.get(0).resolve("redline")
        : Path.of("target", "redline", runId);
  }

  /** Gatling's results folder (see the class comment). */
  public static Path resultsFolder() {
    String property = System.getProperty("redline.results.dir");
    return property != null && !property.isBlank()
        ? Path.of(property)
        : Path.of("target", "gatling");
  }

  private static List<Path> runFoldersWrittenSince(Path results, long sinceMillis) {
    if (!Files.isDirectory(results)) {
      return List.of();
    }
    try (Stream<Path> runs = Files.list(results)) {
      return runs.filter(run -> Files.isRegularFile(run.resolve("simulation.log")))
          .filter(run -> !Files.exists(run.resolve("index.html")))
          .filter(run -> modifiedMillis(run.resolve("simulation.log")) >= sinceMillis - 2_000)
          .toList();
    } catch (IOException e) {
      return List.of();
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
