package dev.redline.config;

import static dev.redline.config.ConfigValueParsers.TEXT;
import static dev.redline.config.ConfigValueParsers.oneOf;
import static dev.redline.config.ConfigValueParsers.range;

import java.util.List;

/**
 * The settings of what a run reports and is judged by: live metrics ({@code metrics.*}, OTLP and
 * Prometheus), the microsecond assertions, and the baseline run it is compared with. One section of
 * {@link ConfigKeys#ALL}, kept apart so that each section's keys read as one list.
 */
final class ReportKeys {

  static final ConfigKey<String> OTLP_ENDPOINT =
      new ConfigKey<>(
          "metrics.otlp_endpoint",
          "OTEL_EXPORTER_OTLP_ENDPOINT",
          "an http:// or https:// URL, e.g. http://localhost:4317",
          ConfigValueParsers::httpUrl,
          false);

  static final ConfigKey<String> OTLP_PROTOCOL =
      new ConfigKey<>(
          "metrics.otlp_protocol",
          "OTEL_EXPORTER_OTLP_PROTOCOL",
          "grpc or http/protobuf",
          v -> oneOf(v, ConfigKey.OTLP_PROTOCOLS),
          false);

  /** In milliseconds. */
  static final ConfigKey<Integer> METRICS_INTERVAL =
      new ConfigKey<>(
          "metrics.interval",
          "OTEL_EXPORT_INTERVAL",
          "milliseconds from 100 to 3600000",
          v -> range(v, 100, 3_600_000),
          false);

  static final ConfigKey<String> SERVICE_NAME =
      new ConfigKey<>("metrics.service_name", "OTEL_SERVICE_NAME", "a name", TEXT, false);

  static final ConfigKey<List<MicrosAssertion>> ASSERTIONS =
      new ConfigKey<>(
          "assertions",
          "REDLINE_ASSERTIONS",
          "microsecond assertions separated by ';' (or a YAML list), e.g. 'GET p99 < 500us'",
          ConfigValueParsers::assertions,
          false);

  /** The baseline's path, as written. */
  static final ConfigKey<String> BASELINE =
      new ConfigKey<>(
          "baseline",
          "REDLINE_BASELINE",
          "an earlier run's folder, its summary.json or its histograms.hlog",
          TEXT,
          false);

  static final ConfigKey<BaselineThreshold> BASELINE_THRESHOLD =
      new ConfigKey<>(
          "baseline_threshold",
          "REDLINE_BASELINE_THRESHOLD",
          "a percentage from 0 to 1000, then any '<metric> <percent>', separated by ';', e.g."
              + " '10; p99.9 100'",
          ConfigValueParsers::baselineThreshold,
          false);

  /** 0 for none. */
  static final ConfigKey<Integer> PROMETHEUS_PORT =
      new ConfigKey<>(
          "metrics.prometheus_port",
          "REDLINE_PROMETHEUS_PORT",
          "a port from 1 to 65535, or 0 for none",
          v -> range(v, 0, 65535),
          false);

  private ReportKeys() {}

  /** The keys, in YAML order; built once, into {@link ConfigKeys#ALL}. */
  static List<ConfigKey<?>> keys() {
    return List.of(
        OTLP_ENDPOINT,
        OTLP_PROTOCOL,
        METRICS_INTERVAL,
        SERVICE_NAME,
        ASSERTIONS,
        BASELINE,
        BASELINE_THRESHOLD,
        PROMETHEUS_PORT);
  }
}
