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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;

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
    Map<String, String> hgrm = new LinkedHashMap<>(); // file -> the request and status it holds
    Set<String> taken = new HashSet<>(); // lower-cased: GET and get are one file on some disks
    for (RequestSeries series : recorder.series()) {
      writeHgrm(folder, series.name(), "ok", series.okHistogram(), hgrm, taken);
      writeHgrm(folder, series.name(), "ko", series.koHistogram(), hgrm, taken);
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

  /** The longest request part of a file name: a file name holds at most 255 bytes. */
  private static final int MAX_FILE_NAME = 120;

  /**
   * A request name as a file name: letters, digits, dot and dash as they are, every other character
   * as '_' and the hex of its UTF-8 bytes ({@code GET ü} is {@code GET_20_c3_bc}), so that two
   * names never give one file.
   */
  public static String fileName(String requestName, String status) {
    StringBuilder file = new StringBuilder();
    for (byte b : requestName.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '.'
          || c == '-') {
        file.append(c);
      } else {
        file.append('_').append(Character.forDigit((b >> 4) & 0xf, 16));
        file.append(Character.forDigit(b & 0xf, 16));
      }
    }
    if (file.length() > MAX_FILE_NAME) { // cut, with a checksum of the whole name
      CRC32 crc = new CRC32();
      crc.update(requestName.getBytes(StandardCharsets.UTF_8));
      file.setLength(MAX_FILE_NAME - 9);
      file.append('_').append(String.format(Locale.ROOT, "%08x", crc.getValue()));
    }
    return file.append('.').append(status).append(".hgrm").toString();
  }

  private static void writeHgrm(
      Path folder,
      String name,
      String status,
      org.HdrHistogram.Histogram histogram,
      Map<String, String> written,
      Set<String> taken)
      throws IOException {
    if (histogram.getTotalCount() == 0) {
      return;
    }
    String file = fileName(name, status);
    for (int n = 2; !taken.add(file.toLowerCase(Locale.ROOT)); n++) {
      file = fileName(name, status).replace(".hgrm", "~" + n + ".hgrm");
    }
    try (PrintStream out =
        new PrintStream(
            Files.newOutputStream(folder.resolve(file)), false, StandardCharsets.UTF_8)) {
      histogram.outputPercentileDistribution(out, 1000.0); // recorded in ns, written in µs
    }
    written.put(file, name + " " + status.toUpperCase(Locale.ROOT));
  }
}
