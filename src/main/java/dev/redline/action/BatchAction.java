package dev.redline.action;

import dev.redline.client.ClientInstance;
import dev.redline.command.CommandSpec;
import dev.redline.command.RedisFailure;
import dev.redline.protocol.RedisComponents;
import dev.redline.report.LatencyRecorder;
import io.gatling.core.action.Action;
import io.gatling.core.session.Session;
import io.gatling.core.structure.ScenarioContext;
import java.util.List;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.PipeliningBase;
import redis.clients.jedis.Response;
import redis.clients.jedis.Transaction;

/**
 * N commands in one round trip, as a pipeline or a MULTI/EXEC transaction.
 *
 * <p>Records one entry under the batch's name with the whole round trip, and one entry per
 * command (named by the command, or by the name given to it) whose time is the round trip ÷ N —
 * amortized, not measured per command. A reply that is an error marks only its own command KO; a
 * failed round trip marks all N commands and the batch KO. When the protocol asks for batch-only
 * Gatling records, the per-command entries go to the microsecond recorder only.
 */
public final class BatchAction extends RedisAction {
  private final String batchName;
  private final BatchKind kind;
  private final List<CommandSpec> commands;
  private final String[] serverNames;
  private final boolean perOpGatlingRecords;

  public BatchAction(String batchName, BatchKind kind, List<CommandSpec> commands, ScenarioContext ctx,
      RedisComponents components, Action next) {
    super(batchName, ctx, components, next);
    if (commands.isEmpty()) {
      throw new IllegalArgumentException("a " + kind.name().toLowerCase() + " needs at least one command");
    }
    this.batchName = batchName;
    this.kind = kind;
    this.commands = List.copyOf(commands);
    this.serverNames = commands.stream().map(c -> LatencyRecorder.serverName(c.commandName())).toArray(String[]::new);
    this.perOpGatlingRecords = components.protocol().perOpGatlingRecords();
  }

  @Override
  protected void run(Session session, ClientInstance client) {
    int n = commands.size();
    long startMillis = clock.nowMillis();
    long startNanos = System.nanoTime();
    @SuppressWarnings("unchecked")
    Response<Object>[] replies = new Response[n];
    RuntimeException roundTripError = null;
    try {
      String[][] arguments = new String[n][];
      for (int i = 0; i < n; i++) {
        arguments[i] = commands.get(i).resolveArguments(session);
      }
      Jedis jedis = client.acquire();
      try {
        roundTrip(jedis, arguments, replies);
      } finally {
        client.release(jedis);
      }
    } catch (RuntimeException e) {
      roundTripError = e;
    }
    long nanos = System.nanoTime() - startNanos;
    long endMillis = clock.nowMillis();
    long opNanos = nanos / n;
    long opEndMillis = startMillis + Math.round((endMillis - startMillis) / (double) n);

    boolean allOk = roundTripError == null;
    Session current = session;
    if (roundTripError != null) {
      RedisFailure failure = RedisFailure.of(roundTripError);
      noteHealth(client, failure);
      for (CommandSpec command : commands) {
        recordOp(session, command.requestName(), startMillis, opEndMillis, opNanos, failure);
      }
      results.batchKo(session, batchName, startMillis, endMillis, nanos, failure);
    } else {
      noteHealth(client, null);
      for (int i = 0; i < n; i++) {
        CommandSpec command = commands.get(i);
        RedisFailure failure = null;
        try {
          current = command.applyChecks(replies[i].get(), current);
        } catch (RuntimeException e) {
          failure = RedisFailure.of(e);
          allOk = false;
        }
        recordOp(session, command.requestName(), startMillis, opEndMillis, opNanos, failure);
      }
      results.batchOk(session, batchName, startMillis, endMillis, nanos);
    }
    proceed(settle(current, startMillis, endMillis, allOk));
  }

  private void roundTrip(Jedis jedis, String[][] arguments, Response<Object>[] replies) {
    if (kind == BatchKind.PIPELINE) {
      AbstractPipeline pipeline = jedis.pipelined();
      queue(pipeline, arguments, replies);
      pipeline.sync();
    } else {
      Transaction transaction = jedis.multi();
      results.sent("multi");
      queue(transaction, arguments, replies);
      results.sent("exec");
      transaction.exec();
    }
  }

  private void queue(PipeliningBase batch, String[][] arguments, Response<Object>[] replies) {
    for (int i = 0; i < replies.length; i++) {
      results.sent(serverNames[i]);
      replies[i] = batch.sendCommand(commands.get(i).command(), arguments[i]);
    }
  }

  private void recordOp(Session session, String name, long startMillis, long endMillis, long nanos, RedisFailure failure) {
    if (perOpGatlingRecords) {
      if (failure == null) {
        results.ok(session, name, startMillis, endMillis, nanos);
      } else {
        results.ko(session, name, startMillis, endMillis, nanos, failure);
      }
    } else if (failure == null) {
      results.okMicrosOnly(name, nanos);
    } else {
      results.koMicrosOnly(name, nanos, failure);
    }
  }
}
