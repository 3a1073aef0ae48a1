package dev.redline.action;

import dev.redline.client.ClientInstance;
import dev.redline.command.CheckFailure;
import dev.redline.command.CommandSpec;
import dev.redline.command.RedisFailure;
import dev.redline.measure.LatencyRecorder;
import dev.redline.measure.RequestSeries;
import dev.redline.protocol.RedisComponents;
import dev.redline.protocol.RequestTimes;
import io.gatling.core.action.Action;
import io.gatling.core.session.Session;
import io.gatling.core.structure.ScenarioContext;
import java.util.concurrent.atomic.LongAdder;

/** One Redis command, one round trip, one record under the request's name. */
public final class CommandAction extends RedisAction<String[], Object> {
  private final CommandSpec command;
  private final RequestSeries series;
  private final LongAdder sent;

  public CommandAction(
      CommandSpec command, ScenarioContext ctx, RedisComponents components, Action next) {
    super(command.requestName(), ctx, components, next);
    this.command = command;
    this.series = results.series(command.requestName());
    series.sends(LatencyRecorder.serverName(command.commandName()));
    this.sent = results.sentCounter(LatencyRecorder.serverName(command.commandName()));
  }

  @Override
  protected String[] prepare(Session session) {
    return command.resolveArguments(session);
  }

  @Override
  protected Object roundTrip(Session session, String[] arguments, ClientInstance client) {
    components.pubsub().stamp(command, arguments);
    return onConnection(
        client,
        link -> {
          sent.increment();
          long block = command.blockMillis();
          return block > 0
              ? link.sendBlocking(command.command(), arguments, block)
              : link.send(command.command(), arguments);
        });
  }

  @Override
  protected Session recorded(
      Session session, String[] arguments, Object reply, RedisFailure failure, RequestTimes times) {
    Session checked = session;
    if (failure == null) {
      try {
        components.pubsub().answered(command, arguments);
        checked = command.applyChecks(reply, session);
      } catch (RuntimeException e) {
        failure = RedisFailure.of(e);
        checked = CheckFailure.sessionAfter(e, session);
      }
    }
    results.record(session, series, times, failure);
    return settle(checked, times, failure == null);
  }
}
