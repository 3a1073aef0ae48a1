package dev.redline.config;

import static dev.redline.config.ConfigValueParsers.TEXT;
import static dev.redline.config.ConfigValueParsers.oneOf;
import static dev.redline.config.ConfigValueParsers.range;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The settings of the connection to Redis ({@code redis.*}): where the server or its cluster or
 * sentinels are, how to log in, and how to talk to it (TLS, RESP version). One section of {@link
 * ConfigKeys#ALL}, kept apart so that each section's keys read as one list.
 */
final class RedisKeys {

  static final ConfigKey<RedisEndpoint> URL =
      new ConfigKey<>(
          "redis.url",
          "REDIS_URL",
          "redis://[user:password@]host:port[/db] or rediss://...",
          ConfigValueParsers::url,
          true);

  static final ConfigKey<String> HOST =
      new ConfigKey<>("redis.host", "REDIS_HOST", "a host name or address", TEXT, false);

  static final ConfigKey<Integer> PORT =
      new ConfigKey<>(
          "redis.port", "REDIS_PORT", "a port from 1 to 65535", v -> range(v, 1, 65535), false);

  static final ConfigKey<String> USERNAME =
      new ConfigKey<>("redis.username", "REDIS_USERNAME", "an ACL user name", TEXT, false);

  static final ConfigKey<String> PASSWORD =
      new ConfigKey<>("redis.password", "REDIS_PASSWORD", "a password", TEXT, true);

  static final ConfigKey<Integer> DB =
      new ConfigKey<>(
          "redis.db",
          "REDIS_DB",
          "a database number, 0 or more",
          v -> range(v, 0, Integer.MAX_VALUE),
          false);

  static final ConfigKey<String> MODE =
      new ConfigKey<>(
          "redis.mode",
          "REDIS_MODE",
          "one of cluster, sentinel, standalone",
          v -> oneOf(v, ConfigKey.MODES),
          false);

  static final ConfigKey<Boolean> CLUSTER =
      new ConfigKey<>(
          "redis.cluster",
          "REDIS_CLUSTER",
          "true or false (the Python runner's REDIS_CLUSTER switch; same as mode: cluster)",
          ConfigValueParsers::bool,
          false);

  static final ConfigKey<List<String>> CLUSTER_NODES =
      new ConfigKey<>(
          "redis.cluster_nodes",
          "REDIS_CLUSTER_NODES",
          "a list of host:port seed nodes, e.g. [10.0.0.1:7000, 10.0.0.2:7001]",
          ConfigValueParsers::nodes,
          false);

  static final ConfigKey<String> SENTINEL_MASTER =
      new ConfigKey<>(
          "redis.sentinel_master",
          "REDIS_SENTINEL_MASTER",
          "the name the sentinels monitor the primary under, e.g. mymaster",
          TEXT,
          false);

  static final ConfigKey<List<String>> SENTINEL_NODES =
      new ConfigKey<>(
          "redis.sentinel_nodes",
          "REDIS_SENTINEL_NODES",
          "a list of host:port sentinels, e.g. [10.0.0.1:26379, 10.0.0.2:26379]",
          ConfigValueParsers::nodes,
          false);

  static final ConfigKey<String> SENTINEL_USERNAME =
      new ConfigKey<>(
          "redis.sentinel_username",
          "REDIS_SENTINEL_USERNAME",
          "the sentinels' ACL user name",
          TEXT,
          false);

  static final ConfigKey<String> SENTINEL_PASSWORD =
      new ConfigKey<>(
          "redis.sentinel_password",
          "REDIS_SENTINEL_PASSWORD",
          "the sentinels' password",
          TEXT,
          true);

  static final ConfigKey<String> READ_FROM =
      new ConfigKey<>(
          "redis.read_from",
          "REDIS_READ_FROM",
          "one of primary, replica, any",
          v -> oneOf(v, Set.of("primary", "replica", "any")),
          false);

  static final ConfigKey<List<String>> REPLICAS =
      new ConfigKey<>(
          "redis.replicas",
          "REDIS_REPLICAS",
          "a list of the primary's replicas as host:port, e.g. [10.0.0.2:6379, 10.0.0.3:6379]",
          ConfigValueParsers::nodes,
          false);

  static final ConfigKey<Boolean> TLS =
      new ConfigKey<>("redis.tls", "REDIS_TLS", "true or false", ConfigValueParsers::bool, false);

  static final ConfigKey<Path> TLS_CA_FILE =
      new ConfigKey<>(
          "redis.tls_ca_file",
          "REDIS_TLS_CA_FILE",
          "a readable PEM file of trusted CAs",
          ConfigValueParsers::readableFile,
          false);

  static final ConfigKey<Path> TLS_CERT_FILE =
      new ConfigKey<>(
          "redis.tls_cert_file",
          "REDIS_TLS_CERT_FILE",
          "a readable PEM client certificate",
          ConfigValueParsers::readableFile,
          false);

  static final ConfigKey<Path> TLS_KEY_FILE =
      new ConfigKey<>(
          "redis.tls_key_file",
          "REDIS_TLS_KEY_FILE",
          "a readable PEM (PKCS#8) client key",
          ConfigValueParsers::readableFile,
          false);

  static final ConfigKey<Boolean> TLS_VERIFY_HOSTNAME =
      new ConfigKey<>(
          "redis.tls_verify_hostname",
          "REDIS_TLS_VERIFY_HOSTNAME",
          "true or false",
          ConfigValueParsers::bool,
          false);

  static final ConfigKey<List<String>> TLS_VERSIONS =
      new ConfigKey<>(
          "redis.tls_versions",
          "REDIS_TLS_VERSIONS",
          "a list of TLSv1.2, TLSv1.3",
          ConfigValueParsers::tlsVersions,
          false);

  static final ConfigKey<Integer> PROTOCOL =
      new ConfigKey<>(
          "redis.protocol",
          "REDIS_PROTOCOL",
          "2 or 3 (the RESP version)",
          v -> range(v, 2, 3),
          false);

  private RedisKeys() {}

  /** The keys, in YAML order; built once, into {@link ConfigKeys#ALL}. */
  static List<ConfigKey<?>> keys() {
    return List.of(
        URL,
        HOST,
        PORT,
        USERNAME,
        PASSWORD,
        DB,
        MODE,
        CLUSTER,
        CLUSTER_NODES,
        SENTINEL_MASTER,
        SENTINEL_NODES,
        SENTINEL_USERNAME,
        SENTINEL_PASSWORD,
        READ_FROM,
        REPLICAS,
        TLS,
        TLS_CA_FILE,
        TLS_CERT_FILE,
        TLS_KEY_FILE,
        TLS_VERIFY_HOSTNAME,
        TLS_VERSIONS,
        PROTOCOL);
  }
}
