package dev.redline.integration;

import static dev.redline.javaapi.RedisDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.redline.measure.RequestSeries;
import dev.redline.testing.GatlingRun;
import dev.redline.testing.RedisServerTest;
import io.gatling.javaapi.core.ScenarioBuilder;
import java.time.Duration;
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
