package dev.redline.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.redline.measure.LatencyRecorder;
import dev.redline.measure.RequestSeries;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes Redline's companion report into one folder: {@code index.html}, {@code summary.json}, one
 * HdrHistogram percentile file ({@code .hgrm}, values in µs) per request name and status, and the
 * run in mergeable form: {@code histograms.hlog} (every second's histograms, see {@link
 * IntervalLog}) and {@code series.json} (every request name's errors and per-second counts), which
 * {@link MergeRuns} adds up over many injectors.
 */
public final class CompanionReport {
  /** The interval log's file name. */
  public static final String MERGEABLE_HISTOGRAMS = "histograms.hlog";

  /** The per-request series' file name. */
  public static final String MERGEABLE_SERIES = "series.json";

  private CompanionReport() {}

  /**
   * What the report says beyond the run itself (its assertions, its comparison with a baseline): a
   * field of {@code summary.json}'s Redline detail each, an HTML section each (shown at the top),
   * and files of their own.
   *
   * @param summaryFields fields of the summary's {@code redline} detail
   * @param htmlSections sections of {@code index.html}, in order
   * @param files file name → content
   * @param requestFields per request name, fields of its entry in the summary's requests
   */
  public record Extras(
      Map<String, Object> summaryFields,
      List<String> htmlSections,
      Map<String, String> files,
      Map<String, Map<String, Object>> requestFields) {
    /** Nothing beyond the run. */
    public static final Extras NONE = new Extras(Map.of(), List.of(), Map.of(), Map.of());
  }

  /** Writes every file; returns the path of {@code index.html}. */
  public static Path write(
      Path folder, RunFacts facts, LatencyRecorder recorder, CommandCrossCheck crossCheck)
      throws IOException {
    return write(folder, facts, recorder, crossCheck, Extras.NONE);
  }

  /** Writes every file, with the extras; returns the path of {@code index.html}. */
  @SuppressWarnings("unchecked")
  public static Path write(
      Path folder,
      RunFacts facts,
      LatencyRecorder recorder,
      CommandCrossCheck crossCheck,
      Extras extras)
      throws IOException {
    Files.createDirectories(folder);
    Map<String, Object> summary = RunSummary.build(facts, recorder, crossCheck);
    Map<String, Object> detail = (Map<String, Object>) summary.get("redline");
    for (Map<String, Object> request : (List<Map<String, Object>>) detail.get("requests")) {
      request.putAll(extras.requestFields().getOrDefault(request.get("name"), Map.of()));
    }
    detail.putAll(extras.summaryFields());
    for (Map.Entry<String, String> file : extras.files().entrySet()) {
      Files.writeString(folder.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
    }
    new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(folder.resolve("summary.json").toFile(), summary);
    List<String> hgrm = new ArrayList<>();
    for (RequestSeries series : recorder.series()) {
      writeHgrm(folder, series.name(), "ok", series.okHistogram(), hgrm);
      writeHgrm(folder, series.name(), "ko", series.koHistogram(), hgrm);
    }
    recorder.intervalLog().copyTo(folder.resolve(MERGEABLE_HISTOGRAMS));
    new ObjectMapper()
        .writeValue(folder.resolve(MERGEABLE_SERIES).toFile(), SeriesFile.describe(recorder));
    Path index = folder.resolve("index.html");
    Files.writeString(
        index,
        HtmlReport.render(facts, recorder, crossCheck, summary, hgrm, extras.htmlSections()),
        StandardCharsets.UTF_8);
    return index;
  }

  /** A request name as a file name: letters, digits, dot, dash; the rest becomes '_'. */
  public static String fileName(String requestName, String status) {
    return requestName.replaceAll("[^A-Za-z0-9.-]", "_") + "." + status + ".hgrm";
  }

  private static void writeHgrm(
      Path folder,
      String name,
      String status,
      org.HdrHistogram.Histogram histogram,
      List<String> written)
      throws IOException {
    if (histogram.getTotalCount() == 0) {
      return;
    }
    String file = fileName(name, status);
    try (PrintStream out =
        new PrintStream(
            Files.newOutputStream(folder.resolve(file)), false, StandardCharsets.UTF_8)) {
      histogram.outputPercentileDistribution(out, 1000.0); // recorded in ns, written in µs
    }
    written.add(file);
  }
}
