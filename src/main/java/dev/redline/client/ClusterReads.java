package dev.redline.client;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import redis.clients.jedis.ConnectionPool;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.commands.ProtocolCommand;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * Where a cluster client's reads go with read_from replica or any: to a replica of the key's slot,
 * or to any node that serves it (its primary or a replica), picked at random per request. The
 * connections said READONLY when they opened (Jedis's {@code readOnlyForRedisClusterReplicas}), so
 * a replica serves its primary's slots.
 */
final class ClusterReads {
  private final ReplicaSlots slots;
  private final boolean primaryReads;
  private final ReadCommands commands;
  private final ReadCounts counts;
  private final Map<ConnectionPool, ReadNode> nodes = new ConcurrentHashMap<>();

  ClusterReads(ReplicaSlots slots, boolean primaryReads, ReadCommands commands, ReadCounts counts) {
    this.slots = slots;
    this.primaryReads = primaryReads;
    this.commands = commands;
    this.counts = counts;
  }

  /** Whether a command goes to a read node. */
  boolean isRead(ProtocolCommand command) {
    return commands.isRead(command);
  }

  /** A node that serves reads, and its pool. */
  /** A node that serves reads, its pool, and its count of reads sent (looked up once per node). */
  record ReadNode(HostAndPort node, ConnectionPool pool, LongAdder sent) {}

  /** A node that serves {@code slot}'s reads, picked at random among them. */
  ReadNode nodeFor(int slot) {
    List<ConnectionPool> replicas = slots.replicaPools(slot);
    int candidates = replicas.size() + (primaryReads ? 1 : 0);
    int pick = candidates <= 1 ? 0 : ThreadLocalRandom.current().nextInt(candidates);
    ConnectionPool pool =
        pick < replicas.size()
            ? replicas.get(pick)
            : primaryReads ? slots.primaryPool(slot) : null; // a replica's read, never its primary
    if (pool == null) {
      // as a node that cannot be reached: the request may be tried again, the client's health knows
      throw new JedisConnectionException(
          "no replica serves slot " + slot + " now (its primary is " + slots.getNode(slot) + ")");
    }
    ReadNode node = nodes.get(pool);
    if (node == null) {
      HostAndPort address = slots.nodeOf(pool);
      if (address == null) {
        throw new JedisConnectionException(
            "the slot map changed while slot " + slot + "'s read node was picked");
      }
      node = new ReadNode(address, pool, counts.of(address));
      nodes.put(pool, node);
    }
    return node;
  }

  /** Whether every command of a batch only reads. */
  boolean allRead(ProtocolCommand[] batch) {
    return commands.allRead(batch);
  }

  /** Counts reads sent to a node. */
  void sent(HostAndPort node, int reads) { // a read on a primary all the same: rare
    counts.of(node).add(reads);
  }
}
