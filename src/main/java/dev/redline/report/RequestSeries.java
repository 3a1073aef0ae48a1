package dev.redline.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Everything recorded for one request name: OK and KO latencies in nanoseconds (wait-free
 * HdrHistogram recorders), errors by kind, and one {@link SecondSample} per elapsed second.
 */
public final class RequestSeries {
  private static final int SIGNIFICANT_DIGITS = 3;

  private final String name;
  private final Recorder ok = new Recorder(SIGNIFICANT_DIGITS);
  private final Recorder ko = new Recorder(SIGNIFICANT_DIGITS);
  private final Map<String, LongAdder> errorsByKind = new ConcurrentHashMap<>();
  private final Map<String, String> firstMessageByKind = new ConcurrentHashMap<>();

  // below: touched only under the sampler's lock
  private final Histogram totalOk = new Histogram(SIGNIFICANT_DIGITS);
  private final Histogram totalKo = new Histogram(SIGNIFICANT_DIGITS);
  private final Map<String, Long> errorsAtLastSample = new java.util.HashMap<>();
  private final List<SecondSample> seconds = new ArrayList<>();
  private Histogram okInterval;
  private Histogram koInterval;

  private volatile boolean batch;

  RequestSeries(String name) {
    this.name = name;
  }

  /** True for a pipeline or transaction round trip (BATCH, MULTI/EXEC), false for a command. */
  public boolean isBatch() {
    return batch;
  }

  /** Marks this request name as a batch round trip (BATCH, MULTI/EXEC), not a command. */
  public void markBatch() {
    batch = true;
  }

  /** The request name. */
  public String name() {
    return name;
  }

  /** Records an OK request's latency. Wait-free. */
  public void recordOk(long nanos) {
    ok.recordValue(Math.max(1, nanos));
  }

  /** Records {@code count} OK requests of the same latency (the commands of one pipeline). Wait-free. */
  public void recordOk(long nanos, int count) {
    ok.recordValueWithCount(Math.max(1, nanos), count);
  }

  /** Records a KO request's latency and kind; the first message of each kind is kept. */
  public void recordKo(long nanos, String kind, String message) {
    ko.recordValue(Math.max(1, nanos));
    LongAdder count = errorsByKind.get(kind);
    if (count == null) {
      count = errorsByKind.computeIfAbsent(kind, k -> new LongAdder());
      firstMessageByKind.putIfAbsent(kind, message);
    }
    count.increment();
  }

  void recordKoMany(long count, String kind, String message) {
    ko.recordValueWithCount(1, count);
    firstMessageByKind.putIfAbsent(kind, message);
    errorsByKind.computeIfAbsent(kind, k -> new LongAdder()).add(count);
  }

  /** Moves what was recorded since the last sample into the totals and one time-series point. */
  synchronized void sample(long epochSecond) {
    okInterval = ok.getIntervalHistogram(okInterval);
    koInterval = ko.getIntervalHistogram(koInterval);
    totalOk.add(okInterval);
    totalKo.add(koInterval);
    Map<String, Long> errorsThisSecond = new java.util.TreeMap<>();
    errorsByKind.forEach((kind, adder) -> {
      long now = adder.sum();
      long before = errorsAtLastSample.getOrDefault(kind, 0L);
      if (now > before) {
        errorsThisSecond.put(kind, now - before);
      }
      errorsAtLastSample.put(kind, now);
    });
    if (okInterval.getTotalCount() > 0 || koInterval.getTotalCount() > 0) {
      seconds.add(new SecondSample(epochSecond, okInterval.getTotalCount(), koInterval.getTotalCount(),
          okInterval.getTotalCount() == 0 ? 0 : okInterval.getValueAtPercentile(50),
          okInterval.getTotalCount() == 0 ? 0 : okInterval.getValueAtPercentile(99),
          errorsThisSecond));
    }
  }

  /** OK latencies so far (ns), as of the last sample. */
  public synchronized Histogram okHistogram() {
    return totalOk.copy();
  }

  /** KO latencies so far (ns), as of the last sample. */
  public synchronized Histogram koHistogram() {
    return totalKo.copy();
  }

  /** Errors by kind (Gatling response code), as of now. */
  public Map<String, Long> errorsByKind() {
    Map<String, Long> copy = new java.util.TreeMap<>();
    errorsByKind.forEach((kind, adder) -> copy.put(kind, adder.sum()));
    return copy;
  }

  /** The first message seen for each error kind, as an example of what went wrong. */
  public Map<String, String> firstMessageByKind() {
    return new java.util.TreeMap<>(firstMessageByKind);
  }

  /** One point per second that saw traffic, oldest first. */
  public synchronized List<SecondSample> seconds() {
    return List.copyOf(seconds);
  }

  /**
   * What happened in one second of the run.
   *
   * @param epochSecond the second (epoch seconds) the point closes
   * @param ok OK requests in that second
   * @param ko KO requests in that second
   * @param p50Nanos OK median latency in that second
   * @param p99Nanos OK 99th percentile in that second
   * @param errorsByKind KOs in that second by kind
   */
  public record SecondSample(long epochSecond, long ok, long ko, long p50Nanos, long p99Nanos, Map<String, Long> errorsByKind) {}
}
