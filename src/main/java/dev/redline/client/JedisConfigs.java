package dev.redline.client;

import dev.redline.config.RedisEndpoint;
import redis.clients.jedis.ClientSetInfoConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisProtocol;

/** The one place client settings become Jedis connection settings. */
public final class JedisConfigs {
  private JedisConfigs() {}

  /**
   * The Jedis settings of client {@code index}'s data connections: timeouts, credentials, database,
   * name, TLS, RESP.
   */
  public static JedisClientConfig dataNodes(ClientSettings settings, int index) {
    return dataNodes(settings, Integer.toString(index));
  }

  /**
   * The same for the connections that read INFO for the cross-check before and after the run, named
   * {@code <clientName>-cross-check} in CLIENT LIST (they are not the pool's).
   */
  public static JedisClientConfig crossCheck(ClientSettings settings) {
    return dataNodes(settings, "cross-check");
  }

  /**
   * The same for client {@code index}'s subscribers, named {@code <clientName>-<index>-subscriber}
   * (outside the pool).
   */
  public static JedisClientConfig subscribers(ClientSettings settings, int index) {
    return dataNodes(settings, index + "-subscriber");
  }

  private static JedisClientConfig dataNodes(ClientSettings settings, String nameSuffix) {
    RedisEndpoint endpoint = settings.endpoint();
    DefaultJedisClientConfig.Builder builder = common(settings).database(endpoint.database());
    if (endpoint.username() != null) {
      builder.user(endpoint.username());
    }
    if (endpoint.password() != null) {
      builder.password(endpoint.password());
    }
    if (settings.clientName() != null && !settings.clientName().isBlank()) {
      builder.clientName(settings.clientName() + "-" + nameSuffix);
    }
    if (settings.respVersion() != 0) {
      builder.protocol(settings.respVersion() == 3 ? RedisProtocol.RESP3 : RedisProtocol.RESP2);
    }
    if (settings.deployment() instanceof Deployment.Cluster && settings.reads().routesReads()) {
      // READONLY on every new connection: a cluster replica then serves its primary's slots' reads
      builder.readOnlyForRedisClusterReplicas();
    }
    return builder.build();
  }

  /**
   * The Jedis settings of connections to sentinels: their own credentials, the same timeouts and
   * TLS.
   */
  public static JedisClientConfig sentinels(ClientSettings settings, Deployment.Sentinel sentinel) {
    DefaultJedisClientConfig.Builder builder = common(settings);
    if (sentinel.sentinelUsername() != null) {
      builder.user(sentinel.sentinelUsername());
    }
    if (sentinel.sentinelPassword() != null) {
      builder.password(sentinel.sentinelPassword());
    }
    return builder.build();
  }

  private static DefaultJedisClientConfig.Builder common(ClientSettings settings) {
    DefaultJedisClientConfig.Builder builder =
        DefaultJedisClientConfig.builder()
            .connectionTimeoutMillis((int) settings.connectTimeout().toMillis())
            .socketTimeoutMillis((int) settings.socketTimeout().toMillis())
            .autoNegotiateProtocol(false)
            // no CLIENT SETINFO on connect: the server's commandstats then count only what Redline
            // sent
            .clientSetInfoConfig(ClientSetInfoConfig.DISABLED);
    if (settings.usesTls()) {
      builder.sslOptions(PemTls.sslOptions(settings.tls()));
    }
    return builder;
  }
}
