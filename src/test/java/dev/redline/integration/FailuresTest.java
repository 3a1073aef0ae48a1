package dev.redline.integration;

import static dev.redline.javaapi.RedisDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.redline.measure.RequestSeries;
import dev.redline.testing.GatlingRun;
import dev.redline.testing.RedisServerTest;
import io.gatling.javaapi.core.ScenarioBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Error replies and failed checks are KO with their kind; a request whose expression cannot be
 * resolved is not sent and counts as a crash, as Gatling counts an HTTP request it cannot build;
 * the run goes on.
 */
class FailuresTest extends RedisServerTest {

  @Test
  void errorsAreKoWithTheirKindAndTheUserGoesOn() throws Exception {
    ScenarioBuilder scn =
        scenario("failures")
            .exec(
                cmd.rpush("a-list", "x"),
                cmd.get("a-list").named("GET on a list"),
                cmd.get("missing").named("GET checked").check(reply().is("expected")),
                cmd.get("#{noSuchAttribute}").named("GET bad EL"),
                cmd.command("NOSUCHCOMMAND", "x").named("unknown command"),
                pipeline(
                    cmd.set("p", "1"),
                    cmd.incr("a-list").named("INCR on a list"),
                    cmd.get("p").named("GET after")),
                cmd.set("after", "done"));

    GatlingRun.Result run =
        GatlingRun.run(protocol(), Duration.ofSeconds(30), scn.injectOpen(atOnceUsers(1)));

    assertKo(
        run,
        "GET on a list",
        "WRONGTYPE",
        "WRONGTYPE Operation against a key holding the wrong kind of value");
    assertKo(run, "GET checked", "CHECK", "reply.find.is(expected), found nothing");
    RequestSeries unbuilt = run.recorder().series("GET bad EL");
    assertEquals(
        0,
        unbuilt.okHistogram().getTotalCount() + unbuilt.koHistogram().getTotalCount(),
        "a request that cannot be built is not sent");
    assertEquals(Map.of("GET bad EL", 1L), run.recorder().crashes());
    assertKo(run, "unknown command", "ERR", "unknown command");
    assertKo(run, "INCR on a list", "WRONGTYPE", "WRONGTYPE");
    assertEquals(
        1,
        run.recorder().series("GET after").okHistogram().getTotalCount(),
        "one bad reply marks only its own op");
    assertEquals(
        1,
        run.recorder().series("BATCH").okHistogram().getTotalCount(),
        "the round trip itself succeeded");
    assertEquals(
        2,
        run.recorder().series("SET").okHistogram().getTotalCount(),
        "the SET in the pipeline and the last SET: the user went on to the end");
    try (var jedis = jedis()) {
      assertEquals("done", jedis.get("after"));
    }
  }

  /**
   * A request that cannot be built inside a loop is said once a second with the first reason, not
   * logged at ERROR for every user and iteration; Gatling's report still lists it among its errors.
   */
  @Test
  void aRequestThatCannotBeBuiltInALoopIsCountedNotLoggedEachTime() throws Exception {
    ch.qos.logback.classic.Logger root =
        (ch.qos.logback.classic.Logger)
            org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logged =
        new ch.qos.logback.core.read.ListAppender<>();
    logged.start();
    root.addAppender(logged);
    Duration duration = Duration.ofSeconds(2);
    ScenarioBuilder scn =
        scenario("flood")
            .during(duration)
            .on(exec(cmd.get("#{nokey}").named("g")).exec(cmd.set("k:#{userId}", "v")));
    GatlingRun.Result run;
    java.io.ByteArrayOutputStream console = new java.io.ByteArrayOutputStream();
    java.io.PrintStream before = System.out;
    System.setOut(new java.io.PrintStream(console, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      run =
          GatlingRun.run(
              protocol().threadsPerClient(4),
              Duration.ofSeconds(30),
              true,
              scn.injectClosed(constantConcurrentUsers(4).during(duration)));
    } finally {
      System.setOut(before);
      root.detachAppender(logged);
    }
    long crashes = run.recorder().crashes().getOrDefault("g", 0L);
    assertTrue(crashes > 100, "crashes: " + crashes);
    List<String> buildErrors =
        logged.list.stream()
            .map(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
            .filter(m -> m.contains("Failed to build request"))
            .toList();
    assertEquals(List.of(), buildErrors, "no ERROR line per crash");
    String said = console.toString(java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(
        said.contains("x CRASH in the last second (e.g. g: No attribute named 'nokey'"), said);
    String report = java.nio.file.Files.readString(run.reportFolder().resolve("index.html"));
    assertTrue(
        report.contains("No attribute named &#39;nokey&#39;")
            || report.contains("No attribute named 'nokey'"),
        "Gatling's report lists the crash among its errors");
  }

  private static void assertKo(
      GatlingRun.Result run, String name, String kind, String messagePart) {
    RequestSeries series = run.recorder().series(name);
    assertNotNull(series, name + " was recorded");
    assertEquals(0, series.okHistogram().getTotalCount(), name + " OK count");
    assertEquals(Map.of(kind, 1L), series.errorsByKind(), name + " error kinds");
    String message = series.firstMessageByKind().get(kind);
    assertTrue(
        message.contains(messagePart),
        name + ": '" + message + "' should contain '" + messagePart + "'");
  }
}
