package dev.redline.client;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.Connection;
import redis.clients.jedis.ConnectionPool;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.providers.ClusterConnectionProvider;

/**
 * A cluster client's slot map that also tells each slot's replicas (Jedis keeps their pools when
 * its config reads from replicas, but shows them only through its cache).
 */
final class ReplicaSlots extends ClusterConnectionProvider {
  private static final int SLOTS = 16384;

  ReplicaSlots(
      Set<HostAndPort> seeds, JedisClientConfig config, GenericObjectPoolConfig<Connection> pools) {
    super(seeds, config, pools);
  }

  /**
   * The pools of the replicas that serve a slot now (empty when it has none): a copy, as Jedis
   * empties its own list in place when it reads the slot map again.
   */
  List<ConnectionPool> replicaPools(int slot) {
    List<ConnectionPool> pools = cache.getSlotReplicaPools(slot);
    try {
      return pools == null ? List.of() : List.copyOf(pools);
    } catch (RuntimeException changedWhileCopied) {
      return List.copyOf(cache.getSlotReplicaPools(slot));
    }
  }

  /** The pool of the primary that serves a slot now, or null when none does. */
  ConnectionPool primaryPool(int slot) {
    return cache.getSlotPool(slot);
  }

  /** The address of the node a pool connects to, or null when the slot map dropped it. */
  HostAndPort nodeOf(ConnectionPool pool) {
    for (Map.Entry<String, ConnectionPool> node : cache.getNodes().entrySet()) {
      if (node.getValue() == pool) {
        return HostAndPort.from(node.getKey());
      }
    }
    return null;
  }

  /** A primary that serves slots but has no replica, or null when every one has one. */
  HostAndPort primaryWithoutReplica() {
    for (int slot = 0; slot < SLOTS; slot++) {
      HostAndPort primary = cache.getSlotNode(slot);
      if (primary != null && replicaPools(slot).isEmpty()) {
        return primary;
      }
    }
    return null;
  }
}
