package dev.redline.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.redline.config.ConfigError;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.export.CollectionRegistration;
import io.opentelemetry.sdk.metrics.export.MetricReader;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Serves {@code GET /metrics} in Prometheus's text format during the run, on every interface of
 * this machine: each scrape collects the run's instruments (cumulative) at that moment.
 */
final class PrometheusEndpoint implements MetricReader {
  private final HttpServer server;
  private final ExecutorService scrapes;
  private final int port;
  private final AtomicLong served = new AtomicLong();
  private volatile CollectionRegistration registration = CollectionRegistration.noop();

  private PrometheusEndpoint(HttpServer server, ExecutorService scrapes, int port) {
    this.server = server;
    this.scrapes = scrapes;
    this.port = port;
  }

  /** Starts serving on {@code port}; a port in use refuses the run with one line. */
  static PrometheusEndpoint start(int port) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(port), 16);
    } catch (IOException e) {
      throw new ConfigError(
          "metrics.prometheus_port "
              + port
              + " cannot be served ("
              + e.getMessage()
              + "): choose a free port or 0 for none");
    }
    ExecutorService scrapes =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread thread = new Thread(r, "redline-prometheus");
              thread.setDaemon(true);
              return thread;
            });
    PrometheusEndpoint endpoint = new PrometheusEndpoint(server, scrapes, port);
    server.createContext("/metrics", endpoint::scrape);
    server.setExecutor(scrapes);
    server.start();
    return endpoint;
  }

  private void scrape(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"GET".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      byte[] body =
          PrometheusText.render(registration.collectAllMetrics()).getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
      served.incrementAndGet();
    }
  }

  @Override
  public void register(CollectionRegistration registration) {
    this.registration = registration;
  }

  @Override
  public AggregationTemporality getAggregationTemporality(InstrumentType instrumentType) {
    return AggregationTemporality.CUMULATIVE;
  }

  @Override
  public CompletableResultCode forceFlush() {
    return CompletableResultCode.ofSuccess();
  }

  @Override
  public CompletableResultCode shutdown() {
    server.stop(0); // leaves an executor it was given running: the run's JVM may go on
    scrapes.shutdown();
    try {
      scrapes.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return CompletableResultCode.ofSuccess();
  }

  /** The port and how many scrapes were served. */
  Map<String, Object> summary() {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("port", port);
    summary.put("scrapes", served.get());
    return summary;
  }
}
