package dev.redline.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

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
    boolean tls,
    Path tlsCaFile,
    Path tlsCertFile,
    Path tlsKeyFile,
    boolean tlsVerifyHostname,
    List<String> tlsVersions,
    int respVersion) {

  @SuppressWarnings("unchecked")
  static DeploymentConfig from(Map<String, Object> typed, Map<String, String> origins) {
    String mode = (String) typed.get("redis.mode");
    boolean clusterSwitch = (Boolean) typed.getOrDefault("redis.cluster", false);
    if (mode == null) {
      mode =
          clusterSwitch
              ? "cluster"
              : typed.containsKey("redis.sentinel_master") ? "sentinel" : "standalone";
    } else if (clusterSwitch && !mode.equals("cluster")) {
      throw new ConfigError(
          "redis.cluster = true ("
              + origins.get("redis.cluster")
              + ") contradicts redis.mode = "
              + mode
              + " ("
              + origins.get("redis.mode")
              + "); set only one of them");
    }
    List<String> clusterNodes = (List<String>) typed.getOrDefault("redis.cluster_nodes", List.of());
    List<String> sentinelNodes =
        (List<String>) typed.getOrDefault("redis.sentinel_nodes", List.of());
    String master = (String) typed.get("redis.sentinel_master");
    if (mode.equals("sentinel") && (master == null || sentinelNodes.isEmpty())) {
      throw new ConfigError(
          "redis.mode = sentinel needs redis.sentinel_master (REDIS_SENTINEL_MASTER) and redis.sentinel_nodes"
              + " (REDIS_SENTINEL_NODES), e.g. sentinel_master: mymaster, sentinel_nodes: [10.0.0.1:26379]");
    }
    if (!mode.equals("cluster") && !clusterNodes.isEmpty()) {
      throw new ConfigError(
          "redis.cluster_nodes ("
              + origins.get("redis.cluster_nodes")
              + ") is set but redis.mode is "
              + mode
              + "; set mode: cluster (or REDIS_CLUSTER=true)");
    }
    if ((typed.get("redis.tls_cert_file") == null) != (typed.get("redis.tls_key_file") == null)) {
      throw new ConfigError(
          "mutual TLS needs both redis.tls_cert_file and redis.tls_key_file; only "
              + (typed.get("redis.tls_cert_file") == null
                  ? "redis.tls_key_file (" + origins.get("redis.tls_key_file") + ")"
                  : "redis.tls_cert_file (" + origins.get("redis.tls_cert_file") + ")")
              + " is set");
    }
    return new DeploymentConfig(
        mode,
        clusterNodes,
        master,
        sentinelNodes,
        (String) typed.get("redis.sentinel_username"),
        (String) typed.get("redis.sentinel_password"),
        (Boolean) typed.getOrDefault("redis.tls", false),
        (Path) typed.get("redis.tls_ca_file"),
        (Path) typed.get("redis.tls_cert_file"),
        (Path) typed.get("redis.tls_key_file"),
        (Boolean) typed.getOrDefault("redis.tls_verify_hostname", true),
        (List<String>) typed.getOrDefault("redis.tls_versions", List.of()),
        (Integer) typed.getOrDefault("redis.protocol", 0));
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
