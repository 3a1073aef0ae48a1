package dev.redline.config;

import java.util.List;
import java.util.Map;

/**
 * The validated workload settings of a config-driven run.
 *
 * @param profile the profile name
 * @param operations operation → weight (weights need not sum to 1)
 * @param keyPrefix keys are {@code <prefix>:<type>:<n>}
 * @param keyRange n is in [0, keyRange)
 * @param keyPattern how n is drawn: uniform, sequential, gaussian or zipf
 * @param valueSizeMin smallest value in bytes
 * @param valueSizeMax largest value in bytes
 * @param pipelineSize commands per pipeline
 * @param transactionSize commands per MULTI/EXEC
 * @param pubsubChannels channels for PUBLISH and subscribers
 * @param verify whether values are derived from key and seed and every read is checked
 * @param seed the seed of values and key draws
 */
public record WorkloadConfig(
    String profile,
    Map<String, Double> operations,
    String keyPrefix,
    int keyRange,
    String keyPattern,
    int valueSizeMin,
    int valueSizeMax,
    int pipelineSize,
    int transactionSize,
    List<String> pubsubChannels,
    boolean verify,
    long seed) {

  @SuppressWarnings("unchecked")
  static WorkloadConfig from(Map<String, Object> typed, Map<String, String> origins) {
    String profile = (String) typed.get("test.workload.profile");
    Map<String, Double> operations = (Map<String, Double>) typed.get("test.workload.operations");
    if (operations == null) {
      throw new ConfigError(
          "profile "
              + profile
              + " needs test.workload.operations (TEST_OPERATIONS), e.g. {SET: 0.5, GET: 0.5}");
    }
    for (String op : operations.keySet()) {
      if (Operation.byName(op) == null) {
        throw new ConfigError(
            "test.workload.operations names unknown operation '"
                + op
                + "' ("
                + origins.get("test.workload.operations")
                + "); allowed: "
                + Operation.names()
                + (Operation.nearest(op) != null
                    ? "; did you mean " + Operation.nearest(op) + "?"
                    : ""));
      }
    }
    int size = (Integer) typed.get("test.workload.value_size");
    int min = (Integer) typed.getOrDefault("test.workload.value_size_min", size);
    int max = (Integer) typed.getOrDefault("test.workload.value_size_max", Math.max(size, min));
    if (min > max) {
      throw new ConfigError(
          "test.workload.value_size_min = "
              + min
              + " ("
              + origins.get("test.workload.value_size_min")
              + ") is larger than test.workload.value_size_max = "
              + max
              + " ("
              + origins.getOrDefault("test.workload.value_size_max", "from value_size")
              + "); the minimum must not exceed the maximum");
    }
    if (!typed.containsKey("test.workload.value_size_min")
        && !typed.containsKey("test.workload.value_size_max")) {
      min = size;
      max = size;
    }
    return new WorkloadConfig(
        profile,
        operations,
        (String) typed.get("test.workload.key_prefix"),
        (Integer) typed.get("test.workload.key_range"),
        (String) typed.get("test.workload.key_pattern"),
        min,
        max,
        (Integer) typed.get("test.workload.pipeline_size"),
        (Integer) typed.get("test.workload.transaction_size"),
        (List<String>) typed.get("test.workload.pubsub_channels"),
        (Boolean) typed.get("test.workload.verify"),
        (Long) typed.get("test.workload.seed"));
  }
}
