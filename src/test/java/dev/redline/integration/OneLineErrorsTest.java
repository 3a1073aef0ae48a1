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
 * A mistake in the settings, a user's simulation or the target gives one clear message and a
 * non-zero exit within seconds, and nothing under the results folder that looks like a result: one
 * mistake of each route to the console here (every settings mistake's line is
 * EverySettingsMistakeIsOneLineTest's). Redline ends no JVM: the mistake is an exception whose
 * message is the one line and which carries no stack trace, so the console holds Gatling's own
 * "Failed to ..." line and that message once (the JVM does not repeat it as Gatling's main thread
 * ends), and no stack frame. Each case runs WorkloadSimulation the way {@code mvn gatling:test}
 * does: Gatling's main class in a JVM of its own.
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
  }

  @AfterAll
  static void stop() {
    guarded.close();
    plain.close();
  }

  private static Mistake property(String name, String mustSay, String... properties) {
    return new Mistake(name, List.of(properties), Map.of(), mustSay);
  }

  /**
   * One mistake of each route a refusal takes to the console: a system property, a YAML file, the
   * environment, the settings' own check of a duration, a user's own simulation (the DSL), and the
   * server or the machine at the protocol's start. Every settings mistake's line is
   * EverySettingsMistakeIsOneLineTest's, in-process.
   */
  private static List<Mistake> mistakes() throws IOException {
    String target = "redline.redis.url=redis://:" + PASSWORD + "@127.0.0.1:" + guarded.port();
    int closedPort = TestRedisServer.freePort();
    return List.of(
        property("no threads", "threads_per_client", "redline.test.threads_per_client=0"),
        property("duration of 1ms", "at least 1s", "redline.test.duration=1ms"),
        property("YAML tab", "line 2", "redline.config=" + files.resolve("tab.yaml")),
        new Mistake(
            "port from the environment", List.of(), Map.of("REDIS_PORT", "x"), "REDIS_PORT"),
        inOwnSimulation("url without scheme", "write redis://localhost:", plain.port()),
        inOwnSimulation("no connections", "connectionsPerClient", plain.port()),
        inOwnSimulation("null key", "SET: the key (argument 1) is null", plain.port()),
        // with the password in the URL: a run that would have died of OutOfMemoryError leaves no
        // heap dump holding it
        property(
            "value larger than the heap",
            "heap",
            "redline.test.workload.value_size=536870912",
            target),
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
        property("no password", "NOAUTH", "redline.redis.url=redis://127.0.0.1:" + guarded.port()),
        property(
            "database 1 of a cluster",
            "only database 0",
            "redline.redis.mode=cluster",
            "redline.redis.url=redis://127.0.0.1:" + plain.port() + "/1"),
        property(
            "sentinels that are plain servers",
            "not a sentinel",
            "redline.redis.mode=sentinel",
            "redline.redis.sentinel_master=mymaster",
            "redline.redis.sentinel_nodes=127.0.0.1:" + plain.port()),
        property(
            "cluster mode against a standalone server",
            "cluster",
            target,
            "redline.redis.mode=cluster",
            "redline.redis.cluster_nodes=127.0.0.1:" + guarded.port()));
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
      // a JVM writes its heap dump into its working directory: the checkout, for these runs
      try (Stream<Path> checkout = Files.list(Path.of("."))) {
        List<Path> dumps =
            checkout.filter(p -> p.getFileName().toString().endsWith(".hprof")).toList();
        assertTrue(dumps.isEmpty(), "no heap dump in the checkout: " + dumps);
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
