package dev.redline.action;

import dev.redline.client.ClientInstance;
import dev.redline.command.CommandSpec;
import dev.redline.command.RedisFailure;
import dev.redline.measure.LatencyRecorder;
import dev.redline.measure.RequestSeries;
import dev.redline.protocol.RedisComponents;
import io.gatling.core.action.Action;
import io.gatling.core.session.Session;
import io.gatling.core.structure.ScenarioContext;
import java.util.concurrent.atomic.LongAdder;

/** One Redis command, one round trip, one record under the request's name. */
public final class CommandAction extends RedisAction<String[]> {
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
  protected void run(Session session, String[] arguments, ClientInstance client, long dueNanos) {
    long startMillis = clock().nowMillis();
    long startNanos = System.nanoTime();
    Object reply = null;
    RuntimeException error = null;
    try {
      components.pubsub().stamp(command, arguments);
      reply =
          onConnection(
              client,
              link -> {
                sent.increment();
                long block = command.blockMillis();
                return block > 0
                    ? link.sendBlocking(command.command(), arguments, block)
                    : link.send(command.command(), arguments);
              });
    } catch (RuntimeException e) {
      error = e;
    }
    long nanos = System.nanoTime() - startNanos;
    long waitNanos = waitNanos(dueNanos, startNanos);
    long endMillis = endMillis(startMillis, nanos);
    Session checked = session;
    if (error == null) {
      try {
        components.pubsub().answered(command, arguments);
        checked = command.applyChecks(reply, session);
      } catch (RuntimeException e) {
        error = e;
        checked = dev.redline.command.CheckFailure.sessionAfter(e, session);
      }
    }
    RedisFailure failure = error == null ? null : RedisFailure.of(error);
    noteHealth(client, failure, startNanos);
    if (failure == null) {
      results.ok(session, series, startMillis, endMillis, nanos, waitNanos);
    } else {
      results.ko(session, series, startMillis, endMillis, nanos, waitNanos, failure);
    }
    proceed(settle(checked, startMillis, waitNanos, endMillis, error == null));
  }
}
