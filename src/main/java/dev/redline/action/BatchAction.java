package dev.redline.action;

import dev.redline.client.ClientInstance;
import dev.redline.client.RedisLink;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import redis.clients.jedis.Response;
import redis.clients.jedis.commands.ProtocolCommand;

/**
 * N commands in one round trip, as a pipeline or a MULTI/EXEC transaction.
 *
 * <p>Records one entry under the batch's name with the whole round trip, and one entry per command
 * (named by the command, or by the name given to it) whose time is the round trip ÷ N — amortized,
 * not measured per command. A reply that is an error marks only its own command KO; a failed round
 * trip marks all N commands and the batch KO. When the protocol asks for batch-only Gatling
 * records, the per-command entries go to the microsecond recorder only.
 */
public final class BatchAction extends RedisAction<String[][], Response<Object>[]> {
  private final BatchKind kind;
  private final List<CommandSpec> commands;
  private final ProtocolCommand[] wireCommands;
  private final RequestSeries batch;
  private final RequestSeries[] ops;
  // each distinct series / sent counter once, with how many of the commands use it
  private final RequestSeries[] opGroups;
  private final int[] opGroupSizes;
  private final LongAdder[] sentGroups;
  private final int[] sentGroupSizes;
  private final LongAdder multi;
  private final LongAdder exec;
  private final boolean perOpGatlingRecords;
  // blocking commands in a pipeline wait one after the other: the socket timeout is extended by
  // their sum
  private final long blockMillis;

  public BatchAction(
      String batchName,
      BatchKind kind,
      List<CommandSpec> commands,
      ScenarioContext ctx,
      RedisComponents components,
      Action next) {
    super(batchName, ctx, components, next);
    if (commands.isEmpty()) {
      throw new IllegalArgumentException(
          "a " + kind.name().toLowerCase() + " needs at least one command");
    }
    this.kind = kind;
    this.commands = List.copyOf(commands);
    this.wireCommands = commands.stream().map(CommandSpec::command).toArray(ProtocolCommand[]::new);
    this.batch = results.batchSeries(batchName);
    this.ops =
        commands.stream().map(c -> results.series(c.requestName())).toArray(RequestSeries[]::new);
    for (int i = 0; i < ops.length; i++) {
      ops[i].sends(LatencyRecorder.serverName(commands.get(i).commandName()));
    }
    LongAdder[] sent =
        commands.stream()
            .map(c -> results.sentCounter(LatencyRecorder.serverName(c.commandName())))
            .toArray(LongAdder[]::new);
    Map<RequestSeries, Integer> opCounts = countEach(ops);
    this.opGroups = opCounts.keySet().toArray(RequestSeries[]::new);
    this.opGroupSizes = opCounts.values().stream().mapToInt(Integer::intValue).toArray();
    Map<LongAdder, Integer> sentCounts = countEach(sent);
    this.sentGroups = sentCounts.keySet().toArray(LongAdder[]::new);
    this.sentGroupSizes = sentCounts.values().stream().mapToInt(Integer::intValue).toArray();
    this.multi = results.sentCounter("multi");
    this.exec = results.sentCounter("exec");
    this.perOpGatlingRecords = components.protocol().load().perOpGatlingRecords();
    this.blockMillis =
        commands.stream()
            .mapToLong(CommandSpec::blockMillis)
            .reduce(0, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
    if (perOpGatlingRecords) {
      results.notePerOpBatchRecords();
    }
  }

  @Override
  protected String[][] prepare(Session session) {
    String[][] arguments = new String[commands.size()][];
    for (int i = 0; i < arguments.length; i++) {
      arguments[i] = commands.get(i).resolveArguments(session);
    }
    return arguments;
  }

  @Override
  protected Response<Object>[] roundTrip(
      Session session, String[][] arguments, ClientInstance client) {
    for (int i = 0; i < arguments.length; i++) {
      components.pubsub().stamp(commands.get(i), arguments[i]);
    }
    @SuppressWarnings({"unchecked", "rawtypes"}) // a generic array: made raw, used typed
    Response<Object>[] replies = new Response[arguments.length];
    return onConnection(
        client,
        link -> {
          send(link, arguments, replies);
          return replies;
        });
  }

  @Override
  protected Session recorded(
      Session session,
      String[][] arguments,
      Response<Object>[] replies,
      RedisFailure roundTripFailure,
      RequestTimes times) {
    RequestTimes share = times.share(commands.size());
    if (roundTripFailure != null) {
      for (RequestSeries op : ops) {
        results.recordShare(session, op, share, roundTripFailure, perOpGatlingRecords);
      }
      results.record(session, batch, times, roundTripFailure);
      return settle(session, times, false);
    }
    Session current = session;
    RedisFailure[] failures = null;
    for (int i = 0; i < replies.length; i++) {
      try {
        Object reply = replies[i].get(); // throws the command's error reply
        components.pubsub().answered(commands.get(i), arguments[i]);
        current = commands.get(i).applyChecks(reply, current);
      } catch (RuntimeException e) {
        current = CheckFailure.sessionAfter(e, current);
        if (failures == null) {
          failures = new RedisFailure[replies.length];
        }
        failures[i] = RedisFailure.of(e);
      }
    }
    if (failures == null) {
      // the commands of a batch share one amortized time
      for (int g = 0; g < opGroups.length; g++) {
        results.recordShares(session, opGroups[g], share, opGroupSizes[g], perOpGatlingRecords);
      }
    } else {
      for (int i = 0; i < ops.length; i++) {
        results.recordShare(session, ops[i], share, failures[i], perOpGatlingRecords);
      }
    }
    // with per-op records the failed command has its own KO for Gatling; else the batch's is
    results.recordRoundTrip(session, batch, times, perOpGatlingRecords ? null : firstOf(failures));
    return settle(current, times, failures == null);
  }

  private void send(RedisLink link, String[][] arguments, Response<Object>[] replies) {
    for (int g = 0; g < sentGroups.length; g++) {
      sentGroups[g].add(sentGroupSizes[g]);
    }
    if (kind == BatchKind.PIPELINE) {
      link.pipeline(wireCommands, arguments, replies, blockMillis);
    } else {
      multi.increment();
      exec.increment();
      link.transaction(wireCommands, arguments, replies);
    }
  }

  /**
   * Each distinct item (by identity: series and counters are one object per name), in order, with
   * how often it occurs.
   */
  private static <T> Map<T, Integer> countEach(T[] items) {
    Map<T, Integer> counts = new LinkedHashMap<>();
    for (T item : items) {
      counts.merge(item, 1, Integer::sum);
    }
    return counts;
  }

  private static RedisFailure firstOf(RedisFailure[] failures) {
    if (failures != null) {
      for (RedisFailure failure : failures) {
        if (failure != null) {
          return failure;
        }
      }
    }
    return null;
  }
}
