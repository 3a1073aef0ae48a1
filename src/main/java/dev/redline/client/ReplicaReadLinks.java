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
 * primary's link for writes, transactions and batches with a write in them; for a read, or a batch
 * of reads only, the link of a read node picked at random per call, so the reads spread evenly.
 * Each node's links are its own {@link ServerLinks} (a worker keeps one connection per node when it
 * has a connection per worker).
 *
 * <p>A request holds one primary link from its first use to its end (a replay's SELECT, its command
 * and the SELECT back share a connection; a read that picks the primary uses it too), and a read
 * node's link only for the call.
 */
final class ReplicaReadLinks implements LinkSource {
  private final LinkSource primary;
  private final List<ServerLinks> replicas;
  private final LinkSource[] readers; // with primaryReads, readers[0] is the primary
  private final LongAdder[] readsSent;
  private final LongAdder primaryReadsSent;
  private final boolean primaryReads;
  private final ReadCommands commands;
  private final byte[] database;

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
    this.primary = primary;
    this.replicas = List.copyOf(replicas);
    this.primaryReads = primaryReads;
    this.commands = commands;
    this.database = Integer.toString(database).getBytes(StandardCharsets.US_ASCII);
    this.primaryReadsSent = counts.of(primaryNode);
    List<LinkSource> readNodes = new ArrayList<>();
    List<LongAdder> sent = new ArrayList<>();
    if (primaryReads) {
      readNodes.add(primary);
      sent.add(primaryReadsSent);
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
    return new Routed();
  }

  @Override
  public RedisLink acquireOnce() {
    return primary.acquireOnce();
  }

  @Override
  public void release(RedisLink link) {
    if (link instanceof Routed routed) {
      routed.releasePrimary();
    } else {
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

  private int reads(ProtocolCommand command) {
    return commands.isRead(command) ? 1 : 0;
  }

  private int reads(ProtocolCommand[] batch) {
    int reads = 0;
    for (ProtocolCommand command : batch) {
      reads += reads(command);
    }
    return reads;
  }

  /** The link a request is given: routes each call by what its commands do. */
  private final class Routed implements RedisLink {
    private RedisLink primaryLink;

    /** Whether the request has SELECTed another database on the primary (a replay's). */
    private boolean elsewhere;

    private RedisLink primaryLink() {
      if (primaryLink == null) {
        primaryLink = primary.acquire();
      }
      return primaryLink;
    }

    void releasePrimary() {
      if (primaryLink != null) {
        primary.release(primaryLink);
        primaryLink = null;
      }
    }

    /** A step on the primary; {@code reads}: how many of its commands are reads. */
    private <T> T onPrimary(int reads, OnLink<T> step) {
      RedisLink link = primaryLink();
      if (reads > 0) { // once there is a link: counted as the server will count it
        primaryReadsSent.add(reads);
      }
      return step.run(link);
    }

    private <T> T onReader(int commandCount, OnLink<T> step) {
      int node = readers.length == 1 ? 0 : ThreadLocalRandom.current().nextInt(readers.length);
      if (primaryReads && node == 0) {
        return onPrimary(commandCount, step);
      }
      LinkSource reader = readers[node];
      RedisLink link = reader.acquire();
      readsSent[node].add(commandCount);
      try {
        return step.run(link);
      } finally {
        reader.release(link);
      }
    }

    @Override
    public Object send(ProtocolCommand command, String[] arguments) {
      return commands.isRead(command)
          ? onReader(1, link -> link.send(command, arguments))
          : onPrimary(0, link -> link.send(command, arguments));
    }

    @Override
    public Object sendBlocking(ProtocolCommand command, String[] arguments, long blockMillis) {
      return onPrimary(reads(command), link -> link.sendBlocking(command, arguments, blockMillis));
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
        onPrimary(reads(commandList), step);
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
          reads(commandList),
          link -> {
            link.transaction(commandList, arguments, replies);
            return null;
          });
    }

    /**
     * A replayed command. A replay reaches another database between two SELECTs on the request's
     * primary connection: until it SELECTs back, its reads stay there, where that database is.
     */
    @Override
    public Object sendBytes(ProtocolCommand command, byte[][] arguments) {
      if (command == Protocol.Command.SELECT && arguments.length == 1) {
        Object reply = onPrimary(0, link -> link.sendBytes(command, arguments));
        elsewhere = !Arrays.equals(arguments[0], database); // once the server SELECTed it
        return reply;
      }
      if (commands.isRead(command) && !elsewhere) {
        return onReader(1, link -> link.sendBytes(command, arguments));
      }
      return onPrimary(reads(command), link -> link.sendBytes(command, arguments));
    }

    @Override
    public Object sendBlockingBytes(ProtocolCommand command, byte[][] arguments, long blockMillis) {
      return onPrimary(
          reads(command), link -> link.sendBlockingBytes(command, arguments, blockMillis));
    }

    @Override
    public void transactionBytes(
        ProtocolCommand[] commandList, byte[][][] arguments, Response<Object>[] replies) {
      onPrimary(
          reads(commandList),
          link -> {
            link.transactionBytes(commandList, arguments, replies);
            return null;
          });
    }
  }
}
