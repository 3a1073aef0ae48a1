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

  /**
   * The workload of these settings: the value sizes checked against each other, the operations
   * against those Redline knows.
   *
   * @throws ConfigError when the profile has no operations, an operation is unknown, or the
   *     smallest value is larger than the largest
   */
  static WorkloadConfig from(ParsedSettings settings) {
    String profile = settings.get(TestKeys.PROFILE);
    Map<String, Double> operations = settings.get(TestKeys.OPERATIONS);
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
                + settings.origin(TestKeys.OPERATIONS)
                + "); allowed: "
                + Operation.names()
                + (Operation.nearest(op) != null
                    ? "; did you mean " + Operation.nearest(op) + "?"
                    : ""));
      }
    }
    int size = settings.get(TestKeys.VALUE_SIZE);
    int min = settings.getOrDefault(TestKeys.VALUE_SIZE_MIN, size);
    int max = settings.getOrDefault(TestKeys.VALUE_SIZE_MAX, Math.max(size, min));
    if (min > max) {
      throw new ConfigError(
          "test.workload.value_size_min = "
              + min
              + " ("
              + settings.origin(TestKeys.VALUE_SIZE_MIN)
              + ") is larger than test.workload.value_size_max = "
              + max
              + " ("
              + (settings.has(TestKeys.VALUE_SIZE_MAX)
                  ? settings.origin(TestKeys.VALUE_SIZE_MAX)
                  : "from value_size")
              + "); the minimum must not exceed the maximum");
    }
    if (!settings.has(TestKeys.VALUE_SIZE_MIN) && !settings.has(TestKeys.VALUE_SIZE_MAX)) {
      min = size;
      max = size;
    }
    return new WorkloadConfig(
        profile,
        operations,
        settings.get(TestKeys.KEY_PREFIX),
        settings.get(TestKeys.KEY_RANGE),
        settings.get(TestKeys.KEY_PATTERN),
        min,
        max,
        settings.get(TestKeys.PIPELINE_SIZE),
        settings.get(TestKeys.TRANSACTION_SIZE),
        settings.get(TestKeys.PUBSUB_CHANNELS),
        settings.get(TestKeys.VERIFY),
        settings.get(TestKeys.SEED));
  }
}
