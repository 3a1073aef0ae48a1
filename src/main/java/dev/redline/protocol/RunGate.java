package dev.redline.protocol;

import dev.redline.compare.BaselineComparison;
import dev.redline.compare.BaselineRun;
import dev.redline.compare.BaselineThreshold;
import dev.redline.compare.RunMeasures;
import dev.redline.config.GateConfig;
import dev.redline.report.LatencyRecorder;
import dev.redline.report.RequestSeries;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What one run is gated on: its assertions (the settings'; a simulation's gate adds its own) and
 * the baseline run it is compared with, read when the run starts so that a wrong path is refused
 * before any load.
 */
final class RunGate {
  static final RunGate NONE =
      new RunGate(
          new GateConfig(java.util.List.of(), Optional.empty(), BaselineThreshold.DEFAULT),
          Optional.empty(),
          "",
          BaselineThreshold.DEFAULT);

  private final GateConfig config;
  private final Optional<RunMeasures> baseline;
  private final String baselineLabel;
  private final BaselineThreshold threshold;
  private Optional<BaselineComparison> comparison; // once computed

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
   * The settings' gate with the protocol's baseline and threshold on top.
   *
   * @throws dev.redline.config.ConfigError when the baseline cannot be read
   */
  static RunGate of(GateConfig config, RedisProtocol protocol) {
    Optional<String> path = protocol.baseline().or(config::baseline);
    BaselineThreshold threshold = config.baselineThreshold().with(protocol.baselineThreshold());
    return new RunGate(config, path.map(BaselineRun::read), path.orElse(""), threshold);
  }

  GateConfig config() {
    return config;
  }

  /** Whether the run is compared with a baseline. */
  boolean hasBaseline() {
    return baseline.isPresent();
  }

  /**
   * This run against the baseline, on everything recorded so far (computed once: at the gate, when
   * the load is over, or when the run ends); empty without a baseline.
   */
  synchronized Optional<BaselineComparison> comparison(
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
