package dev.redline.testing;

import dev.redline.client.RedisServerProcess;
import java.util.HashMap;
import java.util.Map;
import redis.clients.jedis.Jedis;

/** Helpers for tests that talk to a real redis-server directly (never a mock). */
public final class TestRedis {
  private TestRedis() {}

  /** A plain connection to the server, for looking at what a run did. */
  public static Jedis connect(RedisServerProcess server) {
    return new Jedis("127.0.0.1", server.port(), 5_000);
  }

  /**
   * The server's calls per command from {@code INFO commandstats}: calls plus rejected_calls
   * (a rejected call was sent but refused before running), keyed "set", "client|list", ...
   */
  public static Map<String, Long> commandCalls(Jedis jedis) {
    Map<String, Long> calls = new HashMap<>();
    for (String line : jedis.info("commandstats").split("\r?\n")) {
      if (!line.startsWith("cmdstat_")) {
        continue;
      }
      String name = line.substring("cmdstat_".length(), line.indexOf(':'));
      long total = 0;
      for (String field : line.substring(line.indexOf(':') + 1).split(",")) {
        String[] kv = field.split("=");
        if (kv[0].equals("calls") || kv[0].equals("rejected_calls")) {
          total += Long.parseLong(kv[1]);
        }
      }
      calls.put(name, total);
    }
    return calls;
  }

  /** {@code after - before} per command, leaving out commands that did not change. */
  public static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
    Map<String, Long> delta = new HashMap<>();
    after.forEach((name, count) -> {
      long d = count - before.getOrDefault(name, 0L);
      if (d != 0) {
        delta.put(name, d);
      }
    });
    return delta;
  }
}
