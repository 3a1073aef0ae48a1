package dev.redline.client;

import dev.redline.config.HostPorts;
import dev.redline.config.RedisEndpoint;
import java.util.List;
import java.util.stream.Collectors;
import redis.clients.jedis.HostAndPort;

/**
 * How the Redis being loaded is deployed: one server, a cluster, or a primary found through
 * sentinels. Credentials, database and TLS are the {@link RedisEndpoint}'s and apply to the data
 * nodes in every mode.
 */
public sealed interface Deployment {

  /** One server: the endpoint's host and port. */
  record Standalone() implements Deployment {
    @Override
    public String mode() {
      return "standalone";
    }

    @Override
    public String describe(RedisEndpoint login) {
      return login.toString();
    }
  }

  /**
   * A Redis Cluster, discovered from any of the seed nodes; commands are routed by their key's
   * slot.
   *
   * @param seeds nodes to learn the cluster's slot map from (one reachable node is enough)
   */
  record Cluster(List<HostAndPort> seeds) implements Deployment {
    public Cluster {
      seeds = List.copyOf(seeds);
      if (seeds.isEmpty()) {
        throw new IllegalArgumentException("a cluster needs at least one seed node host:port");
      }
    }

    @Override
    public String mode() {
      return "cluster";
    }

    @Override
    public String describe(RedisEndpoint login) {
      return "cluster " + scheme(login) + credentials(login) + addresses(seeds);
    }
  }

  /**
   * A primary monitored by sentinels; the client asks them for the current primary and follows a
   * failover.
   *
   * @param masterName the name the sentinels monitor the primary under
   * @param sentinels sentinel addresses
   * @param sentinelUsername the sentinels' ACL user, or null
   * @param sentinelPassword the sentinels' password, or null (never printed)
   */
  record Sentinel(
      String masterName,
      List<HostAndPort> sentinels,
      String sentinelUsername,
      String sentinelPassword)
      implements Deployment {
    public Sentinel {
      if (masterName == null || masterName.isBlank()) {
        throw new IllegalArgumentException(
            "a sentinel deployment needs the master name the sentinels monitor, e.g. mymaster");
      }
      sentinels = List.copyOf(sentinels);
      if (sentinels.isEmpty()) {
        throw new IllegalArgumentException(
            "a sentinel deployment needs at least one sentinel host:port");
      }
    }

    @Override
    public String mode() {
      return "sentinel";
    }

    @Override
    public String describe(RedisEndpoint login) {
      String user = login.username() != null ? ", as user " + login.username() : "";
      return "primary '"
          + masterName
          + "' via sentinels "
          + addresses(sentinels)
          + (login.tls() ? ", over TLS" : "")
          + user;
    }

    /** The same deployment with sentinel credentials. */
    public Sentinel withSentinelCredentials(String username, String password) {
      return new Sentinel(masterName, sentinels, username, password);
    }

    @Override
    public String toString() {
      return "Sentinel[masterName="
          + masterName
          + ", sentinels="
          + sentinels
          + ", sentinelUsername="
          + sentinelUsername
          + ", sentinelPassword="
          + (sentinelPassword == null ? "none" : "***")
          + "]";
    }
  }

  /** standalone, cluster or sentinel (as the config's redis.mode). */
  String mode();

  /** What the run loads, for messages and the summary; never shows a password. */
  String describe(RedisEndpoint login);

  /**
   * Parses {@code host:port} addresses, e.g. {@code "10.0.0.1:7000"} or {@code "[::1]:7000"}.
   *
   * @throws IllegalArgumentException naming the address that is not host:port
   */
  static List<HostAndPort> parseAddresses(List<String> texts) {
    return HostPorts.parse(texts);
  }

  private static String scheme(RedisEndpoint login) {
    return login.tls() ? "rediss://" : "redis://";
  }

  private static String credentials(RedisEndpoint login) {
    if (login.username() == null && login.password() == null) {
      return "";
    }
    return (login.username() == null ? "" : login.username())
        + (login.password() == null ? "" : ":***")
        + "@";
  }

  private static String addresses(List<HostAndPort> nodes) {
    return nodes.stream().map(HostAndPort::toString).collect(Collectors.joining(","));
  }
}
