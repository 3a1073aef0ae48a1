package dev.redline.integration;

import static dev.redline.javaapi.RedisDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.redline.measure.RequestSeries;
import dev.redline.testing.GatlingRun;
import dev.redline.testing.RedisServerTest;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Gatling's check verbs mean on a Redis reply what they mean on an HTTP body: a nil reply is "found
 * nothing". Each check runs as its own named request, on a key holding "v" or on a missing one, and
 * must end OK or KO (with its code) as Gatling's semantics say.
 */
class ReplyCheckSemanticsTest extends RedisServerTest {

  private record Case(String name, String key, CheckBuilder check, String outcome) {}

  @Test
  void nilIsFoundNothingAndEveryVerbKeepsGatlingsMeaning() throws Exception {
    List<Case> cases =
        List.of(
            new Case("nil notExists", "missing", reply().notExists(), "OK"),
            new Case("nil exists", "missing", reply().exists(), "CHECK"),
            new Case("nil notNull", "missing", reply().notNull(), "CHECK"),
            new Case("nil saveAs", "missing", reply().saveAs("x"), "CHECK"),
            new Case("nil optional saveAs", "missing", reply().optional().saveAs("x"), "OK"),
            new Case("nil is", "missing", reply().is("v"), "CHECK"),
            new Case("nil isNilOr", "missing", reply().isNilOr("v"), "OK"),
            new Case("v is", "present", reply().is("v"), "OK"),
            new Case("v is other", "present", reply().is("w"), "CHECK"),
            new Case("v isEL", "present", reply().isEL("#{expected}"), "OK"),
            new Case("v not", "present", reply().not("v"), "CHECK"),
            new Case("v in", "present", reply().in("a", "v"), "OK"),
            new Case("v notExists", "present", reply().notExists(), "CHECK"),
            new Case("v isNilOr", "present", reply().isNilOr("v"), "OK"),
            new Case("v isNilOr other", "present", reply().isNilOr("w"), "VERIFY"),
            new Case(
                "v transform",
                "present",
                reply().transform(r -> ((String) r).length()).is(1),
                "OK"),
            new Case(
                "v validate",
                "present",
                reply()
                    .validate(
                        "is w",
                        (r, s) -> {
                          if (!"w".equals(r)) {
                            throw new IllegalStateException("not w");
                          }
                          return r;
                        }),
                "CHECK"),
            new Case("v ofLong", "present", reply().ofLong().gt(0L), "CHECK"),
            new Case("n gt", "number", reply().gt(41), "OK"),
            new Case("n lt", "number", reply().lt(42), "CHECK"),
            new Case("n ofLong", "number", reply().ofLong().is(42L), "OK"));

    List<io.gatling.javaapi.core.ChainBuilder> steps = new ArrayList<>();
    steps.add(exec(session -> session.set("expected", "v")));
    steps.add(exec(cmd.set("present", "v")));
    steps.add(exec(cmd.set("number", "42")));
    for (Case c : cases) {
      steps.add(
          exec(
              c.key().equals("number")
                  ? cmd.incrBy("number", 0).named(c.name()).check(c.check())
                  : cmd.get(c.key()).named(c.name()).check(c.check())));
    }
    ScenarioBuilder scn = scenario("semantics").exec(steps);

    GatlingRun.Result run =
        GatlingRun.run(protocol(), Duration.ofSeconds(30), scn.injectOpen(atOnceUsers(1)));

    Map<String, String> expected = new LinkedHashMap<>();
    Map<String, String> actual = new LinkedHashMap<>();
    for (Case c : cases) {
      RequestSeries series = run.recorder().series(c.name());
      expected.put(c.name(), c.outcome());
      actual.put(
          c.name(),
          series.okHistogram().getTotalCount() == 1
              ? "OK"
              : String.join(",", series.errorsByKind().keySet()));
    }
    assertEquals(expected, actual);
  }

  /**
   * The bulk string "1" and the integer 1 are one Redis value: a number saved from INCR equals the
   * same number read back with GET, in is, isEL, in and their negations; typed views stay strict,
   * and a failure shows both values with their types.
   */
  @Test
  void aNumberAndItsTextAreOneRedisValue() throws Exception {
    List<Case> cases =
        List.of(
            new Case("GET isEL saved INCR", "counter", reply().isEL("#{n}"), "OK"),
            new Case("GET is integer", "counter", reply().is(1), "OK"),
            new Case("GET is long", "counter", reply().is(1L), "OK"),
            new Case("GET is text", "counter", reply().is("1"), "OK"),
            new Case("GET not integer", "counter", reply().not(1), "CHECK"),
            new Case("GET notEL saved", "counter", reply().notEL("#{n}"), "CHECK"),
            new Case("GET in", "counter", reply().in(0, 1L, "2"), "OK"),
            new Case("GET not in", "counter", reply().in(0, 2), "CHECK"),
            new Case("GET is 01", "counter", reply().is("01"), "CHECK"),
            new Case("GET ofString strict", "counter", reply().ofString().is("1"), "OK"),
            new Case("GET ofLong strict", "counter", reply().ofLong().is(2L), "CHECK"),
            new Case("INCRBY is text", "incrby", reply().is("1"), "OK"),
            new Case("GET is 5", "counter", reply().is(5), "CHECK"));

    List<io.gatling.javaapi.core.ChainBuilder> steps = new ArrayList<>();
    steps.add(exec(cmd.incr("counter").check(reply().saveAs("n"))));
    for (Case c : cases) {
      steps.add(
          exec(
              c.key().equals("incrby")
                  ? cmd.incrBy("counter", 0).named(c.name()).check(c.check())
                  : cmd.get(c.key()).named(c.name()).check(c.check())));
    }
    GatlingRun.Result run =
        GatlingRun.run(
            protocol(),
            Duration.ofSeconds(30),
            scenario("redis values").exec(steps).injectOpen(atOnceUsers(1)));

    Map<String, String> expected = new LinkedHashMap<>();
    Map<String, String> actual = new LinkedHashMap<>();
    for (Case c : cases) {
      RequestSeries series = run.recorder().series(c.name());
      expected.put(c.name(), c.outcome());
      actual.put(
          c.name(),
          series.okHistogram().getTotalCount() == 1
              ? "OK"
              : String.join(",", series.errorsByKind().keySet()));
    }
    assertEquals(expected, actual);
    assertEquals(
        "reply.find.is(5), found \"1\", expected 5 (an integer)",
        run.recorder().series("GET is 5").firstMessageByKind().get("CHECK"));
  }

  /**
   * As Gatling's {@code Check.check} does for HTTP: what the checks that passed saved stays in the
   * session of a request whose later check failed.
   */
  @Test
  void aValueSavedByAPassingCheckSurvivesALaterFailingOne() throws Exception {
    java.util.concurrent.atomic.AtomicReference<Object> saved =
        new java.util.concurrent.atomic.AtomicReference<>("nothing");
    ScenarioBuilder scn =
        scenario("saved before a failure")
            .exec(cmd.set("kept", "v"))
            .exec(
                cmd.get("kept")
                    .named("GET saves then fails")
                    .check(reply().saveAs("kept"), reply().is("other")))
            .exec(pipeline(cmd.get("kept").check(reply().saveAs("inBatch"), reply().is("other"))))
            .exec(
                session -> {
                  saved.set(session.getString("kept") + "," + session.getString("inBatch"));
                  return session;
                });
    GatlingRun.Result run =
        GatlingRun.run(protocol(), Duration.ofSeconds(30), scn.injectOpen(atOnceUsers(1)));

    assertEquals(1, run.recorder().series("GET saves then fails").koHistogram().getTotalCount());
    assertEquals("v,v", saved.get());
  }
}
