package dev.redline.javaapi;

import dev.redline.config.ConfigKeys;
import dev.redline.config.ConfigValue;
import dev.redline.config.MetricsConfig;
import java.time.Duration;

/**
 * Where a run's live metrics go, for {@link RedisProtocolBuilder#metrics(RedisMetricsBuilder)}: an
 * OpenTelemetry collector (OTLP) and/or a Prometheus {@code /metrics} port. What it does not name
 * comes from {@code -Dredline.metrics.*}, {@code OTEL_EXPORTER_OTLP_ENDPOINT}, {@code
 * OTEL_EXPORT_INTERVAL}, {@code OTEL_SERVICE_NAME}, {@code REDLINE_PROMETHEUS_PORT} or the YAML
 * file. Immutable: every method returns a new builder.
 *
 * <pre>{@code
 * redis().metrics(metrics().otlp("http://collector:4317").every(Duration.ofSeconds(5)).serviceName("checkout-cache"))
 * redis().metrics(metrics().prometheus(9464))
 * }</pre>
 */
public final class RedisMetricsBuilder {
  private final MetricsConfig.Overrides named;

  RedisMetricsBuilder(MetricsConfig.Overrides named) {
    this.named = named;
  }

  /**
   * Pushes metrics over OTLP/gRPC to a collector.
   *
   * <pre>{@code metrics().otlp("http://localhost:4317")}</pre>
   *
   * @param endpoint the collector's URL
   * @return a new builder
   */
  public RedisMetricsBuilder otlp(String endpoint) {
    return otlp(endpoint, "grpc");
  }

  /**
   * Pushes metrics over OTLP with the given transport.
   *
   * <pre>{@code metrics().otlp("http://localhost:4318", "http/protobuf")}</pre>
   *
   * @param endpoint the collector's URL ({@code /v1/metrics} is added for http/protobuf)
   * @param protocol {@code grpc} or {@code http/protobuf}
   * @return a new builder
   */
  public RedisMetricsBuilder otlp(String endpoint, String protocol) {
    ConfigKeys.at("metrics.otlp_endpoint").parse(new ConfigValue(endpoint, "redis().metrics(...)"));
    ConfigKeys.at("metrics.otlp_protocol").parse(new ConfigValue(protocol, "redis().metrics(...)"));
    return new RedisMetricsBuilder(
        new MetricsConfig.Overrides(
            endpoint, protocol, named.interval(), named.serviceName(), named.prometheusPort()));
  }

  /**
   * How often metrics are pushed to the collector (default 5 s).
   *
   * <pre>{@code metrics().otlp("http://localhost:4317").every(Duration.ofSeconds(1))}</pre>
   *
   * @param interval at least 100 ms
   * @return a new builder
   */
  public RedisMetricsBuilder every(Duration interval) {
    if (interval == null || interval.toMillis() < 100) {
      throw new RedisDslError("metrics interval must be at least 100 ms, got " + interval);
    }
    return new RedisMetricsBuilder(
        new MetricsConfig.Overrides(
            named.otlpEndpoint(),
            named.otlpProtocol(),
            interval,
            named.serviceName(),
            named.prometheusPort()));
  }

  /**
   * The resource's {@code service.name} (default: the app name, {@code redline}).
   *
   * <pre>{@code metrics().otlp("http://localhost:4317").serviceName("checkout-cache")}</pre>
   *
   * @param serviceName the name dashboards select on
   * @return a new builder
   */
  public RedisMetricsBuilder serviceName(String serviceName) {
    if (serviceName == null || serviceName.isBlank()) {
      throw new RedisDslError("metrics service name must not be empty");
    }
    return new RedisMetricsBuilder(
        new MetricsConfig.Overrides(
            named.otlpEndpoint(),
            named.otlpProtocol(),
            named.interval(),
            serviceName,
            named.prometheusPort()));
  }

  /**
   * Serves {@code /metrics} for Prometheus on this port during the run.
   *
   * <pre>{@code metrics().prometheus(9464)}</pre>
   *
   * @param port 1 to 65535
   * @return a new builder
   */
  public RedisMetricsBuilder prometheus(int port) {
    if (port < 1 || port > 65535) {
      throw new RedisDslError("Prometheus port must be 1 to 65535, got " + port);
    }
    return new RedisMetricsBuilder(
        new MetricsConfig.Overrides(
            named.otlpEndpoint(),
            named.otlpProtocol(),
            named.interval(),
            named.serviceName(),
            port));
  }

  MetricsConfig.Overrides named() {
    return named;
  }
}
