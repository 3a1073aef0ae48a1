package dev.redline.testing;

import dev.redline.client.ServerStats;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import redis.clients.jedis.Jedis;

/**
 * A real Redis Cluster of three primaries (no replicas) on free ports, made from the test: each
 * node takes a third of the slots (CLUSTER ADDSLOTS), then they meet (CLUSTER MEET) and the cluster
 * is ready when every node says {@code cluster_state:ok} and knows all three.
 */
public final class TestCluster implements AutoCloseable {
  private static final int SLOTS = 16384;
  private final List<TestRedisServer> nodes = new ArrayList<>();
  private final List<Integer> clientPorts = new ArrayList<>();

  private final String nodeTimeout;

  public TestCluster(int primaries) {
    this(primaries, null, "5000");
  }

  /**
   * A cluster of {@code primaries} primaries with one replica each and a 2 s node timeout, so that
   * a replica takes over a few seconds after its primary fails ({@link #kill(int)}). Its nodes
   * serve their own slots while another node's are uncovered ({@code cluster-require-full-coverage
   * no}, as clusters that must stay available run; with Redis's default every node answers
   * CLUSTERDOWN until the failover is over).
   */
  public static TestCluster withReplicas(int primaries) {
    TestCluster cluster = new TestCluster(primaries, null, "2000");
    try {
      cluster.addReplicas(primaries);
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
    return cluster;
  }

  /**
   * A cluster whose clients and cluster bus speak TLS ({@code tls-cluster yes}): each node's TLS
   * port is what CLUSTER SLOTS announces; the plain port stays open for the test's own checks.
   *
   * @param certificate a server certificate (no EKU: the nodes also use it as clients of each
   *     other), beside {@code key}, signed by {@code ca}
   */
  public static TestCluster withTls(int primaries, Path certificate, Path key, Path ca) {
    return new TestCluster(primaries, new Path[] {certificate, key, ca}, "5000");
  }

  private TestCluster(int primaries, Path[] tls, String nodeTimeout) {
    this.nodeTimeout = nodeTimeout;
    try {
      for (int i = 0; i < primaries; i++) {
        List<String> arguments =
            new ArrayList<>(
                List.of(
                    "--cluster-enabled",
                    "yes",
                    "--cluster-config-file",
                    "nodes.conf",
                    "--cluster-node-timeout",
                    nodeTimeout,
                    "--cluster-require-full-coverage",
                    fullCoverage()));
        int clientPort = 0;
        if (tls != null) {
          clientPort = freePort();
          arguments.addAll(
              List.of(
                  "--tls-port",
                  Integer.toString(clientPort),
                  "--tls-cluster",
                  "yes",
                  "--tls-auth-clients",
                  "no",
                  "--tls-cert-file",
                  tls[0].toString(),
                  "--tls-key-file",
                  tls[1].toString(),
                  "--tls-ca-cert-file",
                  tls[2].toString()));
        }
        TestRedisServer node = TestRedisServer.start(arguments.toArray(String[]::new));
        nodes.add(node);
        clientPorts.add(tls != null ? clientPort : node.port());
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
              jedis.clusterMeet("127.0.0.1", clientPorts.get(j));
            }
          }
        }
      }
      Await.until(
          "the test cluster becoming ready (cluster_state:ok on every node)",
          java.time.Duration.ofSeconds(30),
          this::ready);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  private void addReplicas(int primaries) {
    for (int i = 0; i < primaries; i++) {
      TestRedisServer replica =
          TestRedisServer.start(
              "--cluster-enabled",
              "yes",
              "--cluster-config-file",
              "nodes.conf",
              "--cluster-node-timeout",
              nodeTimeout,
              "--cluster-require-full-coverage",
              fullCoverage());
      nodes.add(replica);
      clientPorts.add(replica.port());
      try (Jedis jedis = connect(nodes.size() - 1)) {
        jedis.clusterMeet("127.0.0.1", clientPorts.get(0));
      }
    }
    for (int i = 0; i < primaries; i++) {
      String primaryId;
      try (Jedis primary = connect(i)) {
        primaryId = primary.clusterMyId();
      }
      int replica = primaries + i;
      Await.until(
          "replica " + replica + " learning of primary " + i,
          java.time.Duration.ofSeconds(30),
          () -> {
            try (Jedis jedis = connect(replica)) {
              return jedis.clusterNodes().contains(primaryId);
            }
          });
      try (Jedis jedis = connect(replica)) {
        jedis.clusterReplicate(primaryId);
      }
    }
    Await.until(
        "every replica in sync, in every node's slot map, and the cluster ok",
        java.time.Duration.ofSeconds(60),
        () -> {
          for (int i = primaries; i < nodes.size(); i++) {
            try (Jedis jedis = connect(i)) {
              if (!jedis.info("replication").contains("master_link_status:up")) {
                return false;
              }
            }
          }
          for (int i = 0; i < nodes.size(); i++) {
            try (Jedis jedis = connect(i)) {
              for (Object range : jedis.clusterSlots()) {
                if (((List<?>) range).size() < 4) { // start, end, primary: no replica yet
                  return false;
                }
              }
            }
          }
          return ready();
        });
  }

  /**
   * Redis's default for the clusters without replicas; "no" for the failover cluster (see {@link
   * #withReplicas}).
   */
  private String fullCoverage() {
    return "2000".equals(nodeTimeout) ? "no" : "yes";
  }

  /** Kills node {@code i} (SIGKILL), as a crashed server. */
  public void kill(int i) {
    nodes.get(i).kill();
  }

  private static int freePort() {
    try {
      return TestRedisServer.freePort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private boolean ready() {
    for (int i = 0; i < nodes.size(); i++) {
      try (Jedis jedis = connect(i)) {
        String info = jedis.clusterInfo();
        if (!info.contains("cluster_state:ok")
            || !info.contains("cluster_known_nodes:" + nodes.size())
            || !info.contains("cluster_slots_ok:" + SLOTS)) {
          return false;
        }
      }
    }
    return true;
  }

  /** The seed addresses, host:port (the TLS ports of a TLS cluster). */
  public String[] seeds() {
    return clientPorts.stream().map(port -> "127.0.0.1:" + port).toArray(String[]::new);
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
    List<Integer> order =
        new ArrayList<>(List.of(target, owner)); // the new owner first, then the old one
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
    nodes.forEach(TestRedisServer::close);
  }
}
