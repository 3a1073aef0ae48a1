package dev.redline.metrics;

import dev.redline.client.ClientInstance;
import dev.redline.config.ConfigError;
import dev.redline.config.MetricsConfig;
import dev.redline.limits.LimitVerdict;
import dev.redline.measure.SecondListener;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A run's live metrics, as the run sees them: nothing of OpenTelemetry shows here, so a project
 * that does not export metrics needs no OpenTelemetry on its classpath (Redline declares it an
 * optional dependency).
 */
public interface LiveMetrics extends SecondListener, AutoCloseable {
  /** The OpenTelemetry artifacts metrics need, and a class of each that proves it is there. */
  Map<String, String> SDK =
      Map.of(
          "io.opentelemetry:opentelemetry-sdk-metrics:1.68.0",
          "io.opentelemetry.sdk.metrics.SdkMeterProvider");

  Map<String, String> OTLP =
      Map.of(
          "io.opentelemetry:opentelemetry-exporter-otlp:1.68.0",
          "io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter");

  /**
   * Starts the run's metrics, or nothing when they go nowhere.
   *
   * @throws ConfigError when metrics are asked for and OpenTelemetry is not on the classpath
   */
  public static Optional<LiveMetrics> start(
      MetricsConfig config, Map<String, String> labels, Supplier<List<ClientInstance>> clients) {
    if (!config.enabled()) {
      return Optional.empty();
    }
    requireOnClasspath(SDK, config);
    if (config.otlpEndpoint().isPresent()) {
      requireOnClasspath(OTLP, config);
    }
    return Optional.of(RunMetrics.start(config, labels, clients));
  }

  private static void requireOnClasspath(Map<String, String> artifacts, MetricsConfig config) {
    artifacts.forEach(
        (artifact, proof) -> {
          try {
            Class.forName(proof, false, LiveMetrics.class.getClassLoader());
          } catch (ClassNotFoundException e) {
            throw new ConfigError(
                config.describe()
                    + " needs OpenTelemetry, which Redline leaves out unless asked for: add "
                    + artifact
                    + " to the project's dependencies");
          }
        });
  }

  /** Records how long a client pool took to open and pass its start check. */
  void clientInitialized(long nanos);

  /** Publishes which side held the run back, with its figures (gauges of the last interval). */
  void limits(LimitVerdict verdict);

  /** Reads the clients' connection health and opened connections. */
  void sampleClients();

  /** What the summary keeps of the export (points pushed, failures). */
  Map<String, Object> summary();

  /** One line saying where the metrics go. */
  String describe();

  /** Records and pushes the last interval, then stops. */
  @Override
  void close();

  /**
   * The run has ended: the clients' last reading and the verdict go out, then the exporters close.
   */
  default void ended(LimitVerdict verdict) {
    sampleClients();
    limits(verdict);
    close(); // the last interval is pushed now, not lost
  }
}
