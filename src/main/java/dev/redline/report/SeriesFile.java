package dev.redline.report;

import dev.redline.measure.LatencyRecorder;
import dev.redline.measure.RequestSeries;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code series.json}: what a run's interval log cannot hold, per request name — whether it is a
 * batch, its errors by kind with an example message each, and its per-second OK, KO and errors — so
 * that {@link MergeRuns} can rebuild and add up every series.
 */
final class SeriesFile {
  private SeriesFile() {}

  /** The file's content for a recorder. */
  static List<Map<String, Object>> describe(LatencyRecorder recorder) {
    List<Map<String, Object>> all = new ArrayList<>();
    for (RequestSeries series : recorder.series()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("name", series.name());
      entry.put("batch", series.isBatch());
      entry.put("errors_by_kind", series.errorsByKind());
      entry.put("error_examples", series.firstMessageByKind());
      List<Map<String, Object>> seconds = new ArrayList<>();
      for (RequestSeries.SecondSample s : series.seconds()) {
        Map<String, Object> second = new LinkedHashMap<>();
        second.put("t", s.epochSecond());
        second.put("ok", s.ok());
        second.put("ko", s.ko());
        second.put("errors", s.errorsByKind());
        seconds.add(second);
      }
      entry.put("seconds", seconds);
      all.add(entry);
    }
    return all;
  }

  /** One request name as read back from a file. */
  record Entry(
      String name,
      boolean batch,
      Map<String, Long> errorsByKind,
      Map<String, String> errorExamples,
      Map<Long, Map<String, Long>> errorsBySecond) {}

  /** Reads a file's entries. */
  @SuppressWarnings("unchecked")
  static List<Entry> read(List<Map<String, Object>> content) {
    List<Entry> entries = new ArrayList<>();
    for (Map<String, Object> e : content) {
      Map<String, Long> errors = new TreeMap<>();
      ((Map<String, Number>) e.get("errors_by_kind"))
          .forEach((k, v) -> errors.put(k, v.longValue()));
      Map<Long, Map<String, Long>> bySecond = new TreeMap<>();
      for (Map<String, Object> s : (List<Map<String, Object>>) e.get("seconds")) {
        Map<String, Long> kinds = new TreeMap<>();
        ((Map<String, Number>) s.get("errors")).forEach((k, v) -> kinds.put(k, v.longValue()));
        bySecond.put(((Number) s.get("t")).longValue(), kinds);
      }
      entries.add(
          new Entry(
              (String) e.get("name"),
              (Boolean) e.get("batch"),
              errors,
              (Map<String, String>) e.get("error_examples"),
              bySecond));
    }
    return entries;
  }
}
