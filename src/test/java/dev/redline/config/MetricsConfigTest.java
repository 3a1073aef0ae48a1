package dev.redline.config;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The metrics settings: off by default, the Python runner's OTEL_* variables, system properties
 * over them, the DSL on top.
 */
class MetricsConfigTest {

  @Test
  void offUnlessAnEndpointOrAPortIsSet() {
    MetricsConfig config = MetricsConfig.load(new Properties(), Map.of());
    assertFalse(config.enabled());
    assertEquals(Optional.empty(), config.otlpEndpoint());
    assertEquals("grpc", config.otlpProtocol());
    assertEquals(Duration.ofSeconds(5), config.interval());
    assertEquals("redline", config.serviceName(), "the app name");
  }

  @Test
  void theOldRunnersVariablesSetIt() {
    MetricsConfig config =
        MetricsConfig.load(
            new Properties(),
            Map.of(
                "OTEL_EXPORTER_OTLP_ENDPOINT",
                "http://collector:4317",
                "OTEL_EXPORT_INTERVAL",
                "1000",
                "OTEL_SERVICE_NAME",
                "checkout",
                "REDLINE_PROMETHEUS_PORT",
                "9464",
                "OTEL_EXPORTER_OTLP_PROTOCOL",
                "http/protobuf"));
    assertTrue(config.enabled());
    assertEquals(Optional.of("http://collector:4317"), config.otlpEndpoint());
    assertEquals("http/protobuf", config.otlpProtocol());
    assertEquals(Duration.ofSeconds(1), config.interval());
    assertEquals("checkout", config.serviceName());
    assertEquals(9464, config.prometheusPort());
  }

  @Test
  void systemPropertiesWinOverTheEnvironmentAndTheDslOverBoth() {
    Properties properties = new Properties();
    properties.setProperty("redline.metrics.prometheus_port", "9000");
    properties.setProperty("redline.app_name", "cache-app");
    MetricsConfig config =
        MetricsConfig.load(properties, Map.of("REDLINE_PROMETHEUS_PORT", "9464"));
    assertEquals(9000, config.prometheusPort());
    assertEquals("cache-app", config.serviceName(), "service.name defaults to the app name");
    MetricsConfig named =
        config.with(
            new MetricsConfig.Overrides(
                "http://x:4318", "http/protobuf", Duration.ofMillis(500), null, null));
    assertEquals(Optional.of("http://x:4318"), named.otlpEndpoint());
    assertEquals(Duration.ofMillis(500), named.interval());
    assertEquals(9000, named.prometheusPort(), "what the DSL does not name stays");
  }

  @Test
  void aWrongValueIsOneLineNamingTheKeyAndWhatIsAllowed() {
    ConfigError notAUrl =
        assertThrows(
            ConfigError.class,
            () ->
                MetricsConfig.load(
                    new Properties(), Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "collector:4317")));
    assertTrue(
        notAUrl
            .getMessage()
            .contains(
                "metrics.otlp_endpoint = 'collector:4317' (environment variable OTEL_EXPORTER_OTLP_ENDPOINT)"),
        notAUrl.getMessage());
    ConfigError protocol =
        assertThrows(
            ConfigError.class,
            () ->
                MetricsConfig.load(
                    new Properties(), Map.of("OTEL_EXPORTER_OTLP_PROTOCOL", "http/json")));
    assertTrue(
        protocol.getMessage().contains("expected grpc or http/protobuf"), protocol.getMessage());
    ConfigError interval =
        assertThrows(
            ConfigError.class,
            () -> MetricsConfig.load(new Properties(), Map.of("OTEL_EXPORT_INTERVAL", "5s")));
    assertTrue(interval.getMessage().contains("milliseconds"), interval.getMessage());
  }
}
