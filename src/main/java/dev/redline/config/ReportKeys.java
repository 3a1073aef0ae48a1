package dev.redline.config;

import static dev.redline.config.ConfigValueParsers.TEXT;
import static dev.redline.config.ConfigValueParsers.oneOf;
import static dev.redline.config.ConfigValueParsers.range;

import java.util.List;

/**
 * The settings of what a run reports and is judged by: live metrics ({@code metrics.*}, OTLP and
 * Prometheus), the microsecond assertions, and the baseline run it is compared with. One section of
 * {@link ConfigKey#ALL}, kept apart so that each section's keys read as one list.
 */
final class ReportKeys {

  private ReportKeys() {}

  /** The keys, in YAML order; built once, into {@link ConfigKey#ALL}. */
  static List<ConfigKey> keys() {
    return List.of(
        new ConfigKey(
            "metrics.otlp_endpoint",
            "OTEL_EXPORTER_OTLP_ENDPOINT",
            "an http:// or https:// URL, e.g. http://localhost:4317",
            ConfigValueParsers::httpUrl,
            false),
        new ConfigKey(
            "metrics.otlp_protocol",
            "OTEL_EXPORTER_OTLP_PROTOCOL",
            "grpc or http/protobuf",
            v -> oneOf(v, ConfigKey.OTLP_PROTOCOLS),
            false),
        new ConfigKey(
            "metrics.interval",
            "OTEL_EXPORT_INTERVAL",
            "milliseconds from 100 to 3600000",
            v -> range(v, 100, 3_600_000),
            false),
        new ConfigKey("metrics.service_name", "OTEL_SERVICE_NAME", "a name", TEXT, false),
        new ConfigKey(
            "assertions",
            "REDLINE_ASSERTIONS",
            "microsecond assertions separated by ';' (or a YAML list), e.g. 'GET p99 < 500us'",
            ConfigValueParsers::assertions,
            false),
        new ConfigKey(
            "baseline",
            "REDLINE_BASELINE",
            "an earlier run's folder, its summary.json or its histograms.hlog",
            TEXT,
            false),
        new ConfigKey(
            "baseline_threshold",
            "REDLINE_BASELINE_THRESHOLD",
            "a percentage from 0 to 1000, then any '<metric> <percent>', separated by ';', e.g."
                + " '10; p99.9 100'",
            ConfigValueParsers::baselineThreshold,
            false),
        new ConfigKey(
            "metrics.prometheus_port",
            "REDLINE_PROMETHEUS_PORT",
            "a port from 1 to 65535, or 0 for none",
            v -> range(v, 0, 65535),
            false));
  }
}
