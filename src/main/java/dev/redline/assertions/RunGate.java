package dev.redline.assertions;

import dev.redline.compare.BaselineComparison;
import dev.redline.compare.BaselineRun;
import dev.redline.compare.RunMeasures;
import dev.redline.config.BaselineThreshold;
import dev.redline.config.GateConfig;
import dev.redline.config.MicrosAssertion;
import dev.redline.measure.LatencyRecorder;
import dev.redline.measure.RequestSeries;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * What one run is gated on: its assertions (the settings'; a simulation's gate adds its own) and
 * the baseline run it is compared with, read when the run starts so that a wrong path is refused
 * before any load. It decides the assertions (at a gate during the run, else at its end) and keeps
 * their outcomes for the report.
 */
public final class RunGate {
  /** The name of the scenario whose one user decides the assertions after the load. */
  public static final String SCENARIO = "Redline assertions";

  /** A gate of no assertions and no baseline, until the run's settings are read. */
  public static RunGate none() {
    return new RunGate(GateConfig.NONE, Optional.empty(), "", BaselineThreshold.DEFAULT);
  }

  private final GateConfig config;
  private final Optional<RunMeasures> baseline;
  private final String baselineLabel;
  private final BaselineThreshold threshold;
  private Optional<BaselineComparison> comparison; // once computed
  private final List<MicrosAssertion> expected = new CopyOnWriteArrayList<>();
  private final Set<MicrosAssertion> gated = new HashSet<>(); // guarded by this
  private List<AssertionOutcome> decided; // guarded by this

  private RunGate(
      GateConfig config,
      Optional<RunMeasures> baseline,
      String baselineLabel,
      BaselineThreshold threshold) {
    this.config = config;
    this.baseline = baseline;
    this.baselineLabel = baselineLabel;
    this.threshold = threshold;
  }

  /**
   * The settings' gate with the simulation's baseline and threshold on top.
   *
   * @throws dev.redline.config.ConfigError when the baseline cannot be read
   */
  public static RunGate of(
      GateConfig config,
      Optional<String> simulationBaseline,
      BaselineThreshold.Overrides simulationThreshold) {
    Optional<String> path = simulationBaseline.or(config::baseline);
    String origin =
        simulationBaseline.isPresent() ? "the simulation's baseline(...)" : config.baselineOrigin();
    BaselineThreshold threshold = config.baselineThreshold().with(simulationThreshold);
    RunGate gate =
        new RunGate(config, path.map(p -> BaselineRun.read(p, origin)), path.orElse(""), threshold);
    gate.expect(config.assertions());
    return gate;
  }

  /** These assertions will be decided: at the run's gate, else when the run ends. */
  public void expect(List<MicrosAssertion> assertions) {
    for (MicrosAssertion assertion : assertions) {
      if (!expected.contains(assertion)) {
        expected.add(assertion);
      }
    }
  }

  /**
   * Decides every expected assertion on everything measured so far; the outcomes are kept for the
   * report, and {@code gating} count as handed to Gatling (its result includes them).
   *
   * @return the outcomes of {@code gating}
   */
  public synchronized List<AssertionOutcome> decide(
      List<MicrosAssertion> gating,
      LatencyRecorder recorder,
      double spanSeconds,
      double unreachableMicros) {
    decided =
        AssertionCheck.evaluate(
            expected, recorder, spanSeconds, unreachableMicros, comparison(recorder, spanSeconds));
    gated.addAll(gating);
    return decided.stream().filter(o -> gating.contains(o.assertion())).toList();
  }

  /** Whether any assertion is expected. */
  public boolean hasAssertions() {
    return !expected.isEmpty();
  }

  /** The outcomes of the last decision, empty if none was made. */
  public synchronized List<AssertionOutcome> outcomes() {
    return decided == null ? List.of() : decided;
  }

  /** Whether the assertions were decided. */
  public synchronized boolean decided() {
    return decided != null;
  }

  /** The expected assertions no gate handed to Gatling, as their text. */
  public synchronized List<String> ungated() {
    return expected.stream().filter(a -> !gated.contains(a)).map(MicrosAssertion::text).toList();
  }

  /** Whether the run is compared with a baseline. */
  public boolean hasBaseline() {
    return baseline.isPresent();
  }

  /**
   * This run against the baseline, on everything recorded so far (computed once: at the gate, when
   * the load is over, or when the run ends); empty without a baseline.
   */
  public synchronized Optional<BaselineComparison> comparison(
      LatencyRecorder recorder, double spanSeconds) {
    if (baseline.isEmpty()) {
      return Optional.empty();
    }
    if (comparison == null) {
      Set<String> batches =
          recorder.series().stream()
              .filter(RequestSeries::isBatch)
              .map(RequestSeries::name)
              .collect(Collectors.toSet());
      try {
        RunMeasures now = RunMeasures.of(recorder.intervalLog().readBack(), spanSeconds, batches);
        comparison =
            Optional.of(BaselineComparison.of(baselineLabel, baseline.get(), now, threshold));
      } catch (IOException e) {
        System.out.println(
            "Redline: cannot compare with the baseline: this run's histograms could not be read ("
                + e.getMessage()
                + ")");
        comparison = Optional.empty();
      }
    }
    return comparison;
  }
}
