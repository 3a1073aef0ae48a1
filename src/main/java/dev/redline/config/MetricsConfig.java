package dev.redline.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Where a run's live metrics go: an OpenTelemetry collector (OTLP, pushed every {@code interval})
 * and/or a Prometheus {@code /metrics} endpoint served during the run. Off unless an endpoint or a
 * port is set. Read from the same layers as every setting ({@code -Dredline.metrics.*}, the {@code
 * OTEL_*} variables, the YAML file), whatever the simulation; a simulation's {@code
 * redis().metrics(...)} sets what it names on top.
 *
 * @param otlpEndpoint the collector's URL, or empty for no OTLP export
 * @param otlpProtocol {@code grpc} or {@code http/protobuf}
 * @param interval how often metrics are pushed to the collector
 * @param serviceName the resource's {@code service.name}
 * @param prometheusPort the port of the {@code /metrics} endpoint, 0 for none
 */
public record MetricsConfig(
    Optional<String> otlpEndpoint,
    String otlpProtocol,
    Duration interval,
    String serviceName,
    int prometheusPort) {

  /** No metrics: the defaults of every setting, no endpoint, no port. */
  public static final MetricsConfig OFF =
      new MetricsConfig(Optional.empty(), "grpc", Duration.ofSeconds(5), "redline", 0);

  /** True when metrics go somewhere. */
  public boolean enabled() {
    return otlpEndpoint.isPresent() || prometheusPort > 0;
  }

  /** This JVM's metrics settings (system properties, environment, the YAML file). */
  public static MetricsConfig load() {
    return load(System.getProperties(), System.getenv());
  }

  /**
   * The metrics settings of these system properties and this environment (and the YAML file they
   * name).
   */
  public static MetricsConfig load(Properties properties, Map<String, String> environment) {
    Map<String, ConfigValue> merged = RedlineConfig.mergedLayers(properties, environment);
    ParsedSettings settings =
        ParsedSettings.parse(
            merged,
            List.of(
                ReportKeys.OTLP_ENDPOINT,
                ReportKeys.OTLP_PROTOCOL,
                ReportKeys.METRICS_INTERVAL,
                ReportKeys.SERVICE_NAME,
                ConfigKeys.APP_NAME,
                ReportKeys.PROMETHEUS_PORT));
    String protocol = settings.get(ReportKeys.OTLP_PROTOCOL);
    Integer interval = settings.get(ReportKeys.METRICS_INTERVAL);
    String service = settings.get(ReportKeys.SERVICE_NAME);
    String appName = settings.get(ConfigKeys.APP_NAME);
    Integer port = settings.get(ReportKeys.PROMETHEUS_PORT);
    return new MetricsConfig(
        Optional.ofNullable(settings.get(ReportKeys.OTLP_ENDPOINT)),
        protocol != null ? protocol : OFF.otlpProtocol,
        interval != null ? Duration.ofMillis(interval) : OFF.interval,
        service != null ? service : appName != null ? appName : OFF.serviceName,
        port != null ? port : 0);
  }

  /** These settings with what a simulation named set on top. */
  public MetricsConfig with(Overrides named) {
    return new MetricsConfig(
        named.otlpEndpoint != null ? Optional.of(named.otlpEndpoint) : otlpEndpoint,
        named.otlpProtocol != null ? named.otlpProtocol : otlpProtocol,
        named.interval != null ? named.interval : interval,
        named.serviceName != null ? named.serviceName : serviceName,
        named.prometheusPort != null ? named.prometheusPort : prometheusPort);
  }

  /**
   * What a simulation named of the metrics settings ({@code redis().metrics(...)}); null keeps the
   * configured setting.
   *
   * @param otlpEndpoint the collector's URL
   * @param otlpProtocol grpc or http/protobuf
   * @param interval how often to push
   * @param serviceName the resource's service.name
   * @param prometheusPort the /metrics port
   */
  public record Overrides(
      String otlpEndpoint,
      String otlpProtocol,
      Duration interval,
      String serviceName,
      Integer prometheusPort) {
    /** Nothing named. */
    public static final Overrides NONE = new Overrides(null, null, null, null, null);
  }

  /** One line saying where the metrics go, for the console. */
  public String describe() {
    List<String> parts = new ArrayList<>();
    otlpEndpoint.ifPresent(
        url ->
            parts.add(
                "OTLP " + otlpProtocol + " to " + url + " every " + Durations.describe(interval)));
    if (prometheusPort > 0) {
      parts.add("Prometheus /metrics on port " + prometheusPort);
    }
    return "Redline: live metrics (service.name " + serviceName + "): " + String.join("; ", parts);
  }
}
