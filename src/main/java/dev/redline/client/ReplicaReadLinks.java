package dev.redline.client;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.Response;
import redis.clients.jedis.commands.ProtocolCommand;

/**
 * A client's links when its reads go to replicas (read_from: replica or any) of one primary: the
 * primary's links for writes, transactions and batches with a write in them; for a read, or a batch
 * of reads only, the links of a read node picked at random per request, so the reads spread evenly.
 * Each node's links are its own {@link ServerLinks} (a worker keeps one connection per node when it
 * has a connection per worker), so a request holds one connection at a time.
 */
final class ReplicaReadLinks implements LinkSource {
  private final LinkSource primary;
  private final List<ServerLinks> replicas;
  private final LinkSource[] readers;
  private final LongAdder[] readsSent;
  private final ReadCommands commands;
  private final RedisLink routed = new Routed();
  private final byte[] database;

  /** Whether this worker's primary connection has SELECTed another database (a replay's). */
  private final ThreadLocal<boolean[]> elsewhere = ThreadLocal.withInitial(() -> new boolean[1]);

  /**
   * @param primary the primary's links (writes, and reads too when {@code primaryReads})
   * @param primaryNode the primary's address, for its count of reads
   * @param replicas each replica's links, in {@code replicaNodes}' order
   * @param primaryReads whether the primary takes its share of the reads (read_from: any)
   * @param database the database every connection uses
   */
  ReplicaReadLinks(
      LinkSource primary,
      HostAndPort primaryNode,
      List<ServerLinks> replicas,
      List<HostAndPort> replicaNodes,
      boolean primaryReads,
      int database,
      ReadCommands commands,
      ReadCounts counts) {
    this.database = Integer.toString(database).getBytes(StandardCharsets.US_ASCII);
    this.primary = primary;
    this.replicas = List.copyOf(replicas);
    this.commands = commands;
    List<LinkSource> readNodes = new ArrayList<>();
    List<LongAdder> sent = new ArrayList<>();
    if (primaryReads) {
      readNodes.add(primary);
      sent.add(counts.of(primaryNode));
    }
    for (int i = 0; i < replicas.size(); i++) {
      readNodes.add(replicas.get(i));
      sent.add(counts.of(replicaNodes.get(i)));
    }
    this.readers = readNodes.toArray(LinkSource[]::new);
    this.readsSent = sent.toArray(LongAdder[]::new);
  }

  @Override
  public RedisLink acquire() {
    return routed;
  }

  @Override
  public RedisLink acquireOnce() {
    return primary.acquireOnce();
  }

  @Override
  public void release(RedisLink link) {
    if (link != routed) {
      primary.release(link); // the start check's link
    }
  }

  @Override
  public List<HostAndPort> primaries() {
    return primary.primaries();
  }

  @Override
  public HostAndPort subscriptionNode() {
    return primary.subscriptionNode();
  }

  @Override
  public long openedConnections() {
    return primary.openedConnections()
        + replicas.stream().mapToLong(ServerLinks::openedConnections).sum();
  }

  @Override
  public void close() {
    RuntimeException failure = null;
    for (LinkSource replica : replicas) {
      try {
        replica.close();
      } catch (RuntimeException e) {
        failure = e;
      }
    }
    primary.close();
    if (failure != null) {
      throw failure;
    }
  }

  /** One step of a request on one node's link. */
  private interface OnLink<T> {
    T run(RedisLink link);
  }

  private <T> T onPrimary(OnLink<T> step) {
    return on(primary, step);
  }

  private <T> T onReader(int commandCount, OnLink<T> step) {
    int node = readers.length == 1 ? 0 : ThreadLocalRandom.current().nextInt(readers.length);
    readsSent[node].add(commandCount);
    return on(readers[node], step);
  }

  private static <T> T on(LinkSource source, OnLink<T> step) {
    RedisLink link = source.acquire();
    try {
      return step.run(link);
    } finally {
      source.release(link);
    }
  }

  /** The link a request is given: routes each call by what its commands do. */
  private final class Routed implements RedisLink {
    @Override
    public Object send(ProtocolCommand command, String[] arguments) {
      return commands.isRead(command)
          ? onReader(1, link -> link.send(command, arguments))
          : onPrimary(link -> link.send(command, arguments));
    }

    @Override
    public Object sendBlocking(ProtocolCommand command, String[] arguments, long blockMillis) {
      return onPrimary(link -> link.sendBlocking(command, arguments, blockMillis));
    }

    @Override
    public void pipeline(
        ProtocolCommand[] commandList,
        String[][] arguments,
        Response<Object>[] replies,
        long blockMillis) {
      OnLink<Void> step =
          link -> {
            link.pipeline(commandList, arguments, replies, blockMillis);
            return null;
          };
      if (blockMillis <= 0 && commands.allRead(commandList)) {
        onReader(commandList.length, step);
      } else {
        onPrimary(step);
      }
    }

    @Override
    public void pipeline(
        ProtocolCommand[] commandList, String[][] arguments, Response<Object>[] replies) {
      pipeline(commandList, arguments, replies, 0);
    }

    @Override
    public void transaction(
        ProtocolCommand[] commandList, String[][] arguments, Response<Object>[] replies) {
      onPrimary(
          link -> {
            link.transaction(commandList, arguments, replies);
            return null;
          });
    }

    /**
     * A replayed command. A replay reaches another database between two SELECTs on one connection:
     * until it SELECTs back, its reads stay on the primary, where that database is selected.
     */
    @Override
    public Object sendBytes(ProtocolCommand command, byte[][] arguments) {
      if (command == Protocol.Command.SELECT && arguments.length == 1) {
        elsewhere.get()[0] = !Arrays.equals(arguments[0], database);
      }
      return commands.isRead(command) && !elsewhere.get()[0]
          ? onReader(1, link -> link.sendBytes(command, arguments))
          : onPrimary(link -> link.sendBytes(command, arguments));
    }

    @Override
    public Object sendBlockingBytes(ProtocolCommand command, byte[][] arguments, long blockMillis) {
      return onPrimary(link -> link.sendBlockingBytes(command, arguments, blockMillis));
    }

    @Override
    public void transactionBytes(
        ProtocolCommand[] commandList, byte[][][] arguments, Response<Object>[] replies) {
      onPrimary(
          link -> {
            link.transactionBytes(commandList, arguments, replies);
            return null;
          });
    }
  }
}
