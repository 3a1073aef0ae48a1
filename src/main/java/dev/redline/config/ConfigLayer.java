package dev.redline.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The settings one source gives, by YAML path: only what the source actually sets, so that an unset
 * value never overrides a lower layer with a default.
 */
public final class ConfigLayer {
  private final String name;
  private final Map<String, ConfigValue> values;

  ConfigLayer(String name, Map<String, ConfigValue> values) {
    this.name = name;
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** What this source is ("system properties", "redline.yaml", ...). */
  public String name() {
    return name;
  }

  /** Path → value, for the paths this source sets. */
  public Map<String, ConfigValue> values() {
    return values;
  }

  /**
   * System properties {@code redline.<path>} (e.g. {@code -Dredline.test.threads_per_client=4});
   * {@code redline.url} is the same as {@code redline.redis.url}. A property under {@code
   * redline.test.}, {@code redline.redis.} or {@code redline.metrics.} that names no setting is an
   * error, and so is one a typo away from a setting ({@code redline.assertion}) — except {@code
   * redline.redis.server}, {@code redline.config} and {@code redline.results.dir}, which are not
   * settings of the run.
   */
  public static ConfigLayer fromSystemProperties(Properties properties) {
    Map<String, ConfigValue> values = new LinkedHashMap<>();
    for (String name : properties.stringPropertyNames()) {
      if (!name.startsWith("redline.")) {
        continue;
      }
      String path = name.substring("redline.".length());
      if (path.equals("url")) {
        path = "redis.url";
      }
      if (path.equals("redis.server")) {
        continue;
      }
      if (ConfigKeys.at(path) != null) {
        values.put(path, new ConfigValue(properties.getProperty(name), "system property " + name));
      } else if (path.startsWith("test.")
          || path.startsWith("redis.")
          || path.startsWith("metrics.")
          || (!NOT_SETTINGS.contains(path)
              && NearestName.suggest(path, ConfigKeys.paths()) != null)) {
        // a misspelt gate (-Dredline.assertion=...) must not pass as a run without one
        throw new ConfigError(
            "unknown system property -D"
                + name
                + NearestName.hint(path, ConfigKeys.paths(), p -> "-Dredline." + p));
      }
    }
    return new ConfigLayer("system properties", values);
  }

  /** System properties under {@code redline.} that are not settings of the run. */
  private static final java.util.Set<String> NOT_SETTINGS =
      java.util.Set.of("config", "results.dir", "redis.server");

  /**
   * Environment variables (REDIS_HOST, TEST_THREADS_PER_CLIENT, ...): the names of the Python
   * runner Redline replaces, so that its setups run unchanged.
   */
  public static ConfigLayer fromEnvironment(Map<String, String> environment) {
    refuseUnknownRedlineVariables(environment);
    Map<String, ConfigValue> values = new LinkedHashMap<>();
    for (ConfigKey<?> key : ConfigKeys.ALL) {
      String variable = key.environmentVariable();
      String value = variable == null ? null : environment.get(variable);
      // a blank value is no value, but for the assertions: REDLINE_ASSERTIONS= sets none
      if (value != null && (!value.isBlank() || key.path().equals("assertions"))) {
        values.put(key.path(), new ConfigValue(value, "environment variable " + variable));
      }
    }
    String weights = environment.get("TEST_OPERATION_WEIGHTS");
    if (weights != null && !weights.isBlank()) {
      values.put(
          "test.workload.operations",
          new ConfigValue(
              zipWeights(environment.get("TEST_OPERATIONS"), weights),
              "environment variables TEST_OPERATIONS and TEST_OPERATION_WEIGHTS"));
    }
    return new ConfigLayer("environment", values);
  }

  /** Variables named REDLINE_* that are not settings of the run but are read elsewhere. */
  private static final java.util.Set<String> OTHER_REDLINE_VARIABLES =
      java.util.Set.of(
          "REDLINE_CONFIG", // the YAML file
          "REDLINE_REDIS_SERVER"); // the embedded server's binary

  /**
   * This repository's own tests' variables: the binaries they start (TestPrometheus, TestRedis7).
   */
  private static final java.util.Set<String> TEST_VARIABLES =
      java.util.Set.of("REDLINE_PROMETHEUS", "REDLINE_REDIS7_SERVER");

  /**
   * The REDLINE_ prefix is Redline's own, so a name under it that Redline does not know is a typo:
   * a misspelt gate (REDLINE_ASSERTION) must not pass as a run without one. The other names
   * (REDIS_*, TEST_*) share their prefixes with other tools' variables and are not checked.
   */
  private static void refuseUnknownRedlineVariables(Map<String, String> environment) {
    java.util.Set<String> known = new java.util.TreeSet<>(OTHER_REDLINE_VARIABLES);
    for (ConfigKey<?> key : ConfigKeys.ALL) {
      String variable = key.environmentVariable();
      if (variable != null && variable.startsWith("REDLINE_")) {
        known.add(variable);
      }
    }
    for (String name : new java.util.TreeSet<>(environment.keySet())) {
      String value = environment.get(name);
      if (name.startsWith("REDLINE_")
          && !known.contains(name)
          && !TEST_VARIABLES.contains(name)
          && value != null
          && !value.isBlank()) {
        String nearest = NearestName.suggest(name, known);
        throw new ConfigError(
            "unknown environment variable "
                + name
                + (nearest != null
                    ? "; did you mean " + nearest + "?"
                    : "; Redline reads " + String.join(", ", known)));
      }
    }
  }

  /** A profile's own settings. */
  public static ConfigLayer fromMap(String name, Map<String, Object> settings) {
    Map<String, ConfigValue> values = new LinkedHashMap<>();
    settings.forEach((path, value) -> values.put(path, new ConfigValue(value, name)));
    return new ConfigLayer(name, values);
  }

  /**
   * TEST_OPERATIONS=SET,GET with TEST_OPERATION_WEIGHTS=0.4,0.6, or weights given as
   * SET:0.4,GET:0.6.
   */
  private static String zipWeights(String operations, String weights) {
    if (weights.contains(":")) {
      return weights;
    }
    if (operations == null || operations.isBlank()) {
      throw new ConfigError(
          "TEST_OPERATION_WEIGHTS='"
              + weights
              + "' needs TEST_OPERATIONS to name the operations, "
              + "or give the weights as SET:0.4,GET:0.6");
    }
    String[] ops = operations.split(",");
    String[] ws = weights.split(",");
    if (ops.length != ws.length) {
      throw new ConfigError(
          "TEST_OPERATIONS has "
              + ops.length
              + " operations but TEST_OPERATION_WEIGHTS has "
              + ws.length
              + " weights; give one weight per operation");
    }
    StringBuilder zipped = new StringBuilder();
    for (int i = 0; i < ops.length; i++) {
      zipped
          .append(i == 0 ? "" : ",")
          .append(ops[i].strip().toUpperCase(Locale.ROOT))
          .append(':')
          .append(ws[i].strip());
    }
    return zipped.toString();
  }
}
