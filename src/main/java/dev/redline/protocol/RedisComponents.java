package dev.redline.protocol;

import dev.redline.client.ClientPool;
import dev.redline.pubsub.PubSubTracker;
import dev.redline.pubsub.Subscriber;
import dev.redline.report.LatencyRecorder;
import io.gatling.core.protocol.ProtocolComponents;
import io.gatling.core.session.Session;
import io.gatling.core.stats.StatsEngine;
import java.util.function.Consumer;
import scala.Function1;
import scala.runtime.BoxedUnit;

/**
 * What Redline's actions share during a run for one protocol: the client pool made for it, the
 * run's microsecond recorder and the protocol settings.
 */
public final class RedisComponents implements ProtocolComponents {
  private final RedisProtocol protocol;
  private final ClientPool clients;
  private final LatencyRecorder recorder;
  private final Consumer<String> scenarioStarted;
  private final ResultRecorder results;

  private final PubSubTracker pubsub;
  private final Consumer<Subscriber> subscribers;
  private final RedlineRun run;

  RedisComponents(
      RedisProtocol protocol,
      ClientPool clients,
      LatencyRecorder recorder,
      StatsEngine stats,
      Consumer<String> scenarioStarted,
      PubSubTracker pubsub,
      Consumer<Subscriber> subscribers,
      RedlineRun run) {
    this.run = run;
    this.pubsub = pubsub;
    this.subscribers = subscribers;
    this.protocol = protocol;
    this.clients = clients;
    this.recorder = recorder;
    this.scenarioStarted = scenarioStarted;
    this.results = new ResultRecorder(stats, recorder, clients);
  }

  /** The run's pub/sub accounting. */
  public PubSubTracker pubsub() {
    return pubsub;
  }

  /** Keeps a subscriber to close when the run ends. */
  public void subscribed(Subscriber subscriber) {
    subscribers.accept(subscriber);
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
  public ClientPool clients() {
    return clients;
  }

  /** The run's microsecond recorder. */
  public LatencyRecorder recorder() {
    return recorder;
  }

  /** Whether the run was asked to stop (Ctrl+C, a signal, the launching process gone). */
  public boolean stopping() {
    return run.stopRequested();
  }

  /** Virtual users of the run's Redis protocols that have started and not yet exited. */
  public long activeUsers() {
    return run.activeUsers();
  }

  /** Runs {@code task} on the run's own scheduler thread after {@code delayMillis}. */
  public void later(Runnable task, long delayMillis) {
    run.later(task, delayMillis);
  }

  /** The run will decide these assertions: at its gate, else when it ends. */
  public void expectAssertions(java.util.List<dev.redline.assertions.MicrosAssertion> assertions) {
    run.expectAssertions(assertions);
  }

  /** Decides assertions now, on everything measured so far. */
  public java.util.List<dev.redline.assertions.AssertionOutcome> decideAssertions(
      java.util.List<dev.redline.assertions.MicrosAssertion> assertions) {
    return run.decideAssertions(assertions);
  }

  /**
   * Puts the user's id into the session as {@code userId}, so that {@code "#{userId}"} works in EL.
   */
  @Override
  public Function1<Session, Session> onStart() {
    return session -> {
      scenarioStarted.accept(session.scenario());
      run.userStarted();
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
      run.userEnded();
      return BoxedUnit.UNIT;
    };
  }
}
