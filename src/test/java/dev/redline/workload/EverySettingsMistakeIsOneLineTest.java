package dev.redline.workload;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redline.config.RedlineConfig;
import dev.redline.config.Refusal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every mistake in the settings is refused by the settings themselves, before any load, with one
 * line that names what to change and shows no password. These are what WorkloadSimulation builds
 * (config, protocol, population, assertions) in this JVM; that such a refusal reaches a user of
 * {@code mvn gatling:test} as Gatling's line and this one, with a non-zero exit, is
 * OneLineErrorsTest's, in a JVM of its own, for one mistake of each route.
 */
class EverySettingsMistakeIsOneLineTest {
  private static final String PASSWORD = "Zq9Lx-keCq-5531";
  private static Path files;

  record Mistake(
      String name, Map<String, String> properties, Map<String, String> env, String mustSay) {}

  @BeforeAll
  static void files() throws IOException {
    files = Files.createTempDirectory("redline-bad-settings");
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

  private static Mistake property(String name, String mustSay, String... properties) {
    Map<String, String> map = new java.util.LinkedHashMap<>();
    for (String p : properties) {
      int eq = p.indexOf('=');
      map.put(p.substring(0, eq), p.substring(eq + 1));
    }
    return new Mistake(name, map, Map.of(), mustSay);
  }

  private static Mistake environment(String name, String mustSay, String variable, String value) {
    return new Mistake(name, Map.of(), Map.of(variable, value), mustSay);
  }

  private static List<Mistake> mistakes() {
    String yaml = "redline.config=" + files + "/";
    return List.of(
        property("no threads", "threads_per_client", "redline.test.threads_per_client=0"),
        property(
            "threads past int", "threads_per_client", "redline.test.threads_per_client=2147483648"),
        property("negative clients", "client_instances", "redline.test.client_instances=-1"),
        property(
            "connections not a number",
            "connections_per_client",
            "redline.test.connections_per_client=abc"),
        property("empty credentials", "redis.url", "redline.redis.url=redis://:@"),
        property("duration typo", "test.duration", "redline.test.duration=10x"),
        property("duration of 1ms", "at least 1s", "redline.test.duration=1ms"),
        property("duration of 250ms", "at least 1s", "redline.test.duration=250ms"),
        property("warm-up unlimited", "test.warmup", "redline.test.warmup=unlimited"),
        property("unknown key", "thread_per_client", "redline.test.thread_per_client=2"),
        property("unknown profile", "profile", "redline.test.workload.profile=basic"),
        property(
            "unknown operation", "FOO", "redline.test.workload.operations={SET: 0.4, FOO: 0.6}"),
        property("key range 0", "key_range", "redline.test.workload.key_range=0"),
        property("value size 0", "value_size", "redline.test.workload.value_size=0"),
        property(
            "min above max",
            "value_size_min",
            "redline.test.workload.value_size_min=200",
            "redline.test.workload.value_size_max=100"),
        property("pipeline of 0", "pipeline_size", "redline.test.workload.pipeline_size=0"),
        property("port out of range", "redis.port", "redline.redis.port=70000"),
        property("mode typo", "redis.mode", "redline.redis.mode=clusterr"),
        property("read_from typo", "redis.read_from", "redline.redis.read_from=replicas"),
        property("replica not host:port", "redis.replicas", "redline.redis.replicas=[10.0.0.2]"),
        property("RESP 4", "redis.protocol", "redline.redis.protocol=4"),
        property("missing CA file", "tls_ca_file", "redline.redis.tls_ca_file=/nonexistent/ca.pem"),
        property("negative rate", "target_ops_per_second", "redline.test.target_ops_per_second=-5"),
        property(
            "retries past the limit",
            "client_retry_attempts",
            "redline.test.client_retry_attempts=1000"),
        property("records typo", "gatling_records", "redline.test.gatling_records=some"),
        property("key pattern typo", "key_pattern", "redline.test.workload.key_pattern=pareto"),
        property("negative db", "redis.db", "redline.redis.db=-1"),
        property("http URL", "scheme", "redline.redis.url=http://localhost:1"),
        property(
            "raw @ in the password", "%40", "redline.redis.url=redis://:Zq9Lx@keCq@127.0.0.1:7802"),
        property(
            "raw # in the password", "%23", "redline.redis.url=redis://:Zq9Lx#keCq@127.0.0.1:7802"),
        property(
            "missing config file", "does not exist", "redline.config=/nonexistent/redline.yaml"),
        property("YAML tab", "line 2", yaml + "tab.yaml"),
        property("YAML duplicate key", "duplicate", yaml + "duplicate.yaml"),
        property("YAML list as password", "not a single value", yaml + "list-password.yaml"),
        property("YAML unknown key", "threads_per_client", yaml + "unknown-key.yaml"),
        property("binary config", "not UTF-8", yaml + "binary.yaml"),
        property("YAML key with an accent", "did you mean 'test:'", yaml + "accent-key.yaml"),
        property(
            "YAML section that lost its indent",
            "did you mean 'test.duration'? It goes indented beneath 'test:'",
            yaml + "unindented.yaml"),
        property("config a folder", "is a folder", yaml + "folder"),
        property("config under ~", "$HOME/redline.yaml", "redline.config=~/redline.yaml"),
        property(
            "a comma between assertions",
            "separate assertions with ';'",
            "redline.assertions=GET p99 < 500us, SET p99 < 1ms"),
        environment("port from the environment", "REDIS_PORT", "REDIS_PORT", "x"),
        environment(
            "collector without a scheme",
            "OTEL_EXPORTER_OTLP_ENDPOINT",
            "OTEL_EXPORTER_OTLP_ENDPOINT",
            "collector:4317"),
        environment(
            "misspelt REDLINE_ variable",
            "did you mean REDLINE_ASSERTIONS?",
            "REDLINE_ASSERTION",
            "* p99 < 1ms"));
  }

  /** What WorkloadSimulation builds from the settings before Gatling starts any user. */
  private static void buildAsWorkloadSimulationDoes(Mistake m) {
    Properties properties = new Properties();
    properties.putAll(m.properties());
    RunSettings settings = new RunSettings(RedlineConfig.load(properties, m.env()));
    settings.population();
    settings.protocol();
    settings.assertions();
    settings.throttle();
  }

  @Test
  void eachIsRefusedWithOneLineThatNamesWhatToChange() {
    List<String> problems = new ArrayList<>();
    for (Mistake m : mistakes()) {
      try {
        buildAsWorkloadSimulationDoes(m);
        problems.add(m.name() + ": accepted");
      } catch (RuntimeException e) {
        String message = String.valueOf(e.getMessage());
        List<String> why = new ArrayList<>();
        if (!(e instanceof Refusal)) {
          why.add("a " + e.getClass().getName() + ", not a refusal");
        }
        if (message.contains("\n")) {
          why.add("more than one line");
        }
        if (!message.contains(m.mustSay())) {
          why.add("does not say '" + m.mustSay() + "'");
        }
        if (message.contains("Zq9Lx") || message.contains("keCq") || message.contains(PASSWORD)) {
          why.add("shows a password");
        }
        if (!why.isEmpty()) {
          problems.add(m.name() + ": " + String.join(", ", why) + "\n    " + message);
        }
      }
    }
    assertTrue(
        problems.isEmpty(),
        problems.size()
            + " settings mistakes were not one clear refusal:\n"
            + String.join("\n", problems));
  }
}
