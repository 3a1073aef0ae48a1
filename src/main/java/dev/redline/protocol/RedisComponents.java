package dev.redline.protocol;

import dev.redline.assertions.AssertionOutcome;
import dev.redline.client.ProtocolClients;
import dev.redline.config.MicrosAssertion;
import dev.redline.measure.LatencyRecorder;
import dev.redline.pubsub.PubSubTracker;
import dev.redline.pubsub.Subscriber;
import io.gatling.core.protocol.ProtocolComponents;
import io.gatling.core.session.Session;
import io.gatling.core.stats.StatsEngine;
import java.util.List;
import scala.Function1;
import scala.runtime.BoxedUnit;

/**
 * What Redline's actions share during a run for one protocol: the client pool made for it, the
 * run's microsecond recorder and the protocol settings.
 */
public final class RedisComponents implements ProtocolComponents {
  private final RedisProtocol protocol;
  private final ProtocolClients clients;
  private final ResultRecorder results;
  private final RedlineRun run;

  RedisComponents(
      RedisProtocol protocol, ProtocolClients clients, StatsEngine stats, RedlineRun run) {
    this.protocol = protocol;
    this.clients = clients;
    this.run = run;
    this.results = new ResultRecorder(stats, run.recorder(), clients);
  }

  /** The run's pub/sub accounting. */
  public PubSubTracker pubsub() {
    return run.pubsub();
  }

  /** Keeps a subscriber to close when the run ends. */
  public void subscribed(Subscriber subscriber) {
    run.activity().subscribed(subscriber);
  }

  /** Where this protocol's actions record their outcomes. */
  public ResultRecorder results() {
    return results;
  }

  /** The protocol settings. */
  public RedisProtocol protocol() {
    return protocol;
  }

  /** The clients made for this protocol. */
  public ProtocolClients clients() {
    return clients;
  }

  /** The run's microsecond recorder. */
  public LatencyRecorder recorder() {
    return run.recorder();
  }

  /** Gatling's throttle paces this protocol's requests. */
  public void throttled() {
    run.activity().throttled(protocol.load().throttleTarget());
  }

  /** Whether the run was asked to stop (Ctrl+C, a signal, the launching process gone). */
  public boolean stopping() {
    return run.stopRequested();
  }

  /** Virtual users of the run's Redis protocols that have started and not yet exited. */
  public long activeUsers() {
    return run.measurement().activeUsers();
  }

  /** Runs {@code task} on the run's own scheduler thread after {@code delayMillis}. */
  public void later(Runnable task, long delayMillis) {
    run.measurement().later(task, delayMillis);
  }

  /** The run will decide these assertions: at its gate, else when it ends. */
  public void expectAssertions(List<MicrosAssertion> assertions) {
    run.expectAssertions(assertions);
  }

  /** Decides assertions now, on everything measured so far. */
  public List<AssertionOutcome> decideAssertions(List<MicrosAssertion> assertions) {
    return run.decideAssertions(assertions);
  }

  /**
   * Puts the user's id into the session as {@code userId}, so that {@code "#{userId}"} works in EL.
   */
  @Override
  public Function1<Session, Session> onStart() {
    return session -> {
      run.activity().scenarioStarted(session.scenario());
      run.measurement().userStarted();
      return session.set("userId", session.userId());
    };
  }

  /**
   * Hands the Gatling records its worker holds to Gatling before Gatling learns the user exited.
   */
  @Override
  public Function1<Session, BoxedUnit> onExit() {
    return session -> {
      results.flushFor(session.userId());
      run.measurement().userEnded();
      return BoxedUnit.UNIT;
    };
  }
}
