package dev.redline.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.redline.measure.IntervalLogReader;
import dev.redline.measure.LatencyRecorder;
import dev.redline.measure.RequestSeries;
import dev.redline.measure.SecondListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Merges the runs of many injectors of one test into one companion report and one summary.json:
 * counts summed, percentiles from the sum of the histograms (exact to HDR precision, never
 * averaged), throughput over the union of the runs' measured time spans, reconnections and errors
 * by kind summed, the per-second charts combined second by second.
 *
 * <pre>
 * mvn -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.redline.report.MergeRuns \
 *     -Dexec.args="injector-1/run-folder injector-2/run-folder injector-3/run-folder --out merged"
 * </pre>
 *
 * A run folder is Gatling's (with Redline's {@code redline/} inside) or that {@code redline/}
 * folder itself. The merged folder can be merged again.
 */
public final class MergeRuns {
  private static final ObjectMapper JSON = new ObjectMapper();

  private MergeRuns() {}

  /** Why the runs could not be merged: the one line a user reads. */
  static final class CannotMerge extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CannotMerge(String reason) {
      super("Redline: cannot merge: " + reason, null, false, false);
    }

    @Override
    public String toString() {
      return getMessage();
    }
  }

  /**
   * Command line: run folders, then {@code --out <folder>}. A mistake is one line: an exception
   * without a stack trace, which {@code mvn exec:java} reports before its BUILD FAILURE.
   */
  public static void main(String[] args) {
    try {
      List<Path> runs = new ArrayList<>();
      Path out = null;
      for (int i = 0; i < args.length; i++) {
        if (args[i].equals("--out")) {
          if (i + 1 >= args.length) {
            throw new IllegalArgumentException("--out needs a folder");
          }
          out = Path.of(args[++i]);
        } else {
          runs.add(Path.of(args[i]));
        }
      }
      if (runs.isEmpty() || out == null) {
        throw new IllegalArgumentException("usage: MergeRuns <run folder>... --out <folder>");
      }
      Path index = merge(runs, out);
      System.out.println(
          "Redline merged report of " + runs.size() + " runs: " + index.toAbsolutePath().toUri());
    } catch (IllegalArgumentException | IOException | UncheckedIOException e) {
      throw new CannotMerge(e.getMessage());
    }
  }

  /** Merges the runs into {@code out}; returns the merged report's index.html. */
  public static Path merge(List<Path> runFolders, Path out) throws IOException {
    List<Run> runs = new ArrayList<>();
    for (Path folder : runFolders) {
      runs.add(Run.read(folder));
    }
    LatencyRecorder merged = new LatencyRecorder();
    Map<String, Map<Long, Map<String, Histogram>>> bySecond = new TreeMap<>();
    Map<String, SeriesFile.Entry> entries = new TreeMap<>();
    Map<String, Map<Long, Map<String, Long>>> errorsBySecond = new TreeMap<>();
    for (Run run : runs) {
      readIntervals(run.histograms, bySecond);
      for (SeriesFile.Entry entry : run.series) {
        entries.merge(entry.name(), entry, MergeRuns::addEntries);
        Map<Long, Map<String, Long>> seconds =
            errorsBySecond.computeIfAbsent(entry.name(), n -> new TreeMap<>());
        entry
            .errorsBySecond()
            .forEach(
                (t, kinds) ->
                    kinds.forEach(
                        (kind, n) ->
                            seconds
                                .computeIfAbsent(t, x -> new TreeMap<>())
                                .merge(kind, n, Long::sum)));
      }
    }
    for (SeriesFile.Entry entry : entries.values()) {
      RequestSeries series = merged.seriesFor(entry.name());
      if (entry.batch()) {
        series.markBatch();
      }
      Map<Long, Map<String, Long>> errors = errorsBySecond.getOrDefault(entry.name(), Map.of());
      // second by second, as the run itself sampled them: totals, time series and interval log
      // alike
      bySecond
          .getOrDefault(entry.name(), Map.of())
          .forEach(
              (second, h) ->
                  merged.addSecond(
                      new SecondListener.Second(
                          series,
                          second,
                          h.getOrDefault("ok", new Histogram(3)),
                          h.getOrDefault("ko", new Histogram(3)),
                          h.getOrDefault("ok_response", new Histogram(3)),
                          h.getOrDefault("wait", new Histogram(3)),
                          errors.getOrDefault(second, Map.of()))));
      series.addErrors(entry.errorsByKind(), entry.errorExamples());
    }
    RunFacts facts = facts(runs);
    Path index =
        CompanionReport.write(
            out,
            facts,
            merged,
            CommandCrossCheck.unavailable(
                "each injector's cross-check is in its own run folder (against one server, each also counts the others' commands);"
                    + " the merged sent_commands below are what all injectors sent together"));
    addMergeDetail(out.resolve("summary.json"), runs);
    return index;
  }

  private static SeriesFile.Entry addEntries(SeriesFile.Entry a, SeriesFile.Entry b) {
    Map<String, Long> errors = new TreeMap<>(a.errorsByKind());
    b.errorsByKind().forEach((kind, n) -> errors.merge(kind, n, Long::sum));
    Map<String, String> examples = new TreeMap<>(b.errorExamples());
    examples.putAll(a.errorExamples());
    return new SeriesFile.Entry(a.name(), a.batch() || b.batch(), errors, examples, Map.of());
  }

  private static void readIntervals(
      Optional<Path> log, Map<String, Map<Long, Map<String, Histogram>>> bySecond)
      throws IOException {
    if (log.isPresent()) { // a run that recorded nothing has no log
      IntervalLogReader.addTo(log.get(), bySecond);
    }
  }

  @SuppressWarnings("unchecked")
  private static RunFacts facts(List<Run> runs) {
    LinkedHashSet<String> apps = new LinkedHashSet<>();
    LinkedHashSet<String> instances = new LinkedHashSet<>();
    LinkedHashSet<String> workloads = new LinkedHashSet<>();
    LinkedHashSet<String> versions = new LinkedHashSet<>();
    LinkedHashSet<String> serverVersions = new LinkedHashSet<>();
    List<Map<String, Object>> settings = new ArrayList<>();
    long start = Long.MAX_VALUE;
    long end = 0;
    long measuredFrom = Long.MAX_VALUE;
    long reconnections = 0;
    double reconnectionMillis = 0;
    List<long[]> requestSpans = new ArrayList<>();
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (Run run : runs) {
      Map<String, Object> s = run.summary;
      Map<String, Object> detail = (Map<String, Object>) s.get("redline");
      apps.add(String.valueOf(s.get("app_name")));
      instances.add(String.valueOf(s.get("instance_id")));
      workloads.add(String.valueOf(s.get("workload_name")));
      versions.add(String.valueOf(s.get("version")));
      serverVersions.addAll((List<String>) detail.getOrDefault("server_versions", List.of()));
      settings.addAll((List<Map<String, Object>>) detail.getOrDefault("settings", List.of()));
      long runStart = millis(s.get("run_start"));
      long runEnd = millis(s.get("run_end"));
      long runMeasured = millis(detail.get("measured_from"));
      start = Math.min(start, runStart);
      end = Math.max(end, runEnd);
      measuredFrom = Math.min(measuredFrom, runMeasured);
      // the span in which requests ran; for a summary without it, measured start to end
      Map<String, Object> span = (Map<String, Object>) detail.get("request_span");
      long[] ran =
          span == null
              ? new long[] {runMeasured, runEnd}
              : new long[] {
                millis(span.get("first_request_start")), millis(span.get("last_request_end"))
              };
      requestSpans.add(ran);
      first = Math.min(first, ran[0]);
      last = Math.max(last, ran[1]);
      long n = ((Number) s.get("reconnection_count")).longValue();
      reconnections += n;
      reconnectionMillis += n * ((Number) s.get("avg_reconnection_duration_ms")).doubleValue();
    }
    return new RunFacts(
        String.join(", ", apps),
        String.join(", ", instances),
        "merged-" + java.util.UUID.randomUUID(),
        String.join(", ", versions),
        String.join(" + ", workloads),
        start,
        end,
        measuredFrom,
        settings,
        List.copyOf(serverVersions),
        reconnections,
        reconnections == 0 ? 0 : reconnectionMillis / reconnections,
        Optional.empty(),
        Map.of(),
        gaps(requestSpans, first, last),
        first <= last ? Optional.of(new long[] {first, last}) : Optional.empty());
  }

  /** The time between {@code from} and {@code to} that no span covers. */
  static long gaps(List<long[]> spans, long from, long to) {
    spans.sort((a, b) -> Long.compare(a[0], b[0]));
    long covered = 0;
    long reach = from;
    for (long[] span : spans) {
      long s = Math.max(span[0], reach);
      if (span[1] > s) {
        covered += span[1] - s;
        reach = span[1];
      }
    }
    return Math.max(0, (to - from) - covered);
  }

  private static long millis(Object epochSeconds) {
    return Math.round(((Number) epochSeconds).doubleValue() * 1000);
  }

  @SuppressWarnings("unchecked")
  private static void addMergeDetail(Path summaryFile, List<Run> runs) throws IOException {
    Map<String, Object> summary = JSON.readValue(summaryFile.toFile(), LinkedHashMap.class);
    Map<String, Object> detail = (Map<String, Object>) summary.get("redline");
    Map<String, Long> sent = new TreeMap<>();
    List<Map<String, Object>> merged = new ArrayList<>();
    double clientCpu = 0;
    double serverCpu = 0;
    List<String> verdicts = new ArrayList<>();
    for (Run run : runs) {
      Map<String, Object> s = run.summary;
      Map<String, Object> check =
          (Map<String, Object>)
              ((Map<String, Object>) s.get("redline")).get("commandstats_cross_check");
      for (Map<String, Object> row :
          (List<Map<String, Object>>) check.getOrDefault("commands", List.of())) {
        sent.merge(
            (String) row.get("command"),
            ((Number) row.get("sent_by_redline")).longValue(),
            Long::sum);
      }
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("folder", run.folder.toString());
      one.put("run_id", s.get("run_id"));
      one.put("instance_id", s.get("instance_id"));
      one.put("total_commands_count", s.get("total_commands_count"));
      Map<String, Object> limit =
          (Map<String, Object>) ((Map<String, Object>) s.get("redline")).get("limit");
      if (limit != null) {
        one.put("limit", limit.get("verdict"));
        one.put("limit_reasons", limit.get("reasons"));
        clientCpu += number(limit.get("client_cpu_seconds"));
        serverCpu = Math.max(serverCpu, number(limit.get("server_cpu_seconds")));
        verdicts.add(String.valueOf(limit.get("verdict")));
      }
      merged.add(one);
    }
    if (!verdicts.isEmpty()) {
      Map<String, Object> limit = new LinkedHashMap<>();
      limit.put(
          "verdict",
          verdicts.contains("server")
              ? "server"
              : verdicts.contains("load_generator")
                  ? "load_generator"
                  : verdicts.contains("neither") ? "neither" : "unknown");
      limit.put("per_injector", "see merged_runs: each injector's own verdict and reasons");
      limit.put("client_cpu_seconds", Math.round(clientCpu * 1000) / 1000.0);
      limit.put(
          "server_cpu_seconds",
          Math.round(serverCpu * 1000) / 1000.0); // every injector read the same servers
      detail.put("limit", limit);
    }
    detail.put("sent_commands", sent);
    detail.put("merged_runs", merged);
    JSON.enable(SerializationFeature.INDENT_OUTPUT).writeValue(summaryFile.toFile(), summary);
  }

  private static double number(Object value) {
    return value instanceof Number n ? n.doubleValue() : 0;
  }

  /** One run's files. */
  private record Run(
      Path folder,
      Map<String, Object> summary,
      Optional<Path> histograms,
      List<SeriesFile.Entry> series) {
    @SuppressWarnings("unchecked")
    static Run read(Path folder) throws IOException {
      Path redline =
          Files.isRegularFile(folder.resolve("summary.json")) ? folder : folder.resolve("redline");
      Path summary = redline.resolve("summary.json");
      Path series = redline.resolve(CompanionReport.MERGEABLE_SERIES);
      if (!Files.isRegularFile(summary) || !Files.isRegularFile(series)) {
        throw new IllegalArgumentException(
            folder
                + " is not a run folder of Redline (no redline/summary.json and "
                + CompanionReport.MERGEABLE_SERIES
                + "; runs before Redline wrote mergeable histograms cannot be merged)");
      }
      Path log = redline.resolve(CompanionReport.MERGEABLE_HISTOGRAMS);
      return new Run(
          folder,
          JSON.readValue(summary.toFile(), LinkedHashMap.class),
          Files.isRegularFile(log) ? Optional.of(log) : Optional.empty(),
          SeriesFile.read(JSON.readValue(series.toFile(), List.class)));
    }
  }
}
