package dev.redline.measure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The microsecond truth of a run: every request (every op of every pipeline included), timed with
 * {@code System.nanoTime()}, per request name with OK and KO apart; plus how many of each Redis
 * command went on the wire, for the cross-check against the server's {@code INFO commandstats}.
 * Writers are wait-free; {@link #sample()} folds what was recorded into totals and a time series.
 */
public final class LatencyRecorder {
  /** The error kind of requests that could not be built. */
  public static final String CRASH = "CRASH";

  private final MeasuringWindow window = new MeasuringWindow();
  private final Map<String, RequestSeries> series = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> sentCommands = new ConcurrentHashMap<>();
  private final LongAdder retries = new LongAdder();
  private final Map<String, LongAdder> crashes = new ConcurrentHashMap<>();
  // the span in which measured requests ran (epoch ms): throughput is counted over it
  private final java.util.concurrent.atomic.LongAccumulator firstStart =
      new java.util.concurrent.atomic.LongAccumulator(Math::min, Long.MAX_VALUE);
  private final java.util.concurrent.atomic.LongAccumulator lastEnd =
      new java.util.concurrent.atomic.LongAccumulator(Math::max, Long.MIN_VALUE);
  private volatile String firstCrash;
  private final Map<String, Long> errorsAtLastSample = new java.util.HashMap<>();
  private final IntervalLog intervalLog = new IntervalLog();
  private volatile SecondListener metrics;

  /** Shows every sampled second of every request name to {@code listener} too (live metrics). */
  public void onEverySecond(SecondListener listener) {
    metrics = listener;
  }

  /**
   * Every second of every request name so far, in mergeable form (an HdrHistogram interval log).
   */
  public IntervalLog intervalLog() {
    return intervalLog;
  }

  /**
   * Adds a second another run recorded (for merged runs), as a sampled second: totals, series,
   * interval log.
   */
  public void addSecond(SecondListener.Second second) {
    second.series().addSecond(second, this::second);
  }

  private void second(SecondListener.Second second) {
    intervalLog.second(second);
    SecondListener live = metrics;
    if (live != null) {
      live.second(second);
    }
  }

  /** Records an OK request. */
  public void ok(String requestName, long nanos) {
    seriesFor(requestName).recordOk(nanos);
  }

  /** Records a KO request with its error kind and message. */
  public void ko(String requestName, long nanos, String kind, String message) {
    seriesFor(requestName).recordKo(nanos, kind, message);
  }

  /**
   * Records {@code count} KOs of one kind that have no latency of their own (e.g. lost messages).
   */
  public void koMany(String requestName, long count, String kind, String message) {
    seriesFor(requestName).recordKoMany(count, kind, message);
  }

  /** Marks a request name as a batch (pipeline or transaction round trip), not a command. */
  public void markBatch(String requestName) {
    seriesFor(requestName).markBatch();
  }

  /** Counts one Redis command sent on the wire, by its server-side name ("set", "client|list"). */
  public void sent(String serverCommandName) {
    sentCounter(serverCommandName).increment();
  }

  /** The counter of a command's sends, made if new: actions keep it to count without a lookup. */
  public LongAdder sentCounter(String serverCommandName) {
    return sentCommands.computeIfAbsent(serverCommandName, k -> new LongAdder());
  }

  /** Commands sent so far, by server-side name. */
  public Map<String, Long> sentCommands() {
    Map<String, Long> copy = new TreeMap<>();
    sentCommands.forEach((k, v) -> copy.put(k, v.sum()));
    return copy;
  }

  /**
   * Counts a request that could not be built (a missing session attribute, a session function that
   * failed): not sent, not a request in either report, an error in both, as Gatling counts an HTTP
   * request it cannot build.
   */
  public void crashed(String requestName, String reason) {
    if (firstCrash == null) {
      firstCrash = requestName + ": " + reason;
    }
    crashes.computeIfAbsent(requestName, k -> new LongAdder()).increment();
  }

  /** Requests that could not be built, by request name. */
  public Map<String, Long> crashes() {
    Map<String, Long> copy = new TreeMap<>();
    crashes.forEach((k, v) -> copy.put(k, v.sum()));
    return copy;
  }

  /**
   * Widens the measured span to a request that ran from {@code startMillis} to {@code endMillis}.
   */
  public void ran(long startMillis, long endMillis) {
    firstStart.accumulate(startMillis);
    lastEnd.accumulate(endMillis);
  }

  /**
   * The span in which measured requests ran, {@code [first start, last end]} in epoch ms; empty
   * when none did.
   */
  public java.util.Optional<long[]> span() {
    long from = firstStart.get();
    long to = lastEnd.get();
    return from > to ? java.util.Optional.empty() : java.util.Optional.of(new long[] {from, to});
  }

  /** Counts one retry of a request that failed on the connection. */
  public void retried() {
    retries.increment();
  }

  /** Retries so far. */
  public long retries() {
    return retries.sum();
  }

  /**
   * Folds everything recorded since the last call into the totals, as the second that just ended;
   * returns the KOs of that second by kind (over all request names).
   */
  public synchronized Map<String, Long> sample() {
    long second = System.currentTimeMillis() / 1000;
    Map<String, Long> now = new TreeMap<>();
    for (RequestSeries s : series.values()) {
      s.sample(second, this::second);
      s.errorsByKind().forEach((kind, n) -> now.merge(kind, n, Long::sum));
    }
    crashes.values().forEach(n -> now.merge(CRASH, n.sum(), Long::sum));
    Map<String, Long> thisSecond = new TreeMap<>();
    now.forEach(
        (kind, n) -> {
          long d = n - errorsAtLastSample.getOrDefault(kind, 0L);
          if (d > 0) {
            thisSecond.put(kind, d);
          }
        });
    errorsAtLastSample.clear();
    errorsAtLastSample.putAll(now);
    return thisSecond;
  }

  /** An example message of an error kind (the first one seen), or "". */
  public String exampleMessage(String kind) {
    if (kind.equals(CRASH)) {
      return firstCrash == null ? "" : firstCrash;
    }
    for (RequestSeries s : series.values()) {
      String message = s.firstMessageByKind().get(kind);
      if (message != null) {
        return message;
      }
    }
    return "";
  }

  /** Every request name's series, sorted by name. */
  public List<RequestSeries> series() {
    List<RequestSeries> all = new ArrayList<>(series.values());
    all.sort(Comparator.comparing(RequestSeries::name));
    return all;
  }

  /** The series of one request name, or null when nothing was recorded under it. */
  public RequestSeries series(String requestName) {
    return series.get(requestName);
  }

  /** The series of a request name, made if new: actions keep it to record without a lookup. */
  public RequestSeries seriesFor(String name) {
    RequestSeries s = series.get(name);
    return s != null ? s : series.computeIfAbsent(name, n -> new RequestSeries(n, window));
  }

  /** Whether the run is measuring yet (closed during a warm-up). */
  public MeasuringWindow window() {
    return window;
  }

  /** The server-side name of a command as {@code INFO commandstats} shows it. */
  public static String serverName(String commandName) {
    return commandName.toLowerCase(Locale.ROOT);
  }
}
