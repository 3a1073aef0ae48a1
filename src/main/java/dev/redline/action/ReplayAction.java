package dev.redline.action;

import dev.redline.client.ClientInstance;
import dev.redline.client.CommandKeys;
import dev.redline.client.Deployment;
import dev.redline.client.RedisLink;
import dev.redline.command.RedisFailure;
import dev.redline.measure.LatencyRecorder;
import dev.redline.measure.RequestSeries;
import dev.redline.protocol.RedisComponents;
import dev.redline.protocol.RequestTimes;
import dev.redline.replay.CapturedCommand;
import dev.redline.replay.ReplayFeeder;
import dev.redline.replay.ReplayItem;
import io.gatling.core.action.Action;
import io.gatling.core.session.Session;
import io.gatling.core.structure.ScenarioContext;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.Response;
import redis.clients.jedis.commands.ProtocolCommand;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import scala.Option;

/**
 * Sends the captured command (or MULTI … EXEC transaction) a replay feeder put in the session, byte
 * for byte, recorded under the command's name (a transaction as MULTI/EXEC, its commands under
 * theirs, amortized as in a batch). At the recorded pace the request is sent when it is due, its
 * wait counted from then. A command of another database than the connection's is sent between two
 * SELECTs; with a key prefix, every key (as the server's COMMAND table places them) is prefixed.
 */
public final class ReplayAction extends RedisAction<ReplayAction.Request, Object> {
  /** What one replayed request sends, and when it is due. */
  public record Request(ReplayItem item, long dueNanos) {}

  private final byte[] keyPrefix;
  private final int database;
  private final boolean cluster;
  private final Map<String, Named> commands = new ConcurrentHashMap<>();
  private final RequestSeries transactions;
  private final LongAdder multi;
  private final LongAdder exec;
  private final LongAdder select;
  private volatile CommandKeys keys;

  public ReplayAction(
      String keyPrefix,
      boolean keepPace,
      ScenarioContext ctx,
      RedisComponents components,
      Action next) {
    super("replay", ctx, components, next, keepPace);
    this.keyPrefix = keyPrefix == null ? null : keyPrefix.getBytes(StandardCharsets.UTF_8);
    this.database = components.clients().settings().endpoint().database();
    this.cluster = components.clients().settings().deployment() instanceof Deployment.Cluster;
    this.transactions = results.batchSeries("MULTI/EXEC");
    this.multi = results.sentCounter("multi");
    this.exec = results.sentCounter("exec");
    this.select = results.sentCounter("select");
  }

  @Override
  protected Request prepare(Session session) {
    if (session.attributes().contains(ReplayFeeder.ENDED)) {
      throw new IllegalStateException(
          "the capture has been replayed: stop feeding when "
              + ReplayFeeder.ENDED
              + " is set, as untilEnd() does");
    }
    Option<Object> item = session.attributes().get(ReplayFeeder.ITEM);
    if (item.isEmpty() || !(item.get() instanceof ReplayItem replayItem)) {
      throw new IllegalStateException(
          "no captured command in the session: feed the replay's feeder before its request");
    }
    Option<Object> due = session.attributes().get(ReplayFeeder.DUE);
    return new Request(
        replayItem, due.isDefined() && due.get() instanceof Long l ? l : System.nanoTime());
  }

  @Override
  protected long dueNanos(Request request) {
    return request.dueNanos();
  }

  @Override
  protected Object roundTrip(Session session, Request request, ClientInstance client) {
    List<CapturedCommand> captured = request.item().commands();
    int n = captured.size();
    ProtocolCommand[] wire = new ProtocolCommand[n];
    LongAdder[] sent = new LongAdder[n];
    for (int i = 0; i < n; i++) {
      Named named = named(captured.get(i));
      wire[i] = named.wire();
      sent[i] = named.sent();
    }
    int db = request.item().database();
    boolean otherDatabase = db != database && !cluster; // a cluster has database 0 only
    return onConnection(
        client,
        link -> {
          byte[][][] arguments = new byte[n][][]; // each attempt from the captured words
          for (int i = 0; i < n; i++) {
            byte[][] words = captured.get(i).arguments();
            arguments[i] = keyPrefix == null ? words : prefixed(link, wire[i], words);
          }
          if (otherDatabase) {
            select(link, db);
          }
          boolean broken = false;
          try {
            for (LongAdder counter : sent) {
              counter.increment();
            }
            if (!request.item().transaction()) {
              long block = captured.get(0).blockMillis();
              return block > 0
                  ? link.sendBlockingBytes(wire[0], arguments[0], block)
                  : link.sendBytes(wire[0], arguments[0]);
            }
            @SuppressWarnings({"unchecked", "rawtypes"}) // a generic array: made raw, used typed
            Response<Object>[] replies = new Response[n];
            multi.increment();
            exec.increment();
            link.transactionBytes(wire, arguments, replies);
            return replies;
          } catch (JedisConnectionException e) {
            broken = true; // nothing more may be sent on this connection
            throw e;
          } finally {
            if (otherDatabase && !broken) {
              select(link, database);
            }
          }
        });
  }

  @Override
  protected Session recorded(
      Session session, Request request, Object reply, RedisFailure failure, RequestTimes times) {
    List<CapturedCommand> captured = request.item().commands();
    if (!request.item().transaction()) {
      results.record(session, named(captured.get(0)).series(), times, failure);
      return settle(session, times, failure == null);
    }
    RequestTimes share = times.share(captured.size());
    RedisFailure firstFailure = failure;
    for (int i = 0; i < captured.size(); i++) {
      RedisFailure commandFailure = failure;
      if (failure == null) {
        try {
          ((Response<?>[]) reply)[i].get(); // throws the command's error reply
        } catch (RuntimeException e) {
          commandFailure = RedisFailure.of(e);
          firstFailure = firstFailure == null ? commandFailure : firstFailure;
        }
      }
      results.recordShare(session, named(captured.get(i)).series(), share, commandFailure, true);
    }
    if (failure != null) {
      results.record(session, transactions, times, failure);
    } else {
      results.recordRoundTrip(session, transactions, times, null);
    }
    return settle(session, times, firstFailure == null);
  }

  private void select(RedisLink link, int db) {
    select.increment();
    link.sendBytes(
        Protocol.Command.SELECT,
        new byte[][] {Integer.toString(db).getBytes(StandardCharsets.US_ASCII)});
  }

  /**
   * The arguments with the key prefix before every key.
   *
   * @throws JedisDataException when the server's COMMAND table cannot place every key of the
   *     command: it is not sent, so that a replay never touches an unprefixed key
   */
  private byte[][] prefixed(RedisLink link, ProtocolCommand command, byte[][] arguments) {
    CommandKeys table = keys;
    if (table == null) {
      synchronized (this) {
        if (keys == null) {
          results.sentCounter("command").increment();
          keys =
              CommandKeys.fromCommandReply(link.sendBytes(Protocol.Command.COMMAND, new byte[0][]));
        }
        table = keys;
      }
    }
    if (!table.placesEveryKey(command)) {
      throw new JedisDataException(
          "UNPREFIXED "
              + new String(command.getRaw(), StandardCharsets.ISO_8859_1)
              + " is not sent: the server's COMMAND table does not place all its keys, and"
              + " replay.key_prefix must reach every key");
    }
    String[] text = new String[arguments.length];
    for (int i = 0; i < arguments.length; i++) {
      text[i] = new String(arguments[i], StandardCharsets.ISO_8859_1);
    }
    byte[][] out = arguments.clone();
    for (int position : table.keyPositions(command, text)) {
      byte[] key = arguments[position];
      byte[] withPrefix = new byte[keyPrefix.length + key.length];
      System.arraycopy(keyPrefix, 0, withPrefix, 0, keyPrefix.length);
      System.arraycopy(key, 0, withPrefix, keyPrefix.length, key.length);
      out[position] = withPrefix;
    }
    return out;
  }

  /**
   * What a command name is sent and recorded with, looked up once per name: the command object (the
   * COMMAND table caches by it), the cross-check's counter, and the series it is reported in.
   */
  private record Named(ProtocolCommand wire, LongAdder sent, RequestSeries series) {}

  private Named named(CapturedCommand command) {
    return commands.computeIfAbsent(command.name(), this::named);
  }

  private Named named(String name) {
    RequestSeries series = results.series(name);
    series.sends(LatencyRecorder.serverName(name));
    byte[] raw = name.getBytes(StandardCharsets.ISO_8859_1);
    return new Named(() -> raw, results.sentCounter(LatencyRecorder.serverName(name)), series);
  }
}
