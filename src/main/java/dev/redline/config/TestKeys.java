package dev.redline.config;

import static dev.redline.config.ConfigValueParsers.TEXT;
import static dev.redline.config.ConfigValueParsers.oneOf;
import static dev.redline.config.ConfigValueParsers.range;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The settings of the load ({@code test.*}): how many clients, connections and threads, for how
 * long, at what rate, and the workload they send. One section of {@link ConfigKeys#ALL}, kept apart
 * so that each section's keys read as one list.
 */
final class TestKeys {

  static final ConfigKey<Integer> CLIENT_INSTANCES =
      new ConfigKey<>(
          "test.client_instances",
          "TEST_CLIENT_INSTANCES",
          "a whole number of at least 1",
          v -> range(v, 1, 10_000),
          false);

  static final ConfigKey<Integer> CONNECTIONS_PER_CLIENT =
      new ConfigKey<>(
          "test.connections_per_client",
          "TEST_CONNECTIONS_PER_CLIENT",
          "a whole number of at least 1",
          v -> range(v, 1, 100_000),
          false);

  static final ConfigKey<Integer> THREADS_PER_CLIENT =
      new ConfigKey<>(
          "test.threads_per_client",
          "TEST_THREADS_PER_CLIENT",
          "a whole number of at least 1",
          v -> range(v, 1, 10_000),
          false);

  /** Empty for unlimited. */
  static final ConfigKey<Optional<Duration>> DURATION =
      new ConfigKey<>(
          "test.duration",
          "TEST_DURATION",
          "a duration of at least 1s, such as 60s, 5m, 1h, or unlimited",
          ConfigValueParsers::duration,
          false);

  static final ConfigKey<Duration> WARMUP =
      new ConfigKey<>(
          "test.warmup",
          "TEST_WARMUP",
          "a duration such as 5s, or 0 for none (the load runs this long before the duration is"
              + " measured)",
          ConfigValueParsers::warmup,
          false);

  static final ConfigKey<Integer> TARGET_OPS_PER_SECOND =
      new ConfigKey<>(
          "test.target_ops_per_second",
          "TEST_TARGET_OPS_PER_SECOND",
          "a whole number, 0 for as fast as possible",
          v -> range(v, 0, Integer.MAX_VALUE),
          false);

  static final ConfigKey<Integer> CLIENT_RETRY_ATTEMPTS =
      new ConfigKey<>(
          "test.client_retry_attempts",
          "TEST_CLIENT_RETRY_ATTEMPTS",
          "a whole number, 0 or more",
          v -> range(v, 0, 100),
          false);

  static final ConfigKey<Boolean> START_DURING_OUTAGE =
      new ConfigKey<>(
          "test.start_during_outage", null, "true or false", ConfigValueParsers::bool, false);

  static final ConfigKey<String> GATLING_RECORDS =
      new ConfigKey<>(
          "test.gatling_records",
          "TEST_GATLING_RECORDS",
          "per_op or batch_only",
          v -> oneOf(v, ConfigKey.GATLING_RECORDS),
          false);

  static final ConfigKey<String> PROFILE =
      new ConfigKey<>(
          "test.workload.profile",
          "TEST_WORKLOAD_PROFILE",
          "one of " + String.join(", ", new TreeSet<>(ConfigKey.PROFILES)),
          v -> oneOf(v, ConfigKey.PROFILES),
          false);

  /** Operation name to weight. */
  static final ConfigKey<Map<String, Double>> OPERATIONS =
      new ConfigKey<>(
          "test.workload.operations",
          "TEST_OPERATIONS",
          "a map of operation to weight, e.g. {SET: 0.4, GET: 0.6}",
          ConfigValueParsers::weights,
          false);

  static final ConfigKey<String> KEY_PREFIX =
      new ConfigKey<>("test.workload.key_prefix", "TEST_KEY_PREFIX", "a key prefix", TEXT, false);

  static final ConfigKey<Integer> KEY_RANGE =
      new ConfigKey<>(
          "test.workload.key_range",
          "TEST_KEY_RANGE",
          "a whole number of at least 1",
          v -> range(v, 1, Integer.MAX_VALUE),
          false);

  static final ConfigKey<String> KEY_PATTERN =
      new ConfigKey<>(
          "test.workload.key_pattern",
          null,
          "one of gaussian, sequential, uniform, zipf",
          v -> oneOf(v, ConfigKey.KEY_PATTERNS),
          false);

  static final ConfigKey<Integer> VALUE_SIZE =
      new ConfigKey<>(
          "test.workload.value_size",
          "TEST_VALUE_SIZE",
          "a size in bytes from 1 to 536870912",
          v -> range(v, 1, 512 * 1024 * 1024),
          false);

  static final ConfigKey<Integer> VALUE_SIZE_MIN =
      new ConfigKey<>(
          "test.workload.value_size_min",
          "TEST_VALUE_SIZE_MIN",
          "a size in bytes from 1 to 536870912",
          v -> range(v, 1, 512 * 1024 * 1024),
          false);

  static final ConfigKey<Integer> VALUE_SIZE_MAX =
      new ConfigKey<>(
          "test.workload.value_size_max",
          "TEST_VALUE_SIZE_MAX",
          "a size in bytes from 1 to 536870912",
          v -> range(v, 1, 512 * 1024 * 1024),
          false);

  static final ConfigKey<Integer> PIPELINE_SIZE =
      new ConfigKey<>(
          "test.workload.pipeline_size",
          "TEST_PIPELINE_SIZE",
          "a whole number of at least 1",
          v -> range(v, 1, 100_000),
          false);

  static final ConfigKey<Integer> TRANSACTION_SIZE =
      new ConfigKey<>(
          "test.workload.transaction_size",
          "TEST_TRANSACTION_SIZE",
          "a whole number of at least 1",
          v -> range(v, 1, 100_000),
          false);

  static final ConfigKey<List<String>> PUBSUB_CHANNELS =
      new ConfigKey<>(
          "test.workload.pubsub_channels",
          "TEST_PUBSUB_CHANNELS",
          "a list of channel names",
          ConfigValueParsers::names,
          false);

  static final ConfigKey<Boolean> VERIFY =
      new ConfigKey<>(
          "test.workload.verify", null, "true or false", ConfigValueParsers::bool, false);

  static final ConfigKey<Long> SEED =
      new ConfigKey<>(
          "test.workload.seed", null, "a whole number", ConfigValueParsers::whole, false);

  private TestKeys() {}

  /** The keys, in YAML order; built once, into {@link ConfigKeys#ALL}. */
  static List<ConfigKey<?>> keys() {
    return List.of(
        CLIENT_INSTANCES,
        CONNECTIONS_PER_CLIENT,
        THREADS_PER_CLIENT,
        DURATION,
        WARMUP,
        TARGET_OPS_PER_SECOND,
        CLIENT_RETRY_ATTEMPTS,
        START_DURING_OUTAGE,
        GATLING_RECORDS,
        PROFILE,
        OPERATIONS,
        KEY_PREFIX,
        KEY_RANGE,
        KEY_PATTERN,
        VALUE_SIZE,
        VALUE_SIZE_MIN,
        VALUE_SIZE_MAX,
        PIPELINE_SIZE,
        TRANSACTION_SIZE,
        PUBSUB_CHANNELS,
        VERIFY,
        SEED);
  }
}
