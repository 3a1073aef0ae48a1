package dev.redline.javaapi;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import dev.redline.action.AssertionGateAction;
import dev.redline.assertions.RunGate;
import dev.redline.config.MicrosAssertion;
import dev.redline.protocol.RedisProtocol;
import io.gatling.javaapi.core.ActionBuilder;
import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.PopulationBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * Microsecond assertions that fail the run as Gatling's own do (see {@link
 * RedisDsl#redisAssertions}): a gate population to start after the load, and the Gatling assertions
 * that read its verdicts.
 *
 * <pre>{@code
 * RedisAssertions gates = redisAssertions("GET p99 < 500us", "* failed_pct < 0.1%");
 * setUp(scn.injectOpen(atOnceUsers(6)).andThen(gates.population()))
 *     .protocols(redisProtocol)
 *     .assertions(gates.assertions());
 * }</pre>
 */
public final class RedisAssertions {
  private final List<MicrosAssertion> assertions;

  /** A gate on assertions already parsed (the ready runner's settings give them). */
  public RedisAssertions(List<MicrosAssertion> assertions) {
    this.assertions = List.copyOf(assertions);
  }

  /** The assertions, as parsed. */
  public List<MicrosAssertion> list() {
    return assertions;
  }

  /**
   * The gate: one user that, once the other Redis users are done, decides the assertions on
   * Redline's histograms and gives Gatling one record per assertion. Start it after the load with
   * Gatling's {@code andThen}.
   *
   * <pre>{@code scn.injectOpen(atOnceUsers(6)).andThen(gates.population())}</pre>
   *
   * @return a population of one user
   */
  public PopulationBuilder population() {
    ActionBuilder gate =
        () ->
            (ctx, next) ->
                new AssertionGateAction(
                    assertions,
                    ctx,
                    ctx.protocolComponentsRegistry().components(RedisProtocol.KEY),
                    next);
    return scenario(RunGate.SCENARIO).exec(gate).injectOpen(atOnceUsers(1));
  }

  /**
   * Gatling's assertions on the gate's records: each must have no failed event. A gate that never
   * ran (a run cut short) has no records, which fails them too.
   *
   * <pre>{@code setUp(...).assertions(gates.assertions())}</pre>
   *
   * @return one Gatling assertion per microsecond assertion
   */
  public List<Assertion> assertions() {
    List<Assertion> gatling = new ArrayList<>();
    for (MicrosAssertion assertion : assertions) {
      gatling.add(
          details(AssertionGateAction.RECORD_PREFIX + assertion.text())
              .failedRequests()
              .count()
              .is(0L));
    }
    return gatling;
  }
}
