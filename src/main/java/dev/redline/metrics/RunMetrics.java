package dev.redline.metrics;

import dev.redline.client.ClientInstance;
import dev.redline.client.ConnectionHealth;
import dev.redline.config.MetricsConfig;
import dev.redline.limits.LimitVerdict;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.SdkMeterProviderBuilder;
import io.opentelemetry.sdk.resources.Resource;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * One run's live metrics, with the instruments and labels of the Python runner Redline replaces, so
 * that its dashboards keep working: {@code redis_operations_total} {operation, status =
 * success|error, error_type, app_name, instance_id, run_id, version}, {@code
 * redis_operation_duration} (ms, buckets from 25 µs), {@code redis_client_init_duration}, {@code
 * redis_pubsub_operations_total}, and what it declared without recording: {@code
 * redis_connections_opened_total}, {@code redis_network_errors_total}, {@code
 * redis_reconnections_total}, {@code redis_reconnection_duration}. A pipeline's commands count as
 * their own operations and its round trip as BATCH, as in the reports.
 *
 * <p>Fed by the recorder's sampler once a second ({@link #second}); {@link #close()} records and
 * pushes the last second, so a run loses nothing at its end.
 */
final class RunMetrics implements LiveMetrics {
  /** Latency buckets in ms: fine below a millisecond, where Redis answers. */
  static final List<Double> LATENCY_BUCKETS_MS =
      List.of(
          0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0, 5.0, 7.5,
          10.0, 15.0, 25.0, 50.0, 75.0, 100.0, 250.0, 500.0, 1000.0, 2500.0, 5000.0, 10000.0);

  private static final AttributeKey<String> OPERATION = AttributeKey.stringKey("operation");
  private static final AttributeKey<String> STATUS = AttributeKey.stringKey("status");
  private static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error_type");
  private static final List<String> PUBSUB = List.of("PUBLISH", "SUBSCRIBE", "DELIVERY");

  private final MetricsConfig config;
  private final SdkMeterProvider provider;
  private final Optional<ReportingExporter> otlp;
  private final Optional<PrometheusEndpoint> prometheus;
  private final Attributes run;
  private final LongCounter operations;
  private final DoubleHistogram duration;
  private final LongCounter pubsubOperations;
  private final LongCounter networkErrors;
  private final DoubleHistogram clientInit;
  private final DoubleHistogram reconnectionDuration;
  private final Map<String, Attributes> successByOperation = new ConcurrentHashMap<>();
  private final Map<ConnectionHealth, long[]> healthSeen = new IdentityHashMap<>();
  private final Supplier<List<ClientInstance>> clients;
  private boolean closed;
  private volatile LimitVerdict limits;

  private RunMetrics(
      MetricsConfig config,
      Attributes run,
      String version,
      Supplier<List<ClientInstance>> clients) {
    this.config = config;
    this.run = run;
    this.clients = clients;
    SdkMeterProviderBuilder builder =
        SdkMeterProvider.builder()
            .setResource(
                Resource.getDefault()
                    .merge(
                        Resource.create(
                            Attributes.of(
                                AttributeKey.stringKey("service.name"),
                                config.serviceName(),
                                AttributeKey.stringKey("service.version"),
                                version))));
    otlp =
        config
            .otlpEndpoint()
            .map(endpoint -> ReportingExporter.otlp(endpoint, config.otlpProtocol()));
    otlp.ifPresent(
        exporter -> builder.registerMetricReader(exporter.periodicReader(config.interval())));
    prometheus =
        config.prometheusPort() > 0
            ? Optional.of(PrometheusEndpoint.start(config.prometheusPort()))
            : Optional.empty();
    prometheus.ifPresent(builder::registerMetricReader);
    provider = builder.build();
    Meter meter = provider.meterBuilder("dev.redline").setInstrumentationVersion(version).build();
    operations =
        meter
            .counterBuilder("redis_operations_total")
            .setUnit("1")
            .setDescription(
                "Redis operations by operation and status (pipelined commands one by one; their round trip as BATCH)")
            .build();
    duration =
        meter
            .histogramBuilder("redis_operation_duration")
            .setUnit("ms")
            .setDescription("Service time of OK Redis operations")
            .setExplicitBucketBoundariesAdvice(LATENCY_BUCKETS_MS)
            .build();
    pubsubOperations =
        meter
            .counterBuilder("redis_pubsub_operations_total")
            .setUnit("1")
            .setDescription("Pub/sub operations (PUBLISH, SUBSCRIBE, DELIVERY) by status")
            .build();
    networkErrors =
        meter
            .counterBuilder("redis_network_errors_total")
            .setUnit("1")
            .setDescription(
                "Requests that failed on the connection (CONNECTION, TIMEOUT, POOL_TIMEOUT, LOADING)")
            .build();
    clientInit =
        meter
            .histogramBuilder("redis_client_init_duration")
            .setUnit("ms")
            .setDescription("Time to open a client pool and check the server")
            .build();
    reconnectionDuration =
        meter
            .histogramBuilder("redis_reconnection_duration")
            .setUnit("ms")
            .setDescription("Time from a client's first failure to its next success")
            .build();
    meter
        .gaugeBuilder("redline_server_main_thread_busy")
        .setUnit("1")
        .setDescription(
            "Share of the measured window the busiest server's main thread was on a CPU (at the end)")
        .buildWithCallback(m -> limitFigure(m, "server_main_thread_busy"));
    meter
        .gaugeBuilder("redline_client_cores_busy")
        .setUnit("1")
        .setDescription("Share of its cores the load generator used in the window (at the end)")
        .buildWithCallback(m -> limitFigure(m, "client_cores_busy"));
    meter
        .gaugeBuilder("redline_server_cpu_seconds")
        .setUnit("s")
        .setDescription("CPU seconds the servers spent in the window (at the end)")
        .buildWithCallback(m -> limitFigure(m, "server_cpu_seconds"));
    meter
        .gaugeBuilder("redline_limit")
        .setUnit("1")
        .setDescription(
            "1 for the side that held the run back: server, load_generator, neither or unknown")
        .buildWithCallback(
            m -> {
              LimitVerdict v = limits;
              if (v != null) {
                m.record(1, run.toBuilder().put("verdict", v.verdict()).build());
              }
            });
    meter
        .counterBuilder("redis_reconnections_total")
        .setUnit("1")
        .setDescription("Outages clients recovered from")
        .buildWithCallback(
            m ->
                m.record(
                    clients.get().stream().mapToLong(c -> c.health().reconnections()).sum(), run));
    meter
        .counterBuilder("redis_connections_opened_total")
        .setUnit("1")
        .setDescription(
            "Connections the clients' pools opened (reconnections and failovers included)")
        .buildWithCallback(
            m ->
                m.record(
                    clients.get().stream().mapToLong(ClientInstance::openedConnections).sum(),
                    run));
  }

  /**
   * Starts the run's metrics (see {@link LiveMetrics#start}).
   *
   * @param labels app_name, instance_id, run_id and version, put on every point
   * @param clients the run's clients (their connection health and opened connections are read once
   *     a second)
   */
  static RunMetrics start(
      MetricsConfig config, Map<String, String> labels, Supplier<List<ClientInstance>> clients) {
    var attributes = Attributes.builder();
    labels.forEach(attributes::put);
    return new RunMetrics(
        config, attributes.build(), labels.getOrDefault("version", "unknown"), clients);
  }

  @Override
  public void limits(LimitVerdict verdict) {
    limits = verdict;
  }

  private void limitFigure(
      io.opentelemetry.api.metrics.ObservableDoubleMeasurement m, String name) {
    LimitVerdict v = limits;
    if (v != null && v.figures().get(name) instanceof Number n) {
      m.record(n.doubleValue(), run);
    }
  }

  /** Records how long a client pool took to open and pass its start check. */
  @Override
  public void clientInitialized(long nanos) {
    clientInit.record(nanos / 1e6, run);
  }

  @Override
  public void second(Second second) {
    Histogram okLatencies = second.ok();
    Map<String, Long> errorsByKind = second.errorsByKind();
    String operation = second.series().name();
    Attributes success =
        successByOperation.computeIfAbsent(
            operation, name -> run.toBuilder().put(OPERATION, name).put(STATUS, "success").build());
    long ok = okLatencies.getTotalCount();
    if (ok > 0) {
      operations.add(ok, success);
      for (HistogramIterationValue value : okLatencies.recordedValues()) {
        double millis = value.getValueIteratedTo() / 1e6;
        for (long i = value.getCountAtValueIteratedTo(); i > 0; i--) {
          duration.record(millis, success);
        }
      }
    }
    errorsByKind.forEach(
        (kind, count) -> {
          Attributes error =
              run.toBuilder()
                  .put(OPERATION, operation)
                  .put(STATUS, "error")
                  .put(ERROR_TYPE, kind)
                  .build();
          operations.add(count, error);
          if (ConnectionHealth.isConnectionFailure(kind)) {
            networkErrors.add(count, error);
          }
          if (PUBSUB.contains(operation)) {
            pubsubOperations.add(count, error);
          }
        });
    if (ok > 0 && PUBSUB.contains(operation)) {
      pubsubOperations.add(ok, success);
    }
  }

  /**
   * Once a second after the requests' seconds: reconnections that completed since the last call.
   */
  @Override
  public synchronized void sampleClients() {
    for (ClientInstance client : clients.get()) {
      ConnectionHealth health = client.health();
      long[] seen = healthSeen.computeIfAbsent(health, h -> new long[2]);
      long reconnections = health.reconnections() - seen[0];
      long downNanos = health.downNanos() - seen[1];
      if (reconnections > 0) { // several in one second: each gets their mean
        for (long i = 0; i < reconnections; i++) {
          reconnectionDuration.record(downNanos / 1e6 / reconnections, run);
        }
        seen[0] += reconnections;
        seen[1] += downNanos;
      }
    }
  }

  /**
   * Pushes the last interval and stops serving Prometheus: the periodic reader's shutdown makes one
   * last export itself (waiting as long as one push may take), so no separate flush is needed.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    provider.shutdown().join(ReportingExporter.EXPORT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** What the summary says about the metrics: where they went and how that went. */
  @Override
  public Map<String, Object> summary() {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("service_name", config.serviceName());
    otlp.ifPresent(exporter -> summary.put("otlp", exporter.summary()));
    prometheus.ifPresent(endpoint -> summary.put("prometheus", endpoint.summary()));
    return summary;
  }

  /** One line for the console about where the metrics go. */
  @Override
  public String describe() {
    return config.describe();
  }
}
