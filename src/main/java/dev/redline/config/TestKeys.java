package dev.redline.config;

import static dev.redline.config.ConfigValueParsers.TEXT;
import static dev.redline.config.ConfigValueParsers.oneOf;
import static dev.redline.config.ConfigValueParsers.range;

import java.util.List;
import java.util.TreeSet;

/**
 * The settings of the load ({@code test.*}): how many clients, connections and threads, for how
 * long, at what rate, and the workload they send. One section of {@link ConfigKey#ALL}, kept apart
 * so that each section's keys read as one list.
 */
final class TestKeys {

  private TestKeys() {}

  /** The keys, in YAML order; built once, into {@link ConfigKey#ALL}. */
  static List<ConfigKey> keys() {
    return List.of(
        new ConfigKey(
            "test.client_instances",
            "TEST_CLIENT_INSTANCES",
            "a whole number of at least 1",
            v -> range(v, 1, 10_000),
            false),
        new ConfigKey(
            "test.connections_per_client",
            "TEST_CONNECTIONS_PER_CLIENT",
            "a whole number of at least 1",
            v -> range(v, 1, 100_000),
            false),
        new ConfigKey(
            "test.threads_per_client",
            "TEST_THREADS_PER_CLIENT",
            "a whole number of at least 1",
            v -> range(v, 1, 10_000),
            false),
        new ConfigKey(
            "test.duration",
            "TEST_DURATION",
            "a duration of at least 1s, such as 60s, 5m, 1h, or unlimited",
            ConfigValueParsers::duration,
            false),
        new ConfigKey(
            "test.warmup",
            "TEST_WARMUP",
            "a duration such as 5s, or 0 for none (the load runs this long before the duration is"
                + " measured)",
            ConfigValueParsers::warmup,
            false),
        new ConfigKey(
            "test.target_ops_per_second",
            "TEST_TARGET_OPS_PER_SECOND",
            "a whole number, 0 for as fast as possible",
            v -> range(v, 0, Integer.MAX_VALUE),
            false),
        new ConfigKey(
            "test.client_retry_attempts",
            "TEST_CLIENT_RETRY_ATTEMPTS",
            "a whole number, 0 or more",
            v -> range(v, 0, 100),
            false),
        new ConfigKey(
            "test.start_during_outage", null, "true or false", ConfigValueParsers::bool, false),
        new ConfigKey(
            "test.gatling_records",
            "TEST_GATLING_RECORDS",
            "per_op or batch_only",
            v -> oneOf(v, ConfigKey.GATLING_RECORDS),
            false),
        new ConfigKey(
            "test.workload.profile",
            "TEST_WORKLOAD_PROFILE",
            "one of " + String.join(", ", new TreeSet<>(ConfigKey.PROFILES)),
            v -> oneOf(v, ConfigKey.PROFILES),
            false),
        new ConfigKey(
            "test.workload.operations",
            "TEST_OPERATIONS",
            "a map of operation to weight, e.g. {SET: 0.4, GET: 0.6}",
            ConfigValueParsers::weights,
            false),
        new ConfigKey("test.workload.key_prefix", "TEST_KEY_PREFIX", "a key prefix", TEXT, false),
        new ConfigKey(
            "test.workload.key_range",
            "TEST_KEY_RANGE",
            "a whole number of at least 1",
            v -> range(v, 1, Integer.MAX_VALUE),
            false),
        new ConfigKey(
            "test.workload.key_pattern",
            null,
            "one of gaussian, sequential, uniform, zipf",
            v -> oneOf(v, ConfigKey.KEY_PATTERNS),
            false),
        new ConfigKey(
            "test.workload.value_size",
            "TEST_VALUE_SIZE",
            "a size in bytes from 1 to 536870912",
            v -> range(v, 1, 512 * 1024 * 1024),
            false),
        new ConfigKey(
            "test.workload.value_size_min",
            "TEST_VALUE_SIZE_MIN",
            "a size in bytes from 1 to 536870912",
            v -> range(v, 1, 512 * 1024 * 1024),
            false),
        new ConfigKey(
            "test.workload.value_size_max",
            "TEST_VALUE_SIZE_MAX",
            "a size in bytes from 1 to 536870912",
            v -> range(v, 1, 512 * 1024 * 1024),
            false),
        new ConfigKey(
            "test.workload.pipeline_size",
            "TEST_PIPELINE_SIZE",
            "a whole number of at least 1",
            v -> range(v, 1, 100_000),
            false),
        new ConfigKey(
            "test.workload.transaction_size",
            "TEST_TRANSACTION_SIZE",
            "a whole number of at least 1",
            v -> range(v, 1, 100_000),
            false),
        new ConfigKey(
            "test.workload.pubsub_channels",
            "TEST_PUBSUB_CHANNELS",
            "a list of channel names",
            ConfigValueParsers::names,
            false),
        new ConfigKey(
            "test.workload.verify", null, "true or false", ConfigValueParsers::bool, false),
        new ConfigKey(
            "test.workload.seed", null, "a whole number", ConfigValueParsers::whole, false));
  }
}
