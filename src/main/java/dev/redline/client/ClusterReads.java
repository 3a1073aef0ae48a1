package dev.redline.client;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import redis.clients.jedis.Connection;
import redis.clients.jedis.ConnectionPool;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.commands.ProtocolCommand;
import redis.clients.jedis.exceptions.JedisClusterOperationException;

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

  /** A connection to a node that serves {@code slot}'s reads (closing it gives it back). */
  Connection connectionFor(int slot) {
    return poolFor(slot).getResource();
  }

  /** The pool of a node that serves {@code slot}'s reads, picked at random among them. */
  ConnectionPool poolFor(int slot) {
    List<ConnectionPool> replicas = slots.replicaPools(slot);
    int nodes = replicas.size() + (primaryReads ? 1 : 0);
    int pick = nodes <= 1 ? 0 : ThreadLocalRandom.current().nextInt(nodes);
    ConnectionPool pool =
        pick < replicas.size()
            ? replicas.get(pick)
            : primaryReads ? slots.primaryPool(slot) : null; // a replica's read, never its primary
    if (pool == null) {
      throw new JedisClusterOperationException(
          "no replica serves slot " + slot + " now (its primary is " + slots.getNode(slot) + ")");
    }
    return pool;
  }

  /** Whether every command of a batch only reads. */
  boolean allRead(ProtocolCommand[] batch) {
    return commands.allRead(batch);
  }

  /** Counts reads sent to a node. */
  void sent(HostAndPort node, int reads) {
    counts.of(node).add(reads);
  }
}
