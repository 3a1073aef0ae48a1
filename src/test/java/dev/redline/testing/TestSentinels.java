package dev.redline.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

/**
 * A real sentinel deployment on free ports: one primary, one replica, three sentinels monitoring
 * the primary as {@value #MASTER} (quorum 2). The data nodes require {@link #DATA_PASSWORD}, the
 * sentinels {@link #SENTINEL_PASSWORD}, as a production deployment would. Ready when every sentinel
 * knows the replica and the other sentinels, so that a failover can be forced at once.
 */
public final class TestSentinels implements AutoCloseable {
  /** The name the sentinels monitor the primary under. */
  public static final String MASTER = "mymaster";

  /** The data nodes' password (requirepass, masterauth). */
  public static final String DATA_PASSWORD = "data-secret";

  /** The sentinels' own password. */
  public static final String SENTINEL_PASSWORD = "sentinel-secret";

  private final List<TestRedisServer> servers = new ArrayList<>();
  private final List<TestRedisServer> sentinels = new ArrayList<>();

  public TestSentinels() {
    try {
      TestRedisServer primary =
          TestRedisServer.start("--requirepass", DATA_PASSWORD, "--masterauth", DATA_PASSWORD);
      servers.add(primary);
      servers.add(
          TestRedisServer.start(
              "--replicaof",
              "127.0.0.1",
              Integer.toString(primary.port()),
              "--requirepass",
              DATA_PASSWORD,
              "--masterauth",
              DATA_PASSWORD));
      for (int i = 0; i < 3; i++) {
        sentinels.add(
            TestRedisServer.startSentinel(
                List.of(
                    "sentinel monitor " + MASTER + " 127.0.0.1 " + primary.port() + " 2",
                    "sentinel down-after-milliseconds " + MASTER + " 2000",
                    "sentinel failover-timeout " + MASTER + " 10000",
                    "sentinel parallel-syncs " + MASTER + " 1",
                    "sentinel auth-pass " + MASTER + " " + DATA_PASSWORD,
                    "requirepass " + SENTINEL_PASSWORD,
                    "sentinel sentinel-pass " + SENTINEL_PASSWORD)));
      }
      Await.until(
          "the sentinels seeing the replica and each other",
          java.time.Duration.ofSeconds(30),
          this::ready);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  private boolean ready() {
    for (TestRedisServer sentinel : sentinels) {
      try (Jedis jedis = sentinel(sentinel)) {
        List<Map<String, String>> replicas = jedis.sentinelReplicas(MASTER);
        Map<String, String> master = jedis.sentinelMaster(MASTER);
        if (replicas.size() != 1
            || !replicas.get(0).get("flags").equals("slave")
            || !"ok".equals(replicas.get(0).get("master-link-status"))
            || Integer.parseInt(master.get("num-other-sentinels")) != sentinels.size() - 1) {
          return false;
        }
      }
    }
    return true;
  }

  /** The sentinels' addresses, host:port. */
  public String[] sentinelAddresses() {
    return sentinels.stream().map(s -> "127.0.0.1:" + s.port()).toArray(String[]::new);
  }

  /** The primary the sentinels name now. */
  public HostAndPort currentPrimary() {
    try (Jedis jedis = sentinel(sentinels.get(0))) {
      return jedis.sentinelGetMasterAddrByName(MASTER).stream()
          .reduce((host, port) -> host + ":" + port)
          .map(HostAndPort::from)
          .orElseThrow();
    }
  }

  /** A protocol that loads this deployment's primary, logged in to the sentinels and the data. */
  public dev.redline.javaapi.RedisProtocolBuilder protocol() {
    return dev.redline.javaapi.RedisDsl.redis()
        .sentinel(MASTER, sentinelAddresses())
        .sentinelCredentials(null, SENTINEL_PASSWORD)
        .password(DATA_PASSWORD);
  }

  /** The replica the deployment started with. */
  public HostAndPort firstReplica() {
    return new HostAndPort("127.0.0.1", servers.get(1).port());
  }

  /** The port of the primary the deployment started with. */
  public int firstPrimaryPort() {
    return servers.get(0).port();
  }

  /** Asks a sentinel to fail over now (SENTINEL FAILOVER), as an upgrade rehearsal would. */
  public void failover() {
    try (Jedis jedis = sentinel(sentinels.get(0))) {
      jedis.sentinelFailover(MASTER);
    }
  }

  /** A connection to a data node, logged in. */
  public static Jedis dataNode(HostAndPort node) {
    Jedis jedis = new Jedis(node);
    jedis.auth(DATA_PASSWORD);
    return jedis;
  }

  private static Jedis sentinel(TestRedisServer sentinel) {
    Jedis jedis = TestRedis.connect(sentinel);
    jedis.auth(SENTINEL_PASSWORD);
    return jedis;
  }

  @Override
  public void close() {
    sentinels.forEach(TestRedisServer::close);
    servers.forEach(TestRedisServer::close);
  }
}
