package dev.redline.testing;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real Prometheus server scraping one target every second, queried through its HTTP API. The
 * binary is {@code REDLINE_PROMETHEUS}, else {@code prometheus} on the PATH ({@code .ci/run}
 * installs Debian's); without one the calling test is skipped and says why.
 */
public final class TestPrometheus implements AutoCloseable {
  private final Process process;
  private final Path directory;
  private final int port;
  private final HttpClient http = HttpClient.newHttpClient();

  private TestPrometheus(Process process, Path directory, int port) {
    this.process = process;
    this.directory = directory;
    this.port = port;
  }

  /**
   * Starts Prometheus scraping {@code 127.0.0.1:targetPort/metrics} every second; waits until it is
   * ready.
   */
  public static TestPrometheus scraping(int targetPort) throws IOException {
    Path binary = find();
    Requirement.need(
        binary != null,
        "no prometheus binary (set REDLINE_PROMETHEUS or install Debian's prometheus)");
    Path directory = Files.createTempDirectory("redline-prometheus-");
    Path config = directory.resolve("prometheus.yml");
    Files.writeString(
        config,
        String.join(
            "\n",
            "global:",
            "  scrape_interval: 1s",
            "  scrape_timeout: 900ms",
            "scrape_configs:",
            "  - job_name: redline",
            "    static_configs:",
            "      - targets: ['127.0.0.1:" + targetPort + "']",
            ""));
    int port = TestRedisServer.freePort();
    Process process =
        new ProcessBuilder(
                binary.toString(),
                "--config.file=" + config,
                "--storage.tsdb.path=" + directory.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port)
            .redirectErrorStream(true)
            .redirectOutput(directory.resolve("prometheus.log").toFile())
            .start();
    TestPrometheus prometheus = new TestPrometheus(process, directory, port);
    Await.until("Prometheus ready on port " + port, Duration.ofSeconds(30), prometheus::ready);
    return prometheus;
  }

  private boolean ready() {
    if (!process.isAlive()) {
      throw new IllegalStateException("prometheus exited: " + log());
    }
    try {
      return get("/-/ready").statusCode() == 200;
    } catch (IOException e) {
      return false;
    }
  }

  /** The JSON answer of an instant query ({@code /api/v1/query}). */
  public String query(String promql) throws IOException {
    return get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)).body();
  }

  /** The JSON answer of a series lookup ({@code /api/v1/series}). */
  public String series(String match) throws IOException {
    return get("/api/v1/series?match[]=" + URLEncoder.encode(match, StandardCharsets.UTF_8)).body();
  }

  private HttpResponse<String> get(String path) throws IOException {
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
              .timeout(Duration.ofSeconds(5))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  /** Prometheus's log, for failure messages. */
  public String log() {
    try {
      return Files.readString(directory.resolve("prometheus.log"));
    } catch (IOException e) {
      return "(no log)";
    }
  }

  private static Path find() {
    String configured = System.getenv("REDLINE_PROMETHEUS");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, "prometheus");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  @Override
  public void close() throws IOException {
    process.destroy();
    try {
      if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try (var files = Files.walk(directory)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
