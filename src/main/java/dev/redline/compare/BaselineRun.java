package dev.redline.compare;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.config.ConfigError;
import dev.redline.measure.IntervalLogReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.HdrHistogram.Histogram;

/**
 * An earlier run to compare with, read from its files: a Gatling run folder holding {@code
 * redline/}, Redline's report folder, its {@code summary.json} or its {@code histograms.hlog} (a
 * merged run's folder too).
 */
public final class BaselineRun {
  private BaselineRun() {}

  /** The measures of the run at {@code path}, named where no setting says. */
  public static RunMeasures read(String path) {
    return read(path, "");
  }

  /**
   * The measures of the run at {@code path}.
   *
   * @param origin where the path was named (a setting and its layer), for the message; or empty
   * @throws ConfigError saying that the path does not exist, or what it lacks
   */
  @SuppressWarnings("unchecked")
  public static RunMeasures read(String path, String origin) {
    Path given = Path.of(path);
    if (!Files.exists(given)) {
      throw new ConfigError(
          "baseline '"
              + path
              + "'"
              + (origin.isEmpty() ? "" : " (from " + origin + ")")
              + " does not exist"
              + (given.isAbsolute() ? "" : " in " + Path.of("").toAbsolutePath())
              + ": name an earlier run's folder (target/gatling/<run>) or its redline folder");
    }
    Path folder =
        Files.isRegularFile(given)
            ? given.toAbsolutePath().getParent()
            : Files.isRegularFile(given.resolve("redline").resolve("summary.json"))
                ? given.resolve("redline")
                : given;
    Path log =
        given.getFileName() != null && given.toString().endsWith(".hlog")
            ? given
            : folder.resolve("histograms.hlog");
    if (!Files.isRegularFile(log)) {
      throw new ConfigError(
          "baseline '"
              + path
              + "' holds no histograms.hlog: name a run folder, Redline's report folder, its"
              + " summary.json or its histograms.hlog (runs before Redline kept mergeable histograms"
              + " cannot be compared)");
    }
    try {
      Map<String, Map<Long, Map<String, Histogram>>> bySecond = IntervalLogReader.read(log);
      Path summaryFile = folder.resolve("summary.json");
      double span;
      Set<String> batches = new HashSet<>();
      if (Files.isRegularFile(summaryFile)) {
        Map<String, Object> summary = new ObjectMapper().readValue(summaryFile.toFile(), Map.class);
        Map<String, Object> detail = (Map<String, Object>) summary.get("redline");
        if (detail == null || !(detail.get("duration_seconds") instanceof Number)) {
          throw new ConfigError(
              "baseline '"
                  + path
                  + "': "
                  + summaryFile
                  + " is not a summary Redline wrote (it has no redline.duration_seconds)");
        }
        span = ((Number) detail.get("duration_seconds")).doubleValue();
        for (Map<String, Object> request : (List<Map<String, Object>>) detail.get("requests")) {
          if ("batch".equals(request.get("type"))) {
            batches.add((String) request.get("name"));
          }
        }
      } else {
        span = secondsCovered(bySecond);
      }
      return RunMeasures.of(bySecond, span, batches);
    } catch (ConfigError e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      // one line: a parser's message can run over several, and some exceptions have none
      String why =
          e.getMessage() == null
              ? e.getClass().getSimpleName()
              : e.getMessage().lines().findFirst().orElse(e.getClass().getSimpleName());
      throw new ConfigError("baseline '" + path + "' cannot be read: " + why);
    }
  }

  private static double secondsCovered(Map<String, Map<Long, Map<String, Histogram>>> bySecond) {
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (Map<Long, Map<String, Histogram>> seconds : bySecond.values()) {
      for (long second : seconds.keySet()) {
        first = Math.min(first, second);
        last = Math.max(last, second);
      }
    }
    return first > last ? 1 : last - first + 1;
  }
}
