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

  RedisComponents(
      RedisProtocol protocol,
      ClientPool clients,
      LatencyRecorder recorder,
      StatsEngine stats,
      Consumer<String> scenarioStarted,
      PubSubTracker pubsub,
      Consumer<Subscriber> subscribers) {
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

  /**
   * Puts the user's id into the session as {@code userId}, so that {@code "#{userId}"} works in EL.
   * The user starts on Gatling's event loop; its first Redis request moves it onto its worker
   * ({@link #onItsWorker}), so that the time it waits for that worker is measured from when the
   * request was due.
   */
  @Override
  public Function1<Session, Session> onStart() {
    return session -> {
      scenarioStarted.accept(session.scenario());
      return session.set("userId", session.userId());
    };
  }

  /**
   * The session as it lives on its Redis worker thread from now on: Gatling then runs the user's
   * chain there, and a request costs no thread hand-off. The worker is an I/O event loop of
   * Gatling's own transport, so an HTTP request (or any netty-based protocol's) of the same user
   * runs there too. Called on the user's worker; a copy only the first time.
   */
  public Session onItsWorker(Session session, dev.redline.client.ClientInstance client) {
    if (session.eventLoop().inEventLoop()) {
      return session;
    }
    return session.copy(
        session.scenario(),
        session.userId(),
        session.attributes(),
        session.baseStatus(),
        session.blockStack(),
        session.onExit(),
        client.workerFor(session.userId()));
  }

  /**
   * Hands the worker's buffered Gatling records to Gatling before Gatling learns the user exited.
   */
  @Override
  public Function1<Session, BoxedUnit> onExit() {
    return session -> {
      results.flushWorker();
      return BoxedUnit.UNIT;
    };
  }
}
