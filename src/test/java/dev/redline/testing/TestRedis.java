package dev.redline.testing;

import dev.redline.client.ServerStats;
import java.util.Map;
import redis.clients.jedis.Jedis;

/** Helpers for tests that talk to a real redis-server directly (never a mock). */
public final class TestRedis {
  private TestRedis() {}

  /** A plain connection to the server, for looking at what a run did. */
  public static Jedis connect(TestRedisServer server) {
    return new Jedis("127.0.0.1", server.port(), 5_000);
  }

  /** The server's calls per command (see {@link ServerStats#commandCalls(Jedis)}). */
  public static Map<String, Long> commandCalls(Jedis jedis) {
    return ServerStats.commandCalls(jedis);
  }

  /** {@code after - before} per command. */
  public static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
    return ServerStats.delta(before, after);
  }
}
