package dev.redline.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Everything recorded for one request name: OK and KO service times in nanoseconds (wait-free
 * HdrHistogram recorders), errors by kind, and one {@link SecondSample} per elapsed second.
 *
 * <p>Service time runs from the moment the worker starts the request to its reply. A request can
 * also wait before that: for its worker (users queued behind others on a busy worker, an open
 * injection faster than the workers), for the throttle's slot, or in a backoff during an outage.
 * That wait is recorded apart, and so is the response time (wait + service) of OK requests, so that
 * a backlog never hides behind fast service times (coordinated omission). Nothing is recorded while
 * the run's {@link MeasuringWindow} is still closed (warm-up).
 */
public final class RequestSeries {
  private static final int SIGNIFICANT_DIGITS = 3;

  private final String name;
  private final Recorder ok = new Recorder(SIGNIFICANT_DIGITS);
  private final Recorder ko = new Recorder(SIGNIFICANT_DIGITS);
  private final Recorder okResponse = new Recorder(SIGNIFICANT_DIGITS);
  private final Recorder wait = new Recorder(SIGNIFICANT_DIGITS);
  private final MeasuringWindow window;
  private final Map<String, LongAdder> errorsByKind = new ConcurrentHashMap<>();
  private final Map<String, String> firstMessageByKind = new ConcurrentHashMap<>();

  // below: touched only under the sampler's lock
  private final Histogram totalOk = new Histogram(SIGNIFICANT_DIGITS);
  private final Histogram totalKo = new Histogram(SIGNIFICANT_DIGITS);
  private final Histogram totalOkResponse = new Histogram(SIGNIFICANT_DIGITS);
  private final Histogram totalWait = new Histogram(SIGNIFICANT_DIGITS);
  private final Map<String, Long> errorsAtLastSample = new java.util.HashMap<>();
  private final List<SecondSample> seconds = new ArrayList<>();
  private Histogram okInterval;
  private Histogram koInterval;
  private Histogram okResponseInterval;
  private Histogram waitInterval;

  private volatile boolean batch;
  private volatile String command;

  RequestSeries(String name, MeasuringWindow window) {
    this.name = name;
    this.window = window;
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

  /**
   * The Redis command this request name sends, as the server names it ({@code get}), or null for a
   * batch round trip or a name used for several commands.
   */
  public String command() {
    return command;
  }

  /** Says which command this request name sends (the first action to use the name decides). */
  public void sends(String serverCommandName) {
    if (command == null) {
      command = serverCommandName;
    }
  }

  /**
   * Records an OK latency that has no due time of its own (a pipeline's amortized command, a
   * pub/sub delivery): no wait and no response time. Wait-free.
   *
   * @return false when nothing was recorded (warm-up)
   */
  public boolean recordOk(long nanos) {
    if (!window.isOpen()) {
      return false;
    }
    ok.recordValue(Math.max(1, nanos));
    return true;
  }

  /**
   * Records an OK request: its service time, and the time it waited before its worker started it.
   * Wait-free.
   *
   * @return false when nothing was recorded (warm-up)
   */
  public boolean recordOk(long nanos, long waitNanos) {
    if (!window.isOpen()) {
      return false;
    }
    ok.recordValue(Math.max(1, nanos));
    okResponse.recordValue(Math.max(1, nanos + waitNanos));
    wait.recordValue(waitNanos);
    return true;
  }

  /**
   * Records {@code count} OK requests of the same service time (the commands of one pipeline, whose
   * wait is their round trip's, recorded under the batch). Wait-free.
   *
   * @return false when nothing was recorded (warm-up)
   */
  public boolean recordOkMany(long nanos, int count) {
    if (!window.isOpen()) {
      return false;
    }
    ok.recordValueWithCount(Math.max(1, nanos), count);
    return true;
  }

  /**
   * Records a KO latency that has no due time of its own, and its kind; the first message of each
   * kind is kept.
   *
   * @return false when nothing was recorded (warm-up)
   */
  public boolean recordKo(long nanos, String kind, String message) {
    if (!window.isOpen()) {
      return false;
    }
    ko.recordValue(Math.max(1, nanos));
    countError(kind, message);
    return true;
  }

  /**
   * Records a KO request's service time, the time it waited before its worker started it, and its
   * kind.
   *
   * @return false when nothing was recorded (warm-up)
   */
  public boolean recordKo(long nanos, long waitNanos, String kind, String message) {
    if (!window.isOpen()) {
      return false;
    }
    ko.recordValue(Math.max(1, nanos));
    wait.recordValue(waitNanos);
    countError(kind, message);
    return true;
  }

  private void countError(String kind, String message) {
    LongAdder count = errorsByKind.get(kind);
    if (count == null) {
      count = errorsByKind.computeIfAbsent(kind, k -> new LongAdder());
      firstMessageByKind.putIfAbsent(kind, message);
    }
    count.increment();
  }

  void recordKoMany(long count, String kind, String message) {
    if (!window.isOpen()) {
      return;
    }
    ko.recordValueWithCount(1, count);
    firstMessageByKind.putIfAbsent(kind, message);
    errorsByKind.computeIfAbsent(kind, k -> new LongAdder()).add(count);
  }

  /**
   * Moves what was recorded since the last sample into the totals and one time-series point, and
   * shows the second to {@code listener} (live metrics), if any.
   */
  synchronized void sample(long epochSecond, SecondListener listener) {
    okInterval = ok.getIntervalHistogram(okInterval);
    koInterval = ko.getIntervalHistogram(koInterval);
    okResponseInterval = okResponse.getIntervalHistogram(okResponseInterval);
    waitInterval = wait.getIntervalHistogram(waitInterval);
    Map<String, Long> errorsThisSecond = new java.util.TreeMap<>();
    errorsByKind.forEach(
        (kind, adder) -> {
          long now = adder.sum();
          long before = errorsAtLastSample.getOrDefault(kind, 0L);
          if (now > before) {
            errorsThisSecond.put(kind, now - before);
          }
          errorsAtLastSample.put(kind, now);
        });
    fold(
        new SecondListener.Second(
            this,
            epochSecond,
            okInterval,
            koInterval,
            okResponseInterval,
            waitInterval,
            errorsThisSecond),
        listener);
  }

  /**
   * Adds one second another run recorded under this name (for merged runs) as if sampled here: into
   * the totals, the time series and {@code listener}. Its errors come with {@link #addErrors}.
   */
  synchronized void addSecond(SecondListener.Second second, SecondListener listener) {
    fold(second, listener);
  }

  /** Adds another run's errors by kind and their example messages (for merged runs). */
  public void addErrors(Map<String, Long> errors, Map<String, String> examples) {
    errors.forEach((kind, n) -> errorsByKind.computeIfAbsent(kind, k -> new LongAdder()).add(n));
    examples.forEach(firstMessageByKind::putIfAbsent);
  }

  /** One second into the totals, one time-series point (when it saw traffic), and the listener. */
  private void fold(SecondListener.Second second, SecondListener listener) {
    totalOk.add(second.ok());
    totalKo.add(second.ko());
    totalOkResponse.add(second.okResponse());
    totalWait.add(second.waits());
    long okCount = second.ok().getTotalCount();
    long koCount = second.ko().getTotalCount();
    if (okCount == 0 && koCount == 0) {
      return;
    }
    seconds.add(
        new SecondSample(
            second.epochSecond(),
            okCount,
            koCount,
            okCount == 0 ? 0 : second.ok().getValueAtPercentile(50),
            okCount == 0 ? 0 : second.ok().getValueAtPercentile(99),
            second.okResponse().getTotalCount() == 0
                ? 0
                : second.okResponse().getValueAtPercentile(99),
            second.errorsByKind()));
    if (listener != null) {
      listener.second(second);
    }
  }

  /** OK latencies so far (ns), as of the last sample. */
  public synchronized Histogram okHistogram() {
    return totalOk.copy();
  }

  /**
   * OK response times so far (ns): the wait before the worker started each request plus its service
   * time, as of the last sample. Empty for the amortized commands of a pipeline (their round trip's
   * is under the batch's name).
   */
  public synchronized Histogram okResponseHistogram() {
    return totalOkResponse.copy();
  }

  /**
   * How long requests (OK and KO) waited before their worker started them (ns), as of the last
   * sample.
   */
  public synchronized Histogram waitHistogram() {
    return totalWait.copy();
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
   * @param p99Nanos OK 99th percentile service time in that second
   * @param p99ResponseNanos OK 99th percentile response time (wait + service) in that second
   * @param errorsByKind KOs in that second by kind
   */
  public record SecondSample(
      long epochSecond,
      long ok,
      long ko,
      long p50Nanos,
      long p99Nanos,
      long p99ResponseNanos,
      Map<String, Long> errorsByKind) {}
}
