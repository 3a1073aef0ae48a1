package dev.redline.assertions;

import dev.redline.compare.BaselineComparison;
import dev.redline.compare.MetricChange;
import dev.redline.config.Metric;
import dev.redline.config.MicrosAssertion;
import dev.redline.measure.LatencyRecorder;
import dev.redline.measure.RequestSeries;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.HdrHistogram.Histogram;

/**
 * Decides microsecond assertions on Redline's own histograms: per request name, or for {@code *}
 * every command together (a pipeline's commands, not its BATCH round trip). Throughput counts OK
 * requests over the span in which requests ran. A comparison with the baseline holds unless the
 * change breaks its bound and is larger than the noise the two runs show; {@code *} then means
 * every request name in both runs, each on its own.
 */
public final class AssertionCheck {
  private AssertionCheck() {}

  /**
   * Evaluates every assertion.
   *
   * @param unreachableMicros the longest time one client spent unable to reach Redis so far
   */
  public static List<AssertionOutcome> evaluate(
      List<MicrosAssertion> assertions,
      LatencyRecorder recorder,
      double spanSeconds,
      double unreachableMicros,
      Optional<BaselineComparison> baseline) {
    List<AssertionOutcome> outcomes = new ArrayList<>();
    for (MicrosAssertion assertion : assertions) {
      if (assertion.stat().isTime()) {
        outcomes.add(
            new AssertionOutcome(
                assertion,
                assertion.op().holds(unreachableMicros, assertion.threshold()),
                String.format(
                    Locale.ROOT, "%,.3f s (the longest any client was)", unreachableMicros / 1e6)));
      } else {
        outcomes.add(
            assertion.vsBaseline()
                ? againstBaseline(assertion, baseline)
                : onThisRun(assertion, recorder, spanSeconds));
      }
    }
    return outcomes;
  }

  private static AssertionOutcome onThisRun(
      MicrosAssertion a, LatencyRecorder recorder, double spanSeconds) {
    List<RequestSeries> series = new ArrayList<>();
    if (a.target().equals("*")) {
      recorder.series().stream().filter(s -> !s.isBatch()).forEach(series::add);
    } else if (recorder.series(a.target()) != null) {
      series.add(recorder.series(a.target()));
    }
    if (series.isEmpty()) {
      return new AssertionOutcome(
          a,
          false,
          "no request named '"
              + a.target()
              + "' was measured; measured: "
              + recorder.series().stream().map(RequestSeries::name).toList());
    }
    Histogram times = new Histogram(3);
    long ok = 0;
    long ko = 0;
    for (RequestSeries s : series) {
      ok += s.okHistogram().getTotalCount();
      ko += s.koHistogram().getTotalCount();
      times.add(
          switch (a.measure()) {
            case SERVICE -> s.okHistogram();
            case RESPONSE -> s.okResponseHistogram();
            case WAIT -> s.waitHistogram();
          });
    }
    String stat = a.stat().name();
    double actual;
    String shown;
    if (a.stat().isLatency()) {
      if (times.getTotalCount() == 0) {
        return new AssertionOutcome(a, false, "no " + a.measure().word() + " time was measured");
      }
      long nanos =
          switch (stat) {
            case "mean" -> Math.round(times.getMean());
            case "max" -> times.getMaxValue();
            default -> times.getValueAtPercentile(a.stat().percentile());
          };
      actual = nanos / 1000.0;
      shown = String.format(Locale.ROOT, "%,.1f µs", actual) + fewSamples(a, times.getTotalCount());
    } else if (stat.equals("ops_per_sec")) {
      actual = ok / spanSeconds;
      shown = String.format(Locale.ROOT, "%,.1f ops/s", actual);
    } else if (stat.equals("failed_pct")) {
      actual = ok + ko == 0 ? 0 : 100.0 * ko / (ok + ko);
      shown = String.format(Locale.ROOT, "%.3f %% (%,d of %,d)", actual, ko, ok + ko);
    } else {
      actual = ko;
      shown = String.format(Locale.ROOT, "%,d", ko);
    }
    return new AssertionOutcome(a, a.op().holds(actual, a.threshold()), shown);
  }

  private static AssertionOutcome againstBaseline(
      MicrosAssertion a, Optional<BaselineComparison> baseline) {
    if (baseline.isEmpty()) {
      // a pipeline's first run has nothing to compare with: it becomes the baseline
      return new AssertionOutcome(
          a,
          true,
          "not compared: no baseline was set (redline.baseline), so none to regress from",
          true);
    }
    Metric metric = Metric.of(a.stat().name());
    if (metric == null || a.measure() != MicrosAssertion.Measure.SERVICE) {
      return new AssertionOutcome(
          a,
          false,
          "a baseline compares ops_per_sec, p50, p90, p99, p99.9 and failed_pct of service times");
    }
    BaselineComparison comparison = baseline.get();
    // "*" means the requests, as it does without a baseline: not the BATCH and MULTI/EXEC round
    // trips that hold them
    List<String> names =
        a.target().equals("*")
            ? comparison.requests().keySet().stream()
                .filter(name -> !comparison.isBatch(name))
                .toList()
            : List.of(a.target());
    if (names.isEmpty()) {
      return new AssertionOutcome(
          a,
          false,
          "the two runs share no request to compare: this run has "
              + comparison.onlyNow()
              + ", the baseline "
              + comparison.onlyInBaseline());
    }
    boolean passed = true;
    List<String> shown = new ArrayList<>();
    for (String name : names) {
      MetricChange change = comparison.change(name, metric);
      if (change == null) {
        return new AssertionOutcome(
            a,
            false,
            "'" + name + "' is not in both runs; in both: " + comparison.requests().keySet());
      }
      // a bound is broken when the change is past it and the noise rules out the other side: an
      // upper bound (< +20%) by a rise, a lower bound (> -10%) by a fall
      boolean upperBound = a.op() == MicrosAssertion.Op.LT || a.op() == MicrosAssertion.Op.LE;
      boolean broken =
          !Double.isNaN(change.changePct())
              && !a.op().holds(change.changePct(), a.threshold())
              && (upperBound ? change.surelyUp() : change.surelyDown());
      passed &= !broken;
      if (broken || names.size() == 1) {
        shown.add(
            (a.target().equals("*") ? name + " " : "")
                + change.describeChange()
                + (Double.isNaN(change.noiseLowPct()) && !Double.isNaN(change.changePct())
                    ? " (too few seconds or requests in a run to measure its noise: not judged)"
                    : ""));
      }
    }
    return new AssertionOutcome(
        a, passed, shown.isEmpty() ? "every request within its bound" : String.join("; ", shown));
  }

  /**
   * For a percentile read from fewer samples than it needs to have ten beyond it: says so (it then
   * reads the slowest few, so it over-estimates; a pass is still safe).
   */
  private static String fewSamples(MicrosAssertion a, long samples) {
    double percentile = a.stat().percentile();
    if (percentile < 0) {
      return "";
    }
    long needed = (long) Math.ceil(10 / (1 - percentile / 100));
    return samples >= needed
        ? ""
        : String.format(
            Locale.ROOT,
            " (only %,d samples: %s needs %,d for ten beyond it, so it reads the slowest few)",
            samples,
            a.stat().name(),
            needed);
  }
}
