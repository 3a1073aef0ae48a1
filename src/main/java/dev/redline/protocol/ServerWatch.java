package dev.redline.protocol;

import dev.redline.client.ClientPool;
import dev.redline.client.JedisConfigs;
import dev.redline.client.ServerStats;
import dev.redline.command.RedisFailure;
import dev.redline.report.CommandCrossCheck;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;

/**
 * The servers a run loads — one server, the sentinels' current primary, or every primary of a
 * cluster: their versions, and their {@code INFO commandstats} and {@code INFO errorstats} at the
 * start, to compare with the end (the cross-check of what Redline sent against what the servers
 * counted, and the cluster redirections the servers answered).
 *
 * <p>Reads are ordered so that exactly one of Redline's own INFO calls per server falls between the
 * two commandstats snapshots (the start snapshot itself), which the cross-check subtracts.
 */
final class ServerWatch {
  private final Map<HostAndPort, Map<String, Long>> before = new LinkedHashMap<>();
  private final Map<HostAndPort, Map<String, Long>> errorsBefore = new LinkedHashMap<>();
  private final Map<HostAndPort, JedisClientConfig> configs = new LinkedHashMap<>();
  private final Map<HostAndPort, String> versions = new LinkedHashMap<>();
  private final List<ClientPool> pools = new ArrayList<>();
  private final List<List<HostAndPort>> primariesAtStart = new ArrayList<>();
  private String problem;

  /** Reads the versions and counts of a pool's primaries before any load (once per server). */
  synchronized void start(ClientPool pool) {
    try {
      List<HostAndPort> primaries = pool.primaries();
      pools.add(pool);
      primariesAtStart.add(primaries);
      for (HostAndPort node : primaries) {
        if (configs.containsKey(node)) {
          continue;
        }
        JedisClientConfig config = JedisConfigs.crossCheck(pool.settings());
        try (Jedis jedis = new Jedis(node, config)) {
          versions.put(node, ServerStats.version(jedis));
          errorsBefore.put(node, ServerStats.errorCounts(jedis));
          before.put(node, ServerStats.commandCalls(jedis));
        }
        configs.put(node, config);
      }
    } catch (RuntimeException e) {
      RedisFailure failure = RedisFailure.of(e);
      problem =
          "could not read INFO from "
              + pool.settings().describe()
              + ": "
              + failure.kind()
              + " "
              + failure.message();
    }
  }

  /** The versions of the servers read, one per distinct version and server. */
  synchronized List<String> versions() {
    return new ArrayList<>(new LinkedHashSet<>(versions.values()));
  }

  /** Reads every server again and compares with what Redline sent. */
  synchronized CommandCrossCheck finish(Map<String, Long> sent) {
    if (problem != null) {
      return CommandCrossCheck.unavailable(problem);
    }
    if (configs.isEmpty()) {
      return CommandCrossCheck.unavailable("no Redis server was used");
    }
    // first: after a failover the old primaries may be gone, and the counts cannot be compared
    // anyway
    String moved = primariesMoved();
    if (moved != null) {
      return CommandCrossCheck.unavailable(moved);
    }
    Map<String, Long> delta = new TreeMap<>();
    Map<String, Long> errors = new TreeMap<>();
    for (Map.Entry<HostAndPort, JedisClientConfig> e : configs.entrySet()) {
      try (Jedis jedis = new Jedis(e.getKey(), e.getValue())) {
        ServerStats.delta(before.get(e.getKey()), ServerStats.commandCalls(jedis))
            .forEach((command, n) -> delta.merge(command, n, Long::sum));
        ServerStats.delta(errorsBefore.get(e.getKey()), ServerStats.errorCounts(jedis))
            .forEach((code, n) -> errors.merge(code, n, Long::sum));
      } catch (RuntimeException ex) {
        RedisFailure failure = RedisFailure.of(ex);
        return CommandCrossCheck.unavailable(
            "could not read INFO from "
                + e.getKey()
                + " at the end: "
                + failure.kind()
                + " "
                + failure.message());
      }
    }
    Map<String, Long> redirections = new TreeMap<>();
    for (String code : new String[] {"MOVED", "ASK"}) {
      redirections.put(code, errors.getOrDefault(code, 0L));
    }
    return CommandCrossCheck.compare(sent, delta, configs.size()).withRedirections(redirections);
  }

  /** Null when every pool still writes to the primaries it started with; else what changed. */
  private String primariesMoved() {
    for (int i = 0; i < pools.size(); i++) {
      List<HostAndPort> now;
      try {
        now = pools.get(i).primaries();
      } catch (RuntimeException e) {
        return "could not list the primaries at the end: " + RedisFailure.of(e).message();
      }
      if (!Set.copyOf(now).equals(Set.copyOf(primariesAtStart.get(i)))) {
        List<HostAndPort> gone = new ArrayList<>(primariesAtStart.get(i));
        gone.removeAll(now);
        List<HostAndPort> promoted = new ArrayList<>(now);
        promoted.removeAll(primariesAtStart.get(i));
        return "a failover happened during the run: primaries at the start "
            + primariesAtStart.get(i)
            + ", at the end "
            + now
            + (gone.isEmpty() ? "" : " (" + gone + " no longer a primary")
            + (promoted.isEmpty() ? "" : (gone.isEmpty() ? " (" : ", ") + promoted + " promoted")
            + (gone.isEmpty() && promoted.isEmpty() ? "" : ")")
            + "; a failed primary's counts are gone with it, so the servers' counts cannot be compared with what Redline sent";
      }
    }
    return null;
  }
}
