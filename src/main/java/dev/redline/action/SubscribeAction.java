package dev.redline.action;

import dev.redline.client.ClientInstance;
import dev.redline.command.RedisFailure;
import dev.redline.command.SessionValue;
import dev.redline.measure.RequestSeries;
import dev.redline.protocol.RedisComponents;
import dev.redline.protocol.RequestTimes;
import dev.redline.pubsub.Subscriber;
import io.gatling.core.action.Action;
import io.gatling.core.session.Session;
import io.gatling.core.structure.ScenarioContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a subscriber for the virtual user (its own connection and thread, outside the pool) and
 * records the SUBSCRIBE round trip. Deliveries are then recorded as DELIVERY until the run ends and
 * the subscriber is closed.
 */
public final class SubscribeAction extends RedisAction<List<String>, Subscriber> {
  private final RequestSeries series;
  private final Subscriber.Counters sent;
  private final List<SessionValue<String>> channels;

  public SubscribeAction(
      String requestName,
      List<SessionValue<String>> channels,
      ScenarioContext ctx,
      RedisComponents components,
      Action next) {
    super(requestName, ctx, components, next);
    this.series = results.series(requestName);
    this.sent =
        new Subscriber.Counters(
            results.sentCounter("subscribe"), results.sentCounter("unsubscribe"));
    this.channels = List.copyOf(channels);
  }

  @Override
  protected List<String> prepare(Session session) {
    List<String> resolved = new ArrayList<>(channels.size());
    for (SessionValue<String> channel : channels) {
      resolved.add(channel.resolve(session));
    }
    return resolved;
  }

  @Override
  protected Subscriber roundTrip(Session session, List<String> channels, ClientInstance client) {
    Subscriber subscriber =
        new Subscriber(
            client::subscriptionNode,
            components.clients().settings().socketTimeout(),
            client.subscriberConfig(),
            channels,
            components.pubsub().receiver(),
            sent,
            components.protocol().outages().backoffMin(),
            components.protocol().outages().backoffMax(),
            "redline-subscriber-" + session.userId());
    components.subscribed(subscriber);
    return subscriber;
  }

  /** A subscriber has a connection of its own, outside the client's links. */
  @Override
  protected boolean notesHealth() {
    return false;
  }

  @Override
  protected Session recorded(
      Session session,
      List<String> channels,
      Subscriber subscriber,
      RedisFailure failure,
      RequestTimes times) {
    results.record(session, series, times, failure);
    return settle(session, times, failure == null);
  }
}
