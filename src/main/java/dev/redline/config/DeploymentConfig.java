package dev.redline.config;

import java.nio.file.Path;
import java.util.List;

/**
 * How a config-driven run reaches Redis beyond the URL: the deployment mode and its nodes, TLS
 * options and the RESP version.
 *
 * @param mode standalone, cluster or sentinel
 * @param clusterNodes cluster seed nodes (host:port); empty means the URL's host and port
 * @param sentinelMaster the name the sentinels monitor the primary under (sentinel mode)
 * @param sentinelNodes sentinel addresses (sentinel mode)
 * @param sentinelUsername the sentinels' ACL user, or null
 * @param sentinelPassword the sentinels' password, or null
 * @param readFrom primary, replica or any
 * @param replicas a standalone primary's replicas as named (host:port); empty means found
 * @param tls whether to speak TLS even with a redis:// URL
 * @param tlsCaFile trusted CAs (PEM), or null
 * @param tlsCertFile client certificate (PEM), or null
 * @param tlsKeyFile client key (PEM PKCS#8), or null
 * @param tlsVerifyHostname whether the certificate must name the host
 * @param tlsVersions allowed TLS versions, empty for the JDK's
 * @param respVersion 2 or 3, or 0 for Jedis's default
 */
public record DeploymentConfig(
    String mode,
    List<String> clusterNodes,
    String sentinelMaster,
    List<String> sentinelNodes,
    String sentinelUsername,
    String sentinelPassword,
    String readFrom,
    List<String> replicas,
    boolean tls,
    Path tlsCaFile,
    Path tlsCertFile,
    Path tlsKeyFile,
    boolean tlsVerifyHostname,
    List<String> tlsVersions,
    int respVersion) {

  /**
   * The deployment of these settings: the mode (named, or implied by the cluster switch or a
   * sentinel master) and the nodes, TLS files and RESP version it needs.
   *
   * @throws ConfigError when settings contradict each other or the mode lacks what it needs
   */
  static DeploymentConfig from(ParsedSettings settings) {
    String mode = settings.get(RedisKeys.MODE);
    boolean clusterSwitch = settings.getOrDefault(RedisKeys.CLUSTER, false);
    if (mode == null) {
      mode =
          clusterSwitch
              ? "cluster"
              : settings.has(RedisKeys.SENTINEL_MASTER) ? "sentinel" : "standalone";
    } else if (clusterSwitch && !mode.equals("cluster")) {
      throw new ConfigError(
          "redis.cluster = true ("
              + settings.origin(RedisKeys.CLUSTER)
              + ") contradicts redis.mode = "
              + mode
              + " ("
              + settings.origin(RedisKeys.MODE)
              + "); set only one of them");
    }
    List<String> clusterNodes = settings.getOrDefault(RedisKeys.CLUSTER_NODES, List.of());
    List<String> sentinelNodes = settings.getOrDefault(RedisKeys.SENTINEL_NODES, List.of());
    String master = settings.get(RedisKeys.SENTINEL_MASTER);
    if (mode.equals("sentinel") && (master == null || sentinelNodes.isEmpty())) {
      throw new ConfigError(
          "redis.mode = sentinel needs redis.sentinel_master (REDIS_SENTINEL_MASTER) and"
              + " redis.sentinel_nodes (REDIS_SENTINEL_NODES), e.g. sentinel_master: mymaster,"
              + " sentinel_nodes: [10.0.0.1:26379]");
    }
    if (!mode.equals("cluster") && !clusterNodes.isEmpty()) {
      throw new ConfigError(
          "redis.cluster_nodes ("
              + settings.origin(RedisKeys.CLUSTER_NODES)
              + ") is set but redis.mode is "
              + mode
              + "; set mode: cluster (or REDIS_CLUSTER=true)");
    }
    Path certFile = settings.get(RedisKeys.TLS_CERT_FILE);
    Path keyFile = settings.get(RedisKeys.TLS_KEY_FILE);
    if ((certFile == null) != (keyFile == null)) {
      throw new ConfigError(
          "mutual TLS needs both redis.tls_cert_file and redis.tls_key_file; only "
              + (certFile == null
                  ? "redis.tls_key_file (" + settings.origin(RedisKeys.TLS_KEY_FILE) + ")"
                  : "redis.tls_cert_file (" + settings.origin(RedisKeys.TLS_CERT_FILE) + ")")
              + " is set");
    }
    return new DeploymentConfig(
        mode,
        clusterNodes,
        master,
        sentinelNodes,
        settings.get(RedisKeys.SENTINEL_USERNAME),
        settings.get(RedisKeys.SENTINEL_PASSWORD),
        settings.getOrDefault(RedisKeys.READ_FROM, "primary"),
        settings.getOrDefault(RedisKeys.REPLICAS, List.of()),
        settings.getOrDefault(RedisKeys.TLS, false),
        settings.get(RedisKeys.TLS_CA_FILE),
        certFile,
        keyFile,
        settings.getOrDefault(RedisKeys.TLS_VERIFY_HOSTNAME, true),
        settings.getOrDefault(RedisKeys.TLS_VERSIONS, List.of()),
        settings.getOrDefault(RedisKeys.PROTOCOL, 0));
  }

  @Override
  public String toString() {
    return "DeploymentConfig[mode="
        + mode
        + ", clusterNodes="
        + clusterNodes
        + ", sentinelMaster="
        + sentinelMaster
        + ", sentinelNodes="
        + sentinelNodes
        + ", sentinelUsername="
        + sentinelUsername
        + ", sentinelPassword="
        + (sentinelPassword == null ? "none" : "***")
        + ", readFrom="
        + readFrom
        + ", replicas="
        + replicas
        + ", tls="
        + tls
        + ", tlsCaFile="
        + tlsCaFile
        + ", tlsCertFile="
        + tlsCertFile
        + ", tlsKeyFile="
        + tlsKeyFile
        + ", tlsVerifyHostname="
        + tlsVerifyHostname
        + ", tlsVersions="
        + tlsVersions
        + ", respVersion="
        + respVersion
        + "]";
  }
}
