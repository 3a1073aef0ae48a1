package dev.redline.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * What one run measured, per request name and second, in the form two runs are compared in: the
 * seconds' OK and KO histograms (ns) and the span in which requests ran.
 *
 * @param requests per request name, its seconds in order
 * @param spanSeconds how long requests ran (the measured span)
 * @param batches the request names that are batch round trips (BATCH, MULTI/EXEC)
 */
public record RunMeasures(
    Map<String, List<Second>> requests, double spanSeconds, java.util.Set<String> batches) {

  /**
   * One second of one request name.
   *
   * @param epochSecond the second
   * @param ok OK service times (ns)
   * @param ko KO service times (ns)
   */
  public record Second(long epochSecond, Histogram ok, Histogram ko) {}

  /** From an interval log's seconds (request name → second → kind → histogram). */
  public static RunMeasures of(
      Map<String, Map<Long, Map<String, Histogram>>> bySecond,
      double spanSeconds,
      java.util.Set<String> batches) {
    Map<String, List<Second>> requests = new TreeMap<>();
    bySecond.forEach(
        (name, seconds) -> {
          List<Second> list = new ArrayList<>();
          seconds.forEach(
              (epochSecond, kinds) ->
                  list.add(
                      new Second(
                          epochSecond,
                          kinds.getOrDefault("ok", new Histogram(3)),
                          kinds.getOrDefault("ko", new Histogram(3)))));
          list.sort(java.util.Comparator.comparingLong(Second::epochSecond));
          requests.put(name, list);
        });
    return new RunMeasures(requests, Math.max(0.001, spanSeconds), java.util.Set.copyOf(batches));
  }

  /** All OK service times of a request name (ns). */
  public Histogram ok(String name) {
    Histogram all = new Histogram(3);
    requests.getOrDefault(name, List.of()).forEach(second -> all.add(second.ok()));
    return all;
  }

  /** How many KO requests a request name had. */
  public long ko(String name) {
    return requests.getOrDefault(name, List.of()).stream()
        .mapToLong(second -> second.ko().getTotalCount())
        .sum();
  }
}
