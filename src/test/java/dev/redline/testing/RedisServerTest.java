package dev.redline.testing;

import dev.redline.javaapi.RedisDsl;
import dev.redline.javaapi.RedisProtocolBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import redis.clients.jedis.Jedis;

/**
 * Base of the integration tests: one real redis-server per test class on a free port, emptied (data
 * and statistics) before each test.
 */
public abstract class RedisServerTest {
  protected static TestRedisServer server;

  @BeforeAll
  static void startServer() {
    server = TestRedisServer.start();
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @BeforeEach
  void emptyServer() {
    try (Jedis jedis = TestRedis.connect(server)) {
      jedis.flushAll();
      jedis.configResetStat();
    }
  }

  /** A protocol pointing at this class's server. */
  protected static RedisProtocolBuilder protocol() {
    return RedisDsl.redis().url(server.url());
  }

  /** A direct connection to this class's server. */
  protected static Jedis jedis() {
    return TestRedis.connect(server);
  }
}
