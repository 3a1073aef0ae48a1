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
 * An OTLP metrics receiver on a free port that decodes each export's real bytes with the protocol's
 * own classes and keeps the requests: over HTTP ({@code POST /v1/metrics} on a JDK HTTP server) or
 * over gRPC (a netty HTTP/2 server).
 */
public final class OtlpReceiver implements AutoCloseable {
  private final List<ExportMetricsServiceRequest> requests = new CopyOnWriteArrayList<>();
  private final AutoCloseable server;
  private final int port;

  private OtlpReceiver(String protocol) throws IOException, InterruptedException {
    if (protocol.equals("grpc")) {
      GrpcMetricsServer grpc = new GrpcMetricsServer(this::received);
      server = grpc;
      port = grpc.port();
      return;
    }
    HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    http.createContext(
        "/v1/metrics",
        exchange -> {
          try (exchange) {
            received(exchange.getRequestBody().readAllBytes());
            byte[] reply = ExportMetricsServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, reply.length == 0 ? -1 : reply.length);
            exchange.getResponseBody().write(reply);
          }
        });
    http.start();
    server = () -> http.stop(0);
    port = http.getAddress().getPort();
  }

  /** A receiver for {@code grpc} or {@code http/protobuf}. */
  public static OtlpReceiver start(String protocol) throws IOException, InterruptedException {
    return new OtlpReceiver(protocol);
  }

  private void received(byte[] body) {
    try {
      requests.add(ExportMetricsServiceRequest.parseFrom(body));
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new IllegalStateException("not an OTLP metrics export: " + e.getMessage(), e);
    }
  }

  /** The base URL to give the exporter. */
  public String url() {
    return "http://127.0.0.1:" + port;
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
    last.getResourceMetrics(0)
        .getResource()
        .getAttributesList()
        .forEach(kv -> attributes.put(kv.getKey(), kv.getValue().getStringValue()));
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
  public void close() throws Exception {
    server.close();
  }
}
