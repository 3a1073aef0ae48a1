package dev.redline.measure;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * Every second of every request name as an HdrHistogram interval log ({@code histograms.hlog}): one
 * compressed histogram (ns) per second, request name and kind ({@code ok}, {@code ko}, {@code
 * ok_response}, {@code wait}), tagged {@code <request name>|<kind>} and stamped with the second's
 * epoch time. Histograms add without loss, so the runs of many injectors merge into exact totals
 * and per-second percentiles ({@link MergeRuns}). Written to a temporary file as the run goes,
 * copied beside the report at the end.
 */
public final class IntervalLog {
  private Path file;
  private PrintStream out;
  private HistogramLogWriter writer;
  private boolean unavailable;

  /** Appends one second of one request name (empty histograms are left out). */
  synchronized void second(SecondListener.Second second) {
    if (!open()) {
      return;
    }
    String name = second.series().name();
    write(name, "ok", second.epochSecond(), second.ok());
    write(name, "ko", second.epochSecond(), second.ko());
    write(name, "ok_response", second.epochSecond(), second.okResponse());
    write(name, "wait", second.epochSecond(), second.waits());
  }

  private void write(String name, String kind, long epochSecond, Histogram histogram) {
    if (histogram.getTotalCount() == 0) {
      return;
    }
    String before = histogram.getTag();
    histogram.setTag(tag(name, kind));
    writer.outputIntervalHistogram(epochSecond - 1, epochSecond, histogram, 1e6);
    histogram.setTag(before);
  }

  /**
   * Opens the temporary file once; when it cannot be made the run goes on and its report is only
   * not mergeable (said once): false then.
   */
  private boolean open() {
    if (writer != null || unavailable) {
      return writer != null;
    }
    try {
      file = Files.createTempFile("redline-", ".hlog");
      try {
        file.toFile().deleteOnExit(); // for a run that never reaches discard()
      } catch (IllegalStateException shutdownInProgress) {
        // first written during a JVM shutdown (Ctrl+C): discard() deletes it after the report
      }
      out = new PrintStream(Files.newOutputStream(file), false, StandardCharsets.UTF_8);
    } catch (IOException | UncheckedIOException e) {
      unavailable = true;
      System.out.println(
          "Redline: cannot keep this run's histograms in mergeable form ("
              + e.getMessage()
              + "); the reports are whole, only MergeRuns will not take this run");
      return false;
    }
    writer = new HistogramLogWriter(out);
    writer.outputComment(
        "Redline interval log: values in ns, tag = URL-encoded request name | ok, ko, ok_response or wait");
    writer.outputLogFormatVersion();
    writer.outputBaseTime(0); // the stamps are epoch seconds
    writer.outputLegend();
    return true;
  }

  /** Copies the log so far to {@code target}; false when nothing was recorded. */
  public synchronized boolean copyTo(Path target) throws IOException {
    if (writer == null) {
      return false;
    }
    out.flush();
    // copied as content: the temporary file's owner-only permissions stay behind
    try (var in = Files.newInputStream(file);
        var copy = Files.newOutputStream(target)) {
      in.transferTo(copy);
    }
    return true;
  }

  /** Deletes the temporary file once the report holds its copy. */
  public synchronized void discard() {
    if (out != null) {
      out.close();
    }
    writer = null;
    unavailable = true;
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // a temporary file; the JVM's exit removes it where it can
      }
    }
  }

  /**
   * Every second logged so far, read back (request name → second → kind → histogram); empty when
   * nothing was logged.
   */
  public java.util.Map<String, java.util.Map<Long, java.util.Map<String, Histogram>>> readBack()
      throws IOException {
    Path copy = Files.createTempFile("redline-", ".hlog");
    try {
      return copyTo(copy) ? IntervalLogReader.read(copy) : java.util.Map.of();
    } finally {
      Files.deleteIfExists(copy);
    }
  }

  /** The tag of a request name's histogram of one kind. */
  static String tag(String requestName, String kind) {
    return URLEncoder.encode(requestName, StandardCharsets.UTF_8) + "|" + kind;
  }

  /** The request name of a tag. */
  static String requestName(String tag) {
    return URLDecoder.decode(tag.substring(0, tag.lastIndexOf('|')), StandardCharsets.UTF_8);
  }

  /** The kind of a tag. */
  static String kind(String tag) {
    return tag.substring(tag.lastIndexOf('|') + 1);
  }
}
