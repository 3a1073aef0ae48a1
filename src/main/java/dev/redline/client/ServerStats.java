package dev.redline.client;

import java.util.Map;
import java.util.TreeMap;
import redis.clients.jedis.Jedis;

/**
 * Reads what a Redis server says about itself: its version, its per-command call counts from {@code
 * INFO commandstats} and its error replies from {@code INFO errorstats}.
 */
public final class ServerStats {
  private ServerStats() {}

  /** The {@code redis_version} a connection's server reports, or "unknown". */
  public static String version(Jedis jedis) {
    for (String line : jedis.info("server").split("\r?\n")) {
      if (line.startsWith("redis_version:")) {
        return line.substring("redis_version:".length()).strip();
      }
    }
    return "unknown";
  }

  /**
   * Calls per command from {@code INFO commandstats}: {@code calls} plus {@code rejected_calls}
   * (Redis 7 counts a call refused before running, e.g. for a wrong argument count, only there).
   */
  public static Map<String, Long> commandCalls(Jedis jedis) {
    Map<String, Long> calls = new TreeMap<>();
    for (String line : jedis.info("commandstats").split("\r?\n")) {
      if (!line.startsWith("cmdstat_")) {
        continue;
      }
      int colon = line.indexOf(':');
      long total = 0;
      for (String field : line.substring(colon + 1).split(",")) {
        int eq = field.indexOf('=');
        String key = field.substring(0, eq);
        if (key.equals("calls") || key.equals("rejected_calls")) {
          total += Long.parseLong(field.substring(eq + 1).strip());
        }
      }
      calls.put(line.substring("cmdstat_".length(), colon), total);
    }
    return calls;
  }

  /**
   * Error replies per error code from {@code INFO errorstats} ("MOVED", "ASK", "WRONGTYPE", ...); a
   * cluster node counts each redirection it answered here.
   */
  public static Map<String, Long> errorCounts(Jedis jedis) {
    Map<String, Long> errors = new TreeMap<>();
    for (String line : jedis.info("errorstats").split("\r?\n")) {
      if (line.startsWith("errorstat_") && line.contains(":count=")) {
        int colon = line.indexOf(':');
        errors.put(
            line.substring("errorstat_".length(), colon),
            Long.parseLong(line.substring(colon + ":count=".length()).strip()));
      }
    }
    return errors;
  }

  /** The connections the server refused for its maxclients so far ({@code INFO stats}). */
  public static long rejectedConnections(Jedis jedis) {
    for (String line : jedis.info("stats").split("\r?\n")) {
      if (line.startsWith("rejected_connections:")) {
        return Long.parseLong(line.substring("rejected_connections:".length()).strip());
      }
    }
    return 0;
  }

  /**
   * When the server is a replica ({@code INFO replication} says {@code role:slave}), what that
   * means for a load, in words; null for a primary, or when it cannot tell.
   */
  public static String replicaNote(Jedis jedis) {
    String primary = null;
    String port = null;
    boolean replica = false;
    for (String line : jedis.info("replication").split("\r?\n")) {
      if (line.equals("role:slave")) {
        replica = true;
      } else if (line.startsWith("master_host:")) {
        primary = line.substring("master_host:".length()).strip();
      } else if (line.startsWith("master_port:")) {
        port = line.substring("master_port:".length()).strip();
      }
    }
    return replica
        ? "is a replica"
            + (primary == null ? "" : " of " + primary + ":" + port)
            + ": every write will fail READONLY (unless replica-read-only is off); point the run"
            + " at the primary to load writes"
        : null;
  }

  /** The server's maxclients, or "unknown" when CONFIG GET is not allowed. */
  public static String maxClients(Jedis jedis) {
    try {
      return jedis.configGet("maxclients").getOrDefault("maxclients", "unknown");
    } catch (RuntimeException notAllowed) {
      return "unknown";
    }
  }

  /**
   * When the server will not take {@code wanted} more connections (its maxclients less the clients
   * already connected), what that means, in words; null when there is room or it cannot tell.
   */
  public static String clientRoom(Jedis jedis, long wanted) {
    String max = maxClients(jedis);
    long connected = 0;
    for (String line : jedis.info("clients").split("\r?\n")) {
      if (line.startsWith("connected_clients:")) {
        connected = Long.parseLong(line.substring("connected_clients:".length()).strip());
      }
    }
    try {
      long room = Long.parseLong(max) - connected;
      return room >= wanted
          ? null
          : "takes "
              + Math.max(0, room)
              + " more clients (maxclients "
              + max
              + ", "
              + connected
              + " connected) and Redline opens up to "
              + wanted
              + " connections: the rest will be refused (max number of clients reached)";
    } catch (NumberFormatException unknown) {
      return null;
    }
  }

  /** {@code after - before} per command, leaving out commands whose count did not change. */
  public static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
    Map<String, Long> delta = new TreeMap<>();
    after.forEach(
        (name, count) -> {
          long d = count - before.getOrDefault(name, 0L);
          if (d != 0) {
            delta.put(name, d);
          }
        });
    return delta;
  }
}
