package dev.redline.metrics;

import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.exporter.otlp.metrics.OtlpGrpcMetricExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.MemoryMode;
import io.opentelemetry.sdk.metrics.Aggregation;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The OTLP exporter, counted: a collector that is down, slow or refusing never slows or fails the
 * load (exports run on the reader's own thread, each bounded by a timeout); each kind of failure
 * prints one warning line, and every export is counted for the summary. The SDK's own logging of
 * failed exports (stack traces every interval) is silenced.
 */
final class ReportingExporter implements MetricExporter {
  // held: java.util.logging keeps loggers only weakly, and a collected logger forgets its level
  private static final Logger OPENTELEMETRY_LOG = Logger.getLogger("io.opentelemetry");

  /** The longest one push may take (a slow collector): the SDK's default. */
  static final Duration EXPORT_TIMEOUT = Duration.ofSeconds(10);

  /** The longest a connection to the collector may take to open. */
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

  private final MetricExporter delegate;
  private final String endpoint;
  private final AtomicLong exported = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final Map<String, AtomicLong> failuresByKind = new ConcurrentHashMap<>();
  private final Set<String> warned = ConcurrentHashMap.newKeySet();

  private ReportingExporter(MetricExporter delegate, String endpoint) {
    this.delegate = delegate;
    this.endpoint = endpoint;
  }

  /**
   * An OTLP exporter to {@code endpoint} ({@code grpc} or {@code http/protobuf}): each export
   * bounded by {@link #EXPORT_TIMEOUT}, its connection attempt by {@link #CONNECT_TIMEOUT}.
   */
  static ReportingExporter otlp(String endpoint, String protocol) {
    OPENTELEMETRY_LOG.setLevel(Level.OFF);
    if (protocol.equals("http/protobuf")) {
      String url =
          endpoint.endsWith("/v1/metrics")
              ? endpoint
              : endpoint.replaceAll("/+$", "") + "/v1/metrics";
      return new ReportingExporter(
          OtlpHttpMetricExporter.builder()
              .setEndpoint(url)
              .setTimeout(EXPORT_TIMEOUT)
              .setConnectTimeout(CONNECT_TIMEOUT)
              .build(),
          url);
    }
    return new ReportingExporter(
        OtlpGrpcMetricExporter.builder()
            .setEndpoint(endpoint)
            .setTimeout(EXPORT_TIMEOUT)
            .setConnectTimeout(CONNECT_TIMEOUT)
            .build(),
        endpoint);
  }

  /** A reader that pushes through this exporter every {@code interval}. */
  PeriodicMetricReader periodicReader(Duration interval) {
    return PeriodicMetricReader.builder(this).setInterval(interval).build();
  }

  @Override
  public CompletableResultCode export(Collection<MetricData> metrics) {
    CompletableResultCode result = delegate.export(metrics);
    result.whenComplete(
        () -> {
          if (result.isSuccess()) {
            exported.incrementAndGet();
          } else {
            failed(result.getFailureThrowable());
          }
        });
    return result;
  }

  private void failed(Throwable cause) {
    failed.incrementAndGet();
    String kind = cause == null ? "refused" : cause.getClass().getSimpleName();
    failuresByKind.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
    if (warned.add(kind)) {
      String reason =
          cause == null ? "the collector refused the export" : kind + ": " + cause.getMessage();
      System.out.println(
          "Redline: WARNING could not push metrics to "
              + endpoint
              + " ("
              + reason
              + "); the load goes on, failed pushes are counted in the summary");
    }
  }

  @Override
  public CompletableResultCode flush() {
    return delegate.flush();
  }

  @Override
  public CompletableResultCode shutdown() {
    return delegate.shutdown();
  }

  @Override
  public AggregationTemporality getAggregationTemporality(InstrumentType instrumentType) {
    return delegate.getAggregationTemporality(instrumentType);
  }

  @Override
  public Aggregation getDefaultAggregation(InstrumentType instrumentType) {
    return delegate.getDefaultAggregation(instrumentType);
  }

  @Override
  public MemoryMode getMemoryMode() {
    return delegate.getMemoryMode();
  }

  /** Pushes that worked and that failed, by kind. */
  Map<String, Object> summary() {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("endpoint", endpoint);
    summary.put("exports_ok", exported.get());
    summary.put("exports_failed", failed.get());
    Map<String, Long> kinds = new java.util.TreeMap<>();
    failuresByKind.forEach((kind, n) -> kinds.put(kind, n.get()));
    summary.put("failures_by_kind", kinds);
    return summary;
  }
}
