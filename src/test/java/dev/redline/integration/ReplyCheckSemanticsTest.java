package dev.redline.integration;

import static dev.redline.javaapi.RedisDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.redline.report.RequestSeries;
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
    steps.add(exec(set("present", "v")));
    steps.add(exec(set("number", "42")));
    for (Case c : cases) {
      steps.add(
          exec(
              c.key().equals("number")
                  ? incrBy("number", 0).named(c.name()).check(c.check())
                  : get(c.key()).named(c.name()).check(c.check())));
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
}
