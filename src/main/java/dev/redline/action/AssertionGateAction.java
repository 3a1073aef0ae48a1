package dev.redline.action;

import dev.redline.assertions.AssertionOutcome;
import dev.redline.assertions.MicrosAssertion;
import dev.redline.protocol.RedisComponents;
import io.gatling.core.action.Action;
import io.gatling.core.session.Session;
import io.gatling.core.structure.ScenarioContext;
import java.util.List;
import scala.Option;

/**
 * Where microsecond assertions meet Gatling's run result: the one user of the gate's population
 * (started by Gatling's {@code andThen} once the load's users are done) waits until no other user
 * of the run's Redis protocol is active, decides the assertions on Redline's histograms, and gives
 * Gatling one record per assertion, named {@link #RECORD_PREFIX} and the assertion, KO when it
 * failed. Gatling's own assertions on those records (no failed event) then fail the run the way any
 * Gatling assertion does: exit code 2, BUILD FAILURE, both reports written.
 */
public final class AssertionGateAction extends GatlingRequestAction {
  /** The start of the name of each assertion's Gatling record. */
  public static final String RECORD_PREFIX = "Redline: ";

  private static final long RECHECK_MILLIS = 100;

  private final RedisComponents components;
  private final List<MicrosAssertion> assertions;

  public AssertionGateAction(
      List<MicrosAssertion> assertions,
      ScenarioContext ctx,
      RedisComponents components,
      Action next) {
    super("Redline assertions", ctx, next);
    this.components = components;
    this.assertions = List.copyOf(assertions);
    components.expectAssertions(this.assertions);
  }

  /** Not for callers: Gatling's {@code !} calls it (see {@link GatlingRequestAction}). */
  @Override
  public String send(Session session, long arrivedNanos) {
    components.later(() -> decideWhenAlone(session), 0);
    return null;
  }

  private void decideWhenAlone(Session session) {
    if (components.activeUsers() > 1) { // this gate is a user of the protocol too
      components.later(() -> decideWhenAlone(session), RECHECK_MILLIS);
      return;
    }
    List<AssertionOutcome> outcomes = components.decideAssertions(assertions);
    long now = clock().nowMillis();
    for (AssertionOutcome outcome : outcomes) {
      statsEngine()
          .logResponse(
              session.scenario(),
              session.groups(),
              RECORD_PREFIX + outcome.assertion().text(),
              now,
              now,
              outcome.passed() ? RequestStatus.ok() : RequestStatus.ko(),
              outcome.passed() ? Option.empty() : Option.apply("ASSERTION"),
              outcome.passed() ? Option.empty() : Option.apply("actual " + outcome.actual()));
    }
    proceed(session);
  }
}
