package dev.redline.testing;

import dev.redline.client.RedisServerProcess;
import dev.redline.client.ServerStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import redis.clients.jedis.Jedis;

/**
 * A real Redis Cluster of three primaries (no replicas) on free ports, made from the test: each
 * node takes a third of the slots (CLUSTER ADDSLOTS), then they meet (CLUSTER MEET) and the
 * cluster is ready when every node says {@code cluster_state:ok} and knows all three.
 */
public final class TestCluster implements AutoCloseable {
  private static final int SLOTS = 16384;
  private final List<RedisServerProcess> nodes = new ArrayList<>();

  public TestCluster(int primaries) {
    try {
      for (int i = 0; i < primaries; i++) {
        nodes.add(RedisServerProcess.start("--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf",
            "--cluster-node-timeout", "5000"));
      }
      for (int i = 0; i < primaries; i++) {
        try (Jedis jedis = connect(i)) {
          int from = SLOTS * i / primaries;
          int to = SLOTS * (i + 1) / primaries;
          int[] slots = new int[to - from];
          for (int s = from; s < to; s++) {
            slots[s - from] = s;
          }
          jedis.clusterAddSlots(slots);
          for (int j = 0; j < primaries; j++) {
            if (j != i) {
              jedis.clusterMeet("127.0.0.1", nodes.get(j).port());
            }
          }
        }
      }
      Await.until("the test cluster becoming ready (cluster_state:ok on every node)", java.time.Duration.ofSeconds(30), this::ready);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  private boolean ready() {
    for (int i = 0; i < nodes.size(); i++) {
      try (Jedis jedis = connect(i)) {
        String info = jedis.clusterInfo();
        if (!info.contains("cluster_state:ok") || !info.contains("cluster_known_nodes:" + nodes.size())
            || !info.contains("cluster_slots_ok:" + SLOTS)) {
          return false;
        }
      }
    }
    return true;
  }

  /** The seed addresses, host:port. */
  public String[] seeds() {
    return nodes.stream().map(n -> "127.0.0.1:" + n.port()).toArray(String[]::new);
  }

  /** A direct connection to node {@code i}. */
  public Jedis connect(int i) {
    return TestRedis.connect(nodes.get(i));
  }

  /** How many nodes. */
  public int size() {
    return nodes.size();
  }

  /**
   * Gives an empty slot to the next node (CLUSTER SETSLOT ... NODE on every node), as a resharding
   * would: a client with the old slot map is then answered MOVED.
   *
   * @return the index of the node that owns the slot now
   */
  public int moveEmptySlot(int slot) {
    int owner = slot * nodes.size() / SLOTS;
    while (SLOTS * (owner + 1) / nodes.size() <= slot) {
      owner++;
    }
    int target = (owner + 1) % nodes.size();
    String targetId;
    try (Jedis jedis = connect(target)) {
      targetId = jedis.clusterMyId();
    }
    List<Integer> order = new ArrayList<>(List.of(target, owner)); // the new owner first, then the old one
    for (int i = 0; i < nodes.size(); i++) {
      if (!order.contains(i)) {
        order.add(i);
      }
    }
    for (int i : order) {
      try (Jedis jedis = connect(i)) {
        jedis.clusterSetSlotNode(slot, targetId);
      }
    }
    return target;
  }

  /** Empties every node and resets its statistics. */
  public void reset() {
    for (int i = 0; i < nodes.size(); i++) {
      try (Jedis jedis = connect(i)) {
        jedis.flushAll();
        jedis.configResetStat();
      }
    }
  }

  /** CONFIG SET on every node. */
  public void configSetAll(String parameter, String value) {
    for (int i = 0; i < nodes.size(); i++) {
      try (Jedis jedis = connect(i)) {
        jedis.configSet(parameter, value);
      }
    }
  }

  /** Calls per command summed over every primary. */
  public Map<String, Long> commandCallsSummed() {
    Map<String, Long> sum = new TreeMap<>();
    for (int i = 0; i < nodes.size(); i++) {
      try (Jedis jedis = connect(i)) {
        ServerStats.commandCalls(jedis).forEach((c, n) -> sum.merge(c, n, Long::sum));
      }
    }
    return sum;
  }

  @Override
  public void close() {
    nodes.forEach(RedisServerProcess::close);
  }
}
