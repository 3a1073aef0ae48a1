package dev.redline.protocol;

import dev.redline.config.ConfigError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A run Redline refuses to start: a setting that cannot work, a server it cannot use. The user
 * reads one line (and a hint at most), not Gatling's "Run crashed" block and a stack trace printed
 * twice.
 *
 * <p>In Gatling's own launch (the JVM that {@code mvn gatling:test} forks, or {@code java
 * io.gatling.app.Gatling}) the line is printed, a Gatling run folder begun for this run is removed
 * (it holds no result), and the JVM exits with {@link #EXIT_CODE}. Anywhere else (a test, a
 * benchmark, an IDE running Gatling in its own JVM) the exception is thrown, as before.
 */
public final class RunRefusal {
  /**
   * The exit code of a refused run: Gatling's own for a failed run (2 means "assertions failed",
   * which the Gatling Maven plugin would say instead).
   */
  public static final int EXIT_CODE = 1;

  private RunRefusal() {}

  /** Runs a start-up step; a configuration or start-up error in it refuses the run. */
  public static <T> T guard(Supplier<T> step) {
    try {
      return step.get();
    } catch (ConfigError | RedlineStartupException e) {
      throw refuse(e, 0L);
    } catch (IllegalArgumentException e) {
      throw refuse(new ConfigError(e.getMessage()), 0L);
    }
  }

  /**
   * Refuses the run: in Gatling's own launch prints the error's message and exits; elsewhere
   * returns the error for the caller to throw.
   *
   * @param runStartMillis since when (epoch ms) a Gatling run folder may have been begun for this
   *     run (one newer than this, without a report, holds no result and is removed), or 0 when none
   *     can exist yet
   */
  public static RuntimeException refuse(RuntimeException error, long runStartMillis) {
    if (!dev.redline.config.RunControl.isGatlingsOwnJvm()) {
      return error;
    }
    System.out.flush();
    System.err.println(error.getMessage() != null ? error.getMessage() : error.toString());
    System.err.flush();
    if (runStartMillis > 0) {
      removeRunFolders(runStartMillis);
    }
    Runtime.getRuntime().halt(EXIT_CODE);
    return error; // not reached
  }

  /**
   * Gatling run folders begun since {@code sinceMillis} and without a report: they would look like
   * results. Gatling's data writer makes its folder as it starts, a moment after the stats engine
   * exists, so this waits up to a second for it.
   */
  private static void removeRunFolders(long sinceMillis) {
    Path results = dev.redline.report.ReportFolder.resultsFolder();
    long deadline = System.nanoTime() + 1_000_000_000L;
    do {
      if (Files.isDirectory(results)) {
        try (Stream<Path> runs = Files.list(results)) {
          List<Path> begun =
              runs.filter(
                      run ->
                          Files.isRegularFile(run.resolve("simulation.log"))
                              && !Files.exists(run.resolve("index.html")))
                  .filter(run -> modifiedMillis(run) >= sinceMillis - 2_000)
                  .toList();
          if (!begun.isEmpty()) {
            begun.forEach(RunRefusal::delete);
            return;
          }
        } catch (IOException e) {
          return;
        }
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        return;
      }
    } while (System.nanoTime() < deadline);
  }

  private static long modifiedMillis(Path path) {
    try {
      return Files.getLastModifiedTime(path).toMillis();
    } catch (IOException e) {
      return 0;
    }
  }

  private static void delete(Path folder) {
    try (Stream<Path> all = Files.walk(folder)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort
    }
  }
}
