package dev.redline.protocol;

import dev.redline.config.BaselineThreshold;
import dev.redline.config.MetricsConfig;
import java.util.Optional;

/**
 * What a simulation named of the run's reporting, on top of {@code redline.*}, the environment and
 * the YAML file: live metrics' settings, the earlier run to compare with, and the smallest change
 * worth a verdict.
 */
public record ReportOptions(
    MetricsConfig.Overrides metrics,
    Optional<String> baseline,
    BaselineThreshold.Overrides baselineThreshold) {

  /** Nothing named: the run's settings decide. */
  public static final ReportOptions NONE =
      new ReportOptions(
          MetricsConfig.Overrides.NONE, Optional.empty(), BaselineThreshold.Overrides.NONE);

  public ReportOptions withMetrics(MetricsConfig.Overrides named) {
    return new ReportOptions(named, baseline, baselineThreshold);
  }

  public ReportOptions withBaseline(String runFolder) {
    return new ReportOptions(metrics, Optional.of(runFolder), baselineThreshold);
  }

  public ReportOptions withBaselineThreshold(BaselineThreshold.Overrides threshold) {
    return new ReportOptions(metrics, baseline, threshold);
  }
}
