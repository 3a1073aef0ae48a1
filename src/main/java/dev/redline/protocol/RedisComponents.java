package dev.redline.protocol;

import dev.redline.client.ClientPool;
import dev.redline.report.LatencyRecorder;
import io.gatling.core.protocol.ProtocolComponents;
import io.gatling.core.session.Session;
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

  RedisComponents(RedisProtocol protocol, ClientPool clients, LatencyRecorder recorder, Consumer<String> scenarioStarted) {
    this.protocol = protocol;
    this.clients = clients;
    this.recorder = recorder;
    this.scenarioStarted = scenarioStarted;
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

  /** Puts the user's id into the session as {@code userId}, so that {@code "#{userId}"} works in EL. */
  @Override
  public Function1<Session, Session> onStart() {
    return session -> {
      scenarioStarted.accept(session.scenario());
      return session.set("userId", session.userId());
    };
  }

  @Override
  public Function1<Session, BoxedUnit> onExit() {
    return session -> BoxedUnit.UNIT;
  }
}
