package dev.redline.client;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.providers.ClusterConnectionProvider;

/**
 * A client instance's Jedis cluster client: its own pool of at most connectionsPerClient
 * connections per node, shared by the instance's workers (the cluster client is thread-safe).
 */
final class ClusterLinks implements LinkSource {
  private final RedisClusterClient cluster;
  private final ClusterLink link;
  private final JedisClientConfig config;
  private final OpenedConnectionCount opened;

  ClusterLinks(
      RedisClusterClient cluster,
      ClusterConnectionProvider slots,
      NodeOutages outages,
      CommandKeys keys,
      ExecutorService pipelineThreads,
      JedisClientConfig config,
      ClusterReads reads) {
    this.cluster = cluster;
    this.config = config;
    this.link = new ClusterLink(cluster, slots, outages, keys, pipelineThreads, reads);
    this.opened = new OpenedConnectionCount(() -> slots.getNodes().values());
  }

  @Override
  public long openedConnections() {
    return opened.count();
  }

  @Override
  public RedisLink acquire() {
    return link;
  }

  @Override
  public RedisLink acquireOnce() {
    return link;
  }

  @Override
  public void release(RedisLink released) {
    // the cluster client gives its node connections back itself
  }

  /**
   * The nodes that serve slots now, from the cluster itself ({@code CLUSTER NODES} of a known
   * node).
   */
  @Override
  public List<HostAndPort> primaries() {
    return nodesIn(clusterNodes(), "master");
  }

  /** The replicas that are up now, from the cluster itself. */
  @Override
  public List<HostAndPort> replicas() {
    return nodesIn(clusterNodes(), "slave");
  }

  /** {@code CLUSTER NODES} of the first node that answers. */
  private String clusterNodes() {
    RuntimeException last = null;
    for (String node : cluster.getClusterNodes().keySet()) {
      try (Jedis jedis = new Jedis(HostAndPort.from(node), config)) {
        return jedis.clusterNodes();
      } catch (RuntimeException e) {
        last = e;
      }
    }
    throw last != null ? last : new IllegalStateException("the cluster client knows no node");
  }

  /**
   * Any node the cluster client knows, at random: a message published on one node reaches
   * subscribers on every node, subscribers spread over the nodes, and one subscribing again after
   * its node went down soon lands on another.
   */
  @Override
  public HostAndPort subscriptionNode() {
    List<String> nodes = new ArrayList<>(cluster.getClusterNodes().keySet());
    if (nodes.isEmpty()) {
      throw new IllegalStateException("the cluster client knows no node");
    }
    return HostAndPort.from(nodes.get(ThreadLocalRandom.current().nextInt(nodes.size())));
  }

  @Override
  public void close() {
    cluster.close();
  }

  /** The addresses of the primaries that are up, from a {@code CLUSTER NODES} reply. */
  static List<HostAndPort> primariesIn(String clusterNodes) {
    return nodesIn(clusterNodes, "master");
  }

  /** The addresses of the nodes of a role (master, slave) that are up, from CLUSTER NODES. */
  private static List<HostAndPort> nodesIn(String clusterNodes, String role) {
    List<HostAndPort> nodes = new ArrayList<>();
    for (String line : clusterNodes.split("\n")) {
      String[] fields = line.strip().split(" ");
      if (fields.length < 8 || !fields[2].contains(role) || fields[2].contains("fail")) {
        continue;
      }
      String address = fields[1];
      int at = address.indexOf('@');
      nodes.add(HostAndPort.from(at < 0 ? address : address.substring(0, at)));
    }
    return nodes;
  }
}
