package dev.redline.measure;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

/** Reads a run's {@code histograms.hlog} ({@link IntervalLog}) back into per-second histograms. */
public final class IntervalLogReader {
  private IntervalLogReader() {}

  /**
   * Every second of every request name: request name → epoch second → kind ({@code ok}, {@code ko},
   * {@code ok_response}, {@code wait}) → histogram (ns), seconds in order.
   */
  public static Map<String, Map<Long, Map<String, Histogram>>> read(Path log) throws IOException {
    Map<String, Map<Long, Map<String, Histogram>>> bySecond = new TreeMap<>();
    addTo(log, bySecond);
    return bySecond;
  }

  /** Adds every second of the log to {@code bySecond} (the seconds of several runs add up). */
  public static void addTo(Path log, Map<String, Map<Long, Map<String, Histogram>>> bySecond)
      throws IOException {
    HistogramLogReader reader = new HistogramLogReader(log.toFile());
    EncodableHistogram next;
    while ((next = reader.nextIntervalHistogram()) != null) {
      Histogram histogram = (Histogram) next;
      String name = IntervalLog.requestName(histogram.getTag());
      String kind = IntervalLog.kind(histogram.getTag());
      long second = Math.round(histogram.getEndTimeStamp() / 1000.0);
      bySecond
          .computeIfAbsent(name, n -> new TreeMap<>())
          .computeIfAbsent(second, s -> new TreeMap<>())
          .computeIfAbsent(kind, k -> new Histogram(3))
          .add(histogram);
    }
  }
}
