package dev.redline.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * What a run is gated on: its microsecond assertions ({@code redline.assertions}) and the earlier
 * run it is compared with ({@code redline.baseline}, and {@code redline.baseline_threshold}, the
 * smallest change in percent worth a "slower" or "faster", per metric). Read from the same layers
 * as every setting, whatever the simulation; a simulation's protocol can name the baseline and
 * threshold on top.
 *
 * @param assertions the assertions, in order
 * @param baseline the baseline's path, or empty
 * @param baselineThreshold the smallest change worth a verdict, in percent, per metric
 * @param baselineOrigin where the baseline was named (a key and its layer), for messages; empty
 * @param assertionsGiven whether a setting named the assertions, even as none (an empty value)
 */
public record GateConfig(
    List<MicrosAssertion> assertions,
    Optional<String> baseline,
    BaselineThreshold baselineThreshold,
    String baselineOrigin,
    boolean assertionsGiven) {

  /** No assertions, no baseline. */
  public static final GateConfig NONE =
      new GateConfig(List.of(), Optional.empty(), BaselineThreshold.DEFAULT, "", false);

  /** This JVM's settings (system properties, environment, the YAML file). */
  public static GateConfig load() {
    return load(System.getProperties(), System.getenv());
  }

  /** The settings of these system properties and this environment (and their YAML file). */
  public static GateConfig load(Properties properties, Map<String, String> environment) {
    Map<String, ConfigValue> merged = RedlineConfig.mergedLayers(properties, environment);
    return of(
        ParsedSettings.parse(
            merged,
            List.of(ReportKeys.ASSERTIONS, ReportKeys.BASELINE, ReportKeys.BASELINE_THRESHOLD)));
  }

  /** The gate of these settings; an unset one takes its default. */
  static GateConfig of(ParsedSettings settings) {
    List<MicrosAssertion> assertions = settings.get(ReportKeys.ASSERTIONS);
    BaselineThreshold threshold = settings.get(ReportKeys.BASELINE_THRESHOLD);
    String baselineOrigin = settings.origin(ReportKeys.BASELINE);
    return new GateConfig(
        assertions == null ? List.of() : List.copyOf(assertions),
        Optional.ofNullable(settings.get(ReportKeys.BASELINE)),
        threshold == null ? BaselineThreshold.DEFAULT : threshold,
        baselineOrigin == null ? "" : baselineOrigin,
        settings.has(ReportKeys.ASSERTIONS));
  }
}
