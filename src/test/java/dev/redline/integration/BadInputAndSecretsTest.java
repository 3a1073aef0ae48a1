package dev.redline.integration;

import static dev.redline.javaapi.RedisDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.redline.testing.ConsoleCapture;
import dev.redline.testing.GatlingRun;
import dev.redline.testing.TestRedisServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bad credentials and settings stop the run at start with one clear message; secrets never leak.
 */
class BadInputAndSecretsTest {
  private static final String PASSWORD = "s3cr3t-Pw-9137";
  private static TestRedisServer server;

  @BeforeAll
  static void start() {
    server = TestRedisServer.start("--requirepass", PASSWORD);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String failureOf(String url) {
    try (ConsoleCapture console = new ConsoleCapture()) {
      GatlingRun.Result run;
      try {
        run =
            GatlingRun.run(
                redis().url(url).connectTimeout(Duration.ofMillis(500)),
                Duration.ofSeconds(10),
                scenario("never").exec(cmd.get("k")).injectOpen(atOnceUsers(1)));
      } catch (Exception e) {
        return messagesOf(e);
      }
      assertNotEquals(0, run.exitCode(), "a bad start is a non-zero exit");
      assertNull(run.redline().recorder().series("GET"), "no load started");
      return console.text();
    }
  }

  /** The messages of an exception and its causes, a line each. */
  private static String messagesOf(Throwable e) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      all.append(t.getMessage()).append('\n');
    }
    return all.toString();
  }

  @Test
  void wrongPasswordAndUnknownUserAreReportedAtStart() {
    String wrongPassword = failureOf("redis://:wrong@127.0.0.1:" + server.port());
    assertTrue(
        wrongPassword.contains("WRONGPASS") && wrongPassword.contains("127.0.0.1:" + server.port()),
        wrongPassword);
    assertFalse(
        wrongPassword.contains("WRONGPASS WRONGPASS") || wrongPassword.contains(".."),
        "the server's reason said once, one sentence: " + wrongPassword);
    String unknownUser = failureOf("redis://nobody:" + PASSWORD + "@127.0.0.1:" + server.port());
    assertTrue(unknownUser.contains("WRONGPASS"), unknownUser);
    assertFalse(unknownUser.contains(PASSWORD), "the password is not printed");
    String noPassword = failureOf("redis://127.0.0.1:" + server.port());
    assertTrue(noPassword.contains("NOAUTH"), noPassword);
  }

  @Test
  void aPasswordCutShortByAYamlCommentIsNamedWhenTheLoginFails() throws Exception {
    String password = "Qz7vK #88";
    Path file = Files.createTempDirectory("redline-login").resolve("redline.yaml");
    try (TestRedisServer guarded = TestRedisServer.startWithPassword(password)) {
      Files.writeString(
          file,
          "redis:\n  url: redis://127.0.0.1:"
              + guarded.port()
              + "\n  password: "
              + password
              + "\n");
      String said;
      try (ConsoleCapture console = new ConsoleCapture()) {
        String thrown = "";
        try {
          GatlingRun.Result run =
              GatlingRun.runSimulation(
                  "dev.redline.simulations.WorkloadSimulation",
                  Map.of("redline.config", file.toString(), "redline.test.duration", "2s"));
          assertNotEquals(0, run.exitCode(), "a refused login is a non-zero exit");
        } catch (Exception e) {
          thrown = messagesOf(e);
        }
        said = console.text() + thrown;
      }
      assertTrue(
          said.contains("WRONGPASS")
              && said.contains("the login came from redline.yaml key redis.password")
              && said.contains("line 3 of " + file)
              && said.contains("quote it (password: '...')"),
          said);
      assertFalse(
          said.contains("Qz7vK") || said.contains("#88"),
          "neither the password sent nor the comment is printed");
    }
  }

  @Test
  void aTlsUrlAgainstAPlainServerIsAClearErrorAtStart() {
    String tls = failureOf("rediss://:" + PASSWORD + "@127.0.0.1:" + server.port());
    assertTrue(
        tls.contains("cannot use Redis rediss://:***@127.0.0.1:" + server.port())
            && tls.contains("plain TCP"),
        tls);
  }

  @Test
  void aConfigErrorStopsTheSimulationBeforeAnyLoad() throws Exception {
    try (ConsoleCapture console = new ConsoleCapture()) {
      GatlingRun.Result run =
          GatlingRun.runSimulation(
              "dev.redline.simulations.WorkloadSimulation",
              Map.of("redline.url", server.url(), "redline.test.workload.profile", "basic_rww"));
      assertNotEquals(0, run.exitCode());
      assertTrue(
          console.text().contains("test.workload.profile = 'basic_rww'")
              && console.text().contains("did you mean basic_rw"),
          "one clear message");
    } catch (Exception e) {
      assertTrue(
          String.valueOf(e.getCause()).contains("basic_rww")
              || String.valueOf(e).contains("basic_rww"),
          e.toString());
    }
  }

  @Test
  void thePasswordAppearsInNoOutputOfARun() throws Exception {
    String text;
    GatlingRun.Result run;
    try (ConsoleCapture console = new ConsoleCapture()) {
      run =
          GatlingRun.runSimulation(
              "dev.redline.simulations.WorkloadSimulation",
              Map.of(
                  "redline.redis.url", "redis://:" + PASSWORD + "@127.0.0.1:" + server.port(),
                  "redline.test.duration", "2s",
                  "redline.test.workload.operations", "SET:1,GET:1,LPUSH:1"));
      text = console.text();
    }
    assertEquals(0, run.exitCode());
    assertTrue(
        text.contains("redis://:***@127.0.0.1:" + server.port()),
        "the echo shows the URL, redacted");
    assertFalse(text.contains(PASSWORD), "console output");
    try (Stream<Path> files = Files.walk(run.resultsFolder())) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String content =
            new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertFalse(content.contains(PASSWORD), "the password is in " + file);
      }
    }
  }
}
