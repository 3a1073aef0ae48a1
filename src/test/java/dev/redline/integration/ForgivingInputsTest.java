package dev.redline.integration;

import static org.junit.jupiter.api.Assertions.*;

import dev.redline.testing.EndToEnd;
import dev.redline.testing.ForkedGatling;
import dev.redline.testing.TestRedisServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Inputs that are not mistakes run, as the user meant them: the README's own YAML file, a password
 * with a space in every form a user has, a password that YAML would read as a number, operations as
 * a YAML list, a URL on the command line over address parts left in the environment, a YAML file
 * with nothing set (said so), a huge YAML file of comments. Each runs WorkloadSimulation the way
 * {@code mvn gatling:test} does.
 */
@EndToEnd
class ForgivingInputsTest {
  private static final String SIMULATION = "dev.redline.simulations.WorkloadSimulation";
  private static final String PASSWORD = "sp ace-Pw1";

  /** A run: its settings, environment, and what its console must say. */
  record Input(
      String name, List<String> properties, Map<String, String> environment, String says) {}

  @Test
  void eachInputRunsAsMeant() throws Exception {
    Path files = Files.createTempDirectory("redline-inputs");
    try (TestRedisServer plain = TestRedisServer.start();
        TestRedisServer guarded = TestRedisServer.startWithPassword(PASSWORD);
        TestRedisServer digits = TestRedisServer.start("--requirepass", "0123456")) {
      String plainUrl = "redline.redis.url=" + plain.url();
      Files.writeString(files.resolve("empty.yaml"), "# nothing yet\n");
      Files.writeString(
          files.resolve("password.yaml"),
          "redis:\n  host: 127.0.0.1\n  port: "
              + guarded.port()
              + "\n  password: '"
              + PASSWORD
              + "'\n");
      // to YAML, 0123456 is the octal number 42798
      Files.writeString(
          files.resolve("digits.yaml"),
          "redis:\n  host: 127.0.0.1\n  port: " + digits.port() + "\n  password: 0123456\n");
      Files.writeString(
          files.resolve("list.yaml"),
          "test:\n  workload:\n    profile: custom\n    operations: [SET, GET]\n");
      Path huge = files.resolve("huge.yaml");
      String comment = "# " + "x".repeat(1020) + "\n";
      StringBuilder text = new StringBuilder(31 * 1024 * 1024);
      while (text.length() < 30 * 1024 * 1024) {
        text.append(comment);
      }
      text.append("test:\n  threads_per_client: 2\n");
      Files.writeString(huge, text);
      List<String> short1s = List.of("redline.test.duration=2s");

      List<Input> inputs =
          List.of(
              new Input(
                  "the README's redline.yaml",
                  List.of(
                      "redline.config=redline.yaml", // as the README writes it, from the checkout
                      plainUrl,
                      "redline.test.duration=2s"),
                  Map.of(),
                  "redline.yaml key test.client_instances"),
              new Input(
                  "a password with a space in REDIS_PASSWORD",
                  short1s,
                  Map.of(
                      "REDIS_HOST",
                      "127.0.0.1",
                      "REDIS_PORT",
                      String.valueOf(guarded.port()),
                      "REDIS_PASSWORD",
                      PASSWORD),
                  "environment variable REDIS_PASSWORD"),
              new Input(
                  "a password with a space as %20 in the URL",
                  List.of(
                      "redline.redis.url=redis://:sp%20ace-Pw1@127.0.0.1:" + guarded.port(),
                      "redline.test.duration=2s"),
                  Map.of(),
                  "system property redline.redis.url"),
              new Input(
                  "a password with a space in YAML",
                  List.of(
                      "redline.config=" + files.resolve("password.yaml"),
                      "redline.test.duration=2s"),
                  Map.of(),
                  "password.yaml key redis.password"),
              new Input(
                  "a YAML file with nothing set",
                  List.of(
                      "redline.config=" + files.resolve("empty.yaml"),
                      plainUrl,
                      "redline.test.duration=2s"),
                  Map.of(),
                  "empty.yaml holds no settings"),
              new Input(
                  "a password of digits with a leading 0 in YAML",
                  List.of(
                      "redline.config=" + files.resolve("digits.yaml"), "redline.test.duration=2s"),
                  Map.of(),
                  "digits.yaml key redis.password"),
              new Input(
                  "operations as a YAML list",
                  List.of(
                      "redline.config=" + files.resolve("list.yaml"),
                      plainUrl,
                      "redline.test.duration=2s"),
                  Map.of(),
                  "{SET=1.0, GET=1.0}"),
              new Input(
                  "a URL on the command line over REDIS_HOST and REDIS_PASSWORD left in the shell",
                  List.of(
                      "redline.redis.url=redis://:sp%20ace-Pw1@127.0.0.1:" + guarded.port(),
                      "redline.test.duration=2s"),
                  Map.of("REDIS_HOST", "no-such-host.invalid", "REDIS_PASSWORD", "left-over"),
                  "using Redis at redis://:***@127.0.0.1:" + guarded.port()),
              new Input(
                  "a 30 MB YAML file of comments",
                  List.of("redline.config=" + huge, plainUrl, "redline.test.duration=2s"),
                  Map.of(),
                  "huge.yaml key test.threads_per_client"));

      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        List<Future<ForkedGatling.Result>> runs = new ArrayList<>();
        for (Input input : inputs) {
          runs.add(
              pool.submit(
                  () ->
                      ForkedGatling.runBrief(
                          SIMULATION,
                          input.properties(),
                          input.environment(),
                          Duration.ofSeconds(90))));
        }
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
          Input input = inputs.get(i);
          ForkedGatling.Result r = runs.get(i).get();
          List<String> why = new ArrayList<>();
          if (r.exitCode() != 0) {
            why.add("exit code " + r.exitCode());
          }
          if (!r.output().contains(input.says())) {
            why.add("does not say '" + input.says() + "'");
          }
          if (r.output().contains("WRONGPASS") || r.output().contains("NOAUTH")) {
            why.add("could not log in");
          }
          if (r.output().contains(PASSWORD) || r.output().contains("sp%20ace")) {
            why.add("shows the password");
          }
          if (!why.isEmpty()) {
            List<String> lines = r.lines();
            problems.add(
                input.name()
                    + ": "
                    + String.join(", ", why)
                    + "\n    "
                    + String.join(
                        "\n    ", lines.subList(Math.max(0, lines.size() - 25), lines.size())));
          }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
      } finally {
        pool.shutdownNow();
      }
    }
  }
}
