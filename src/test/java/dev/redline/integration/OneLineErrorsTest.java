package dev.redline.integration;

import static org.junit.jupiter.api.Assertions.*;

import dev.redline.testing.EndToEnd;
import dev.redline.testing.ForkedGatling;
import dev.redline.testing.TestRedisServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every mistake a user can make in the settings or the target gives one clear message and a
 * non-zero exit within seconds, and nothing under the results folder that looks like a result.
 * Redline ends no JVM: the mistake is an exception whose message is the one line and which carries
 * no stack trace, so the console holds Gatling's own "Failed to ..." line and that message once
 * (the JVM does not repeat it as Gatling's main thread ends), and no stack frame. Each case runs
 * WorkloadSimulation the way {@code mvn gatling:test} does: Gatling's main class in a JVM of its
 * own.
 */
@EndToEnd
class OneLineErrorsTest {
  private static final String PASSWORD = "Zq9Lx-keCq-5531";
  private static final String SIMULATION = "dev.redline.simulations.WorkloadSimulation";

  /** Gatling's own notice of a newer release (from its registry check), not Redline's output. */
  private static final String GATLING_RELEASE_NOTICE = "is available! (you're using";

  private static TestRedisServer guarded;
  private static TestRedisServer plain;
  private static Path files;

  /**
   * A bad input: the simulation it runs (WorkloadSimulation unless a user's own), its settings,
   * environment, and a word the one line must contain.
   */
  record Mistake(
      String name,
      String simulation,
      List<String> properties,
      Map<String, String> environment,
      String mustSay) {
    Mistake(String name, List<String> properties, Map<String, String> environment, String mustSay) {
      this(name, SIMULATION, properties, environment, mustSay);
    }
  }

  private static Mistake inOwnSimulation(String mistake, String mustSay, int port) {
    return new Mistake(
        "DSL: " + mistake,
        "dev.redline.testing.DslMistakeSimulation",
        List.of("dsl.mistake=" + mistake, "dsl.url=redis://127.0.0.1:" + port),
        Map.of(),
        mustSay);
  }

  @BeforeAll
  static void start() throws IOException {
    guarded = TestRedisServer.start("--requirepass", PASSWORD);
    plain = TestRedisServer.start();
    files = Files.createTempDirectory("redline-bad-config");
    Files.writeString(files.resolve("tab.yaml"), "test:\n\tduration: 5s\n");
    Files.writeString(files.resolve("duplicate.yaml"), "test:\n  duration: 5s\n  duration: 10s\n");
    Files.writeString(files.resolve("list-password.yaml"), "redis:\n  password: [a, b]\n");
    Files.writeString(files.resolve("unknown-key.yaml"), "test:\n  threads_per_clint: 4\n");
    Files.writeString(files.resolve("accent-key.yaml"), "tést:\n  duration: 5s\n");
    Files.writeString(files.resolve("unindented.yaml"), "test:\nduration: 5s\n");
    Files.createDirectories(files.resolve("folder"));
    Files.write(
        files.resolve("binary.yaml"), new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF, 0x00, 0x01});
  }

  @AfterAll
  static void stop() {
    guarded.close();
    plain.close();
  }

  private static Mistake property(String name, String mustSay, String... properties) {
    return new Mistake(name, List.of(properties), Map.of(), mustSay);
  }

  private static List<Mistake> mistakes() throws IOException {
    String target = "redline.redis.url=redis://:" + PASSWORD + "@127.0.0.1:" + guarded.port();
    int closedPort = TestRedisServer.freePort();
    List<Mistake> all =
        new ArrayList<>(
            List.of(
                property("no threads", "threads_per_client", "redline.test.threads_per_client=0"),
                property(
                    "threads past int",
                    "threads_per_client",
                    "redline.test.threads_per_client=2147483648"),
                property(
                    "negative clients", "client_instances", "redline.test.client_instances=-1"),
                property(
                    "connections not a number",
                    "connections_per_client",
                    "redline.test.connections_per_client=abc"),
                property("empty credentials", "redis.url", "redline.redis.url=redis://:@"),
                property("duration typo", "test.duration", "redline.test.duration=10x"),
                property("warm-up unlimited", "test.warmup", "redline.test.warmup=unlimited"),
                property("unknown key", "thread_per_client", "redline.test.thread_per_client=2"),
                property("unknown profile", "profile", "redline.test.workload.profile=basic"),
                property(
                    "unknown operation",
                    "FOO",
                    "redline.test.workload.operations={SET: 0.4, FOO: 0.6}"),
                property("key range 0", "key_range", "redline.test.workload.key_range=0"),
                property("value size 0", "value_size", "redline.test.workload.value_size=0"),
                // with the password in the URL: a run that would have died of OutOfMemoryError
                // leaves no heap dump holding it
                property(
                    "value larger than the heap",
                    "heap",
                    "redline.test.workload.value_size=536870912",
                    target),
                property(
                    "min above max",
                    "value_size_min",
                    "redline.test.workload.value_size_min=200",
                    "redline.test.workload.value_size_max=100"),
                property("pipeline of 0", "pipeline_size", "redline.test.workload.pipeline_size=0"),
                property("port out of range", "redis.port", "redline.redis.port=70000"),
                property("mode typo", "redis.mode", "redline.redis.mode=clusterr"),
                property("RESP 4", "redis.protocol", "redline.redis.protocol=4"),
                property(
                    "missing CA file",
                    "tls_ca_file",
                    "redline.redis.tls_ca_file=/nonexistent/ca.pem"),
                property(
                    "negative rate",
                    "target_ops_per_second",
                    "redline.test.target_ops_per_second=-5"),
                property(
                    "retries past the limit",
                    "client_retry_attempts",
                    "redline.test.client_retry_attempts=1000"),
                property("records typo", "gatling_records", "redline.test.gatling_records=some"),
                property(
                    "key pattern typo", "key_pattern", "redline.test.workload.key_pattern=pareto"),
                property("negative db", "redis.db", "redline.redis.db=-1"),
                property("http URL", "scheme", "redline.redis.url=http://localhost:1"),
                property(
                    "raw @ in the password",
                    "%40",
                    "redline.redis.url=redis://:Zq9Lx@keCq@127.0.0.1:7802"),
                property(
                    "missing config file",
                    "does not exist",
                    "redline.config=/nonexistent/redline.yaml"),
                property("YAML tab", "line 2", "redline.config=" + files.resolve("tab.yaml")),
                property(
                    "YAML duplicate key",
                    "duplicate",
                    "redline.config=" + files.resolve("duplicate.yaml")),
                property(
                    "YAML list as password",
                    "not a single value",
                    "redline.config=" + files.resolve("list-password.yaml")),
                property(
                    "YAML unknown key",
                    "threads_per_client",
                    "redline.config=" + files.resolve("unknown-key.yaml")),
                property(
                    "binary config", "not UTF-8", "redline.config=" + files.resolve("binary.yaml")),
                new Mistake(
                    "port from the environment",
                    List.of(),
                    Map.of("REDIS_PORT", "x"),
                    "REDIS_PORT"),
                new Mistake(
                    "collector without a scheme",
                    List.of(),
                    Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "collector:4317"),
                    "OTEL_EXPORTER_OTLP_ENDPOINT"),
                property(
                    "Prometheus port in use",
                    "prometheus_port",
                    "redline.metrics.prometheus_port=" + guarded.port()),
                property(
                    "unreachable server",
                    "127.0.0.1:" + closedPort,
                    "redline.redis.url=redis://127.0.0.1:" + closedPort),
                property(
                    "wrong password",
                    "WRONGPASS",
                    "redline.redis.url=redis://:wrong@127.0.0.1:" + guarded.port()),
                property(
                    "no password",
                    "NOAUTH",
                    "redline.redis.url=redis://127.0.0.1:" + guarded.port())));
    all.add(property("duration of 1ms", "at least 1s", "redline.test.duration=1ms"));
    all.add(property("duration of 250ms", "at least 1s", "redline.test.duration=250ms"));
    all.add(
        property(
            "YAML key with an accent",
            "did you mean 'test:'",
            "redline.config=" + files.resolve("accent-key.yaml")));
    all.add(
        property(
            "raw # in the password",
            "%23",
            "redline.redis.url=redis://:Zq9Lx#keCq@127.0.0.1:7802"));
    all.add(
        property(
            "YAML section that lost its indent",
            "did you mean 'test.duration'? It goes indented beneath 'test:'",
            "redline.config=" + files.resolve("unindented.yaml")));
    all.add(
        property("config a folder", "is a folder", "redline.config=" + files.resolve("folder")));
    all.add(property("config under ~", "$HOME/redline.yaml", "redline.config=~/redline.yaml"));
    all.add(
        new Mistake(
            "misspelt REDLINE_ variable",
            List.of(),
            Map.of("REDLINE_ASSERTION", "* p99 < 1ms"),
            "did you mean REDLINE_ASSERTIONS?"));
    all.add(
        property(
            "database 1 of a cluster",
            "only database 0",
            "redline.redis.mode=cluster",
            "redline.redis.url=redis://127.0.0.1:" + plain.port() + "/1"));
    all.add(inOwnSimulation("url without scheme", "write redis://localhost:", plain.port()));
    all.add(inOwnSimulation("no connections", "connectionsPerClient", plain.port()));
    all.add(inOwnSimulation("null key", "SET: the key (argument 1) is null", plain.port()));
    all.add(
        property(
            "sentinels that are plain servers",
            "not a sentinel",
            "redline.redis.mode=sentinel",
            "redline.redis.sentinel_master=mymaster",
            "redline.redis.sentinel_nodes=127.0.0.1:" + plain.port()));
    all.add(
        property(
            "cluster mode against a standalone server",
            "cluster",
            target,
            "redline.redis.mode=cluster",
            "redline.redis.cluster_nodes=127.0.0.1:" + guarded.port()));
    return all;
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }

  @Test
  void everyMistakeIsOneLineAndANonZeroExit() throws Exception {
    List<Mistake> mistakes = mistakes();
    assertTrue(mistakes.size() >= 30);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<ForkedGatling.Result>> runs = new ArrayList<>();
      for (Mistake m : mistakes) {
        runs.add(
            pool.submit(
                () ->
                    ForkedGatling.runBrief(
                        m.simulation(), m.properties(), m.environment(), Duration.ofSeconds(60))));
      }
      List<String> problems = new ArrayList<>();
      for (int i = 0; i < mistakes.size(); i++) {
        Mistake m = mistakes.get(i);
        ForkedGatling.Result r = runs.get(i).get();
        List<String> lines =
            r.lines().stream()
                .filter(l -> !l.isBlank() && !l.contains(GATLING_RELEASE_NOTICE))
                .toList();
        String why = problems(m, r, lines);
        if (!why.isEmpty()) {
          List<String> tail = lines.subList(Math.max(0, lines.size() - 4), lines.size());
          problems.add(
              m.name()
                  + ": "
                  + why
                  + "\n    last lines: "
                  + String.join("\n                ", tail));
        }
      }
      assertTrue(
          problems.isEmpty(),
          problems.size()
              + " of "
              + mistakes.size()
              + " mistakes were not one clear line:\n"
              + String.join("\n", problems));
      try (Stream<Path> everything = Files.walk(Path.of("."))) {
        List<Path> dumps =
            everything.filter(p -> p.getFileName().toString().endsWith(".hprof")).toList();
        assertTrue(dumps.isEmpty(), "no heap dump anywhere in the checkout: " + dumps);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Gatling's own line before an error that ended its start (Failed to create the ...). */
  private static final java.util.regex.Pattern GATLINGS_LINE =
      java.util.regex.Pattern.compile("ERROR\\s+Gatling\\$? - Failed to [a-z ()]+");

  private static String problems(Mistake m, ForkedGatling.Result r, List<String> lines)
      throws IOException {
    List<String> why = new ArrayList<>();
    if (r.exitCode() == 0 || r.exitCode() == -1) {
      why.add("exit code " + r.exitCode());
    }
    if (r.millis() > 20_000) {
      why.add("took " + r.millis() + " ms");
    }
    if (lines.size() > 3) {
      why.add(lines.size() + " lines");
    }
    if (lines.stream().anyMatch(l -> l.startsWith("\tat ") || l.strip().startsWith("at "))) {
      why.add("a stack frame");
    }
    List<String> messages =
        lines.stream()
            .filter(l -> !GATLINGS_LINE.matcher(l).find())
            .map(l -> l.replaceFirst("^Exception in thread \"main\" ", ""))
            .map(l -> l.replaceFirst("^[a-z.]+\\.[A-Z]\\w+: ", ""))
            .toList();
    if (messages.size() != 1) {
      why.add(messages.size() + " message lines, not one: " + messages);
    }
    if (lines.stream().noneMatch(l -> l.contains(m.mustSay()))) {
      why.add("does not say '" + m.mustSay() + "'");
    }
    if (r.output().contains(PASSWORD)
        || r.output().contains("Zq9Lx")
        || r.output().contains("keCq")) {
      why.add("shows a password");
    }
    try (Stream<Path> written = Files.walk(r.resultsFolder())) {
      // Gatling makes its run folder before any protocol starts: an empty simulation.log is its
      List<Path> logs =
          written
              .filter(
                  p ->
                      (p.getFileName().toString().equals("simulation.log") && size(p) > 4096)
                          || p.getFileName().toString().equals("summary.json"))
              .toList();
      if (!logs.isEmpty()) {
        why.add("left " + logs);
      }
    }
    return String.join(", ", why);
  }
}
