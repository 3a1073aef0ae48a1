package dev.redline.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

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
  @SuppressWarnings("unchecked")
  public static GateConfig load(java.util.Properties properties, Map<String, String> environment) {
    Map<String, ConfigValue> merged = RedlineConfig.mergedLayers(properties, environment);
    ConfigValue baseline = merged.get("baseline");
    return of(
        (List<MicrosAssertion>) parsed(merged, "assertions"),
        (String) parsed(merged, "baseline"),
        (BaselineThreshold) parsed(merged, "baseline_threshold"),
        baseline == null ? null : baseline.origin(),
        merged.containsKey("assertions"));
  }

  /** From parsed values, any of them null for not set. */
  static GateConfig of(
      List<MicrosAssertion> assertions,
      String baseline,
      BaselineThreshold threshold,
      String baselineOrigin,
      boolean assertionsGiven) {
    return new GateConfig(
        assertions == null ? List.of() : List.copyOf(assertions),
        Optional.ofNullable(baseline),
        threshold == null ? BaselineThreshold.DEFAULT : threshold,
        baselineOrigin == null ? "" : baselineOrigin,
        assertionsGiven);
  }

  private static Object parsed(Map<String, ConfigValue> merged, String path) {
    ConfigValue value = merged.get(path);
    return value == null ? null : ConfigKey.at(path).parse(value);
  }
}
