package dev.redline.testing;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An OTLP/HTTP metrics receiver: a JDK HTTP server on a free port that decodes each
 * {@code POST /v1/metrics} body with the protocol's own classes and keeps the requests.
 */
public final class OtlpReceiver implements AutoCloseable {
  private final HttpServer server;
  private final List<ExportMetricsServiceRequest> requests = new CopyOnWriteArrayList<>();

  public OtlpReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    server.createContext("/v1/metrics", exchange -> {
      try (exchange) {
        requests.add(ExportMetricsServiceRequest.parseFrom(exchange.getRequestBody().readAllBytes()));
        byte[] reply = ExportMetricsServiceResponse.getDefaultInstance().toByteArray();
        exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
        exchange.sendResponseHeaders(200, reply.length == 0 ? -1 : reply.length);
        exchange.getResponseBody().write(reply);
      }
    });
    server.start();
  }

  /** The base URL to give the exporter. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Every request received, in order. */
  public List<ExportMetricsServiceRequest> requests() {
    return List.copyOf(requests);
  }

  /** The metrics of the last request, by name. */
  public Map<String, Metric> lastMetrics() {
    Map<String, Metric> byName = new TreeMap<>();
    ExportMetricsServiceRequest last = requests.get(requests.size() - 1);
    for (ResourceMetrics resource : last.getResourceMetricsList()) {
      for (ScopeMetrics scope : resource.getScopeMetricsList()) {
        scope.getMetricsList().forEach(metric -> byName.put(metric.getName(), metric));
      }
    }
    return byName;
  }

  /** The resource attributes of the last request. */
  public Map<String, String> lastResource() {
    Map<String, String> attributes = new TreeMap<>();
    ExportMetricsServiceRequest last = requests.get(requests.size() - 1);
    last.getResourceMetrics(0).getResource().getAttributesList().forEach(kv -> attributes.put(kv.getKey(), kv.getValue().getStringValue()));
    return attributes;
  }

  /** A data point's attributes as strings. */
  public static Map<String, String> attributes(List<KeyValue> list) {
    Map<String, String> attributes = new TreeMap<>();
    list.forEach(kv -> attributes.put(kv.getKey(), kv.getValue().getStringValue()));
    return attributes;
  }

  /** The sum points of a counter whose attributes include {@code match}. */
  public static List<NumberDataPoint> points(Metric counter, Map<String, String> match) {
    List<NumberDataPoint> points = new ArrayList<>();
    for (NumberDataPoint point : counter.getSum().getDataPointsList()) {
      if (attributes(point.getAttributesList()).entrySet().containsAll(match.entrySet())) {
        points.add(point);
      }
    }
    return points;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
