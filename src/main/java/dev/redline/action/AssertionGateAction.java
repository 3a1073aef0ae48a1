package dev.redline.action;

import dev.redline.assertions.AssertionOutcome;
import dev.redline.assertions.RunGate;
import dev.redline.config.MicrosAssertion;
import dev.redline.protocol.RedisComponents;
import dev.redline.protocol.RequestStatus;
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

  /**
   * How long the gate waits for the other users to end before it decides anyway: a user that never
   * ends, or another gate waiting for this one, must not hang a CI job.
   */
  private static final long WAIT_LIMIT_MILLIS = 60_000;

  private final RedisComponents components;
  private final List<MicrosAssertion> assertions;

  public AssertionGateAction(
      List<MicrosAssertion> assertions,
      ScenarioContext ctx,
      RedisComponents components,
      Action next) {
    super(RunGate.SCENARIO, ctx, next);
    this.components = components;
    this.assertions = List.copyOf(assertions);
    components.expectAssertions(this.assertions);
  }

  /** Not for callers: Gatling's {@code !} calls it (see {@link GatlingRequestAction}). */
  @Override
  public String send(Session session, long arrivedNanos) {
    long giveUpAt = System.currentTimeMillis() + WAIT_LIMIT_MILLIS;
    components.later(() -> decideWhenAlone(session, giveUpAt), 0);
    return null;
  }

  private void decideWhenAlone(Session session, long giveUpAt) {
    long active = components.activeUsers();
    boolean timedOut = System.currentTimeMillis() >= giveUpAt;
    if (active > 1 && !timedOut) { // this gate is a user of the protocol too
      components.later(() -> decideWhenAlone(session, giveUpAt), RECHECK_MILLIS);
      return;
    }
    try {
      if (active > 1) {
        System.out.println(
            "Redline: "
                + (active - 1)
                + " other users of the Redis protocol were still active after "
                + WAIT_LIMIT_MILLIS / 1_000
                + " s; the assertions are decided on what was measured until now");
      }
      long now = clock().nowMillis();
      for (AssertionOutcome outcome : components.decideAssertions(assertions)) {
        record(session, outcome.assertion(), now, outcome.passed(), "actual " + outcome.actual());
      }
    } catch (RuntimeException | Error e) {
      // a gate that cannot decide fails, with the reason, rather than strand its user
      long now = clock().nowMillis();
      for (MicrosAssertion assertion : assertions) {
        record(session, assertion, now, false, "could not be decided: " + e);
      }
    } finally {
      proceed(session);
    }
  }

  private void record(
      Session session, MicrosAssertion assertion, long now, boolean passed, String message) {
    statsEngine()
        .logResponse(
            session.scenario(),
            session.groups(),
            RECORD_PREFIX + assertion.text(),
            now,
            now,
            passed ? RequestStatus.ok() : RequestStatus.ko(),
            passed ? Option.empty() : Option.apply("ASSERTION"),
            passed ? Option.empty() : Option.apply(message));
  }
}
