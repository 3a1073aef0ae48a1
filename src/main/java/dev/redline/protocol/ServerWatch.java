package dev.redline.protocol;

import dev.redline.client.JedisConfigs;
import dev.redline.client.ProtocolClients;
import dev.redline.client.ServerStats;
import dev.redline.client.ServerTime;
import dev.redline.command.RedisFailure;
import dev.redline.limits.ServerWindow;
import dev.redline.measure.LatencyRecorder;
import dev.redline.report.CommandCrossCheck;
import dev.redline.report.ReadSpread;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
  private final List<ProtocolClients> pools = new ArrayList<>();
  private final List<List<HostAndPort>> primariesAtStart = new ArrayList<>();
  private String problem;
  private final Map<String, String> unread = new TreeMap<>();
  private final Map<HostAndPort, ServerTime> timesAtStart = new LinkedHashMap<>();
  private final Map<HostAndPort, Long> rejectedBefore = new LinkedHashMap<>();
  private final ReplicationLagSampler lag = new ReplicationLagSampler();
  private ReadSpread readSpread;

  /**
   * One connection per server, opened at the start and kept to the end: a server that has its
   * maxclients by then still answers the final reads (a new connection would be refused).
   */
  private final Map<HostAndPort, Jedis> kept = new LinkedHashMap<>();

  /** Time spent in this watch's own reads of the servers, none of it on a request's path. */
  private long readNanos;

  /**
   * Reads the versions and counts of a pool's primaries before any load (once per server); where
   * its reads go to replicas, their counts too, and their lag from now on, each INFO counted in
   * {@code sent}.
   */
  synchronized void start(ProtocolClients pool, LatencyRecorder sent) {
    long started = System.nanoTime();
    try {
      List<HostAndPort> primaries = pool.primaries();
      pools.add(pool);
      primariesAtStart.add(primaries);
      for (HostAndPort node : primaries) {
        if (configs.containsKey(node)) {
          continue;
        }
        JedisClientConfig config = JedisConfigs.crossCheck(pool.settings());
        Jedis jedis = new Jedis(node, config);
        kept.put(node, jedis);
        versions.put(node, ServerStats.version(jedis));
        errorsBefore.put(node, ServerStats.errorCounts(jedis));
        rejectedBefore.put(node, ServerStats.rejectedConnections(jedis));
        String room =
            ServerStats.clientRoom(
                jedis,
                (long) pool.settings().clientInstances() * pool.settings().connectionsPerClient());
        if (room != null) {
          System.out.println("Redline: " + node + " " + room);
        }
        String replica = ServerStats.replicaNote(jedis);
        if (replica != null) {
          System.out.println("Redline: " + node + " " + replica);
        }
        // last: the reads above are not among the commands the cross-check compares
        before.put(node, ServerStats.commandCalls(jedis));
        configs.put(node, config);
      }
      ReadNodeWatch reads = ReadNodeWatch.start(pool, primaries);
      if (reads != null) {
        lag.add(reads, sent);
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
    } finally {
      readNanos += System.nanoTime() - started;
    }
  }

  /**
   * Reads every server's own time (commandstats, latency histograms, CPU) as measuring starts: at
   * the start of the load, or when its warm-up is over. A server that cannot be read is left out.
   */
  synchronized void measuringStarted(LatencyRecorder sent) {
    timesAtStart.clear();
    unread.clear();
    for (Map.Entry<HostAndPort, JedisClientConfig> e : configs.entrySet()) {
      try {
        ServerTime time = read(e.getKey(), ServerTime::read);
        timesAtStart.put(e.getKey(), time);
        // the cross-check counts what Redline itself sent: INFO commandstats and cpu, LATENCY
        sent.sent("info");
        sent.sent("info");
        sent.sent(time.histogramsAvailable() ? "latency|histogram" : "latency");
      } catch (RuntimeException unreadable) {
        unread.put(e.getKey().toString(), "at the start: " + said(unreadable));
      }
    }
  }

  /** Where the reads went, when they went to replicas (known once {@link #finish} ran). */
  synchronized Optional<ReadSpread> readSpread() {
    return Optional.ofNullable(readSpread);
  }

  /** What each server read at the start spent since then (read now, as the load has ended). */
  synchronized List<ServerWindow> windows() {
    List<ServerWindow> windows = new ArrayList<>();
    for (Map.Entry<HostAndPort, ServerTime> e : timesAtStart.entrySet()) {
      try {
        windows.add(
            new ServerWindow(
                e.getKey().toString(), e.getValue(), read(e.getKey(), ServerTime::read)));
      } catch (RuntimeException gone) {
        // a primary that failed over is gone with its figures
        unread.put(e.getKey().toString(), "at the end: " + said(gone));
      }
    }
    return windows;
  }

  /** The servers whose own figures could not be read, with why (node to reason). */
  synchronized Map<String, String> unread() {
    return new TreeMap<>(unread);
  }

  private static String said(RuntimeException failure) {
    RedisFailure f = RedisFailure.of(failure);
    return f.kind() + " " + f.message();
  }

  /**
   * The connections the servers refused during the run because they had their maxclients, said in
   * one line; null when none did.
   */
  synchronized String refusedConnections() {
    long refused = 0;
    List<String> where = new ArrayList<>();
    for (Map.Entry<HostAndPort, Long> e : rejectedBefore.entrySet()) {
      try {
        long n = read(e.getKey(), ServerStats::rejectedConnections) - e.getValue();
        if (n > 0) {
          refused += n;
          where.add(e.getKey() + " (maxclients " + read(e.getKey(), ServerStats::maxClients) + ")");
        }
      } catch (RuntimeException gone) {
        // a server that cannot be read says nothing here
      }
    }
    return refused == 0
        ? null
        : "the server refused "
            + refused
            + " new connections during the run: max number of clients reached at "
            + String.join(", ", where)
            + "; the requests that needed them are KO CONNECTION or MAXCLIENTS";
  }

  /** Whether every server read runs on this machine (a loopback address). */
  synchronized boolean onThisMachine() {
    return !configs.isEmpty()
        && configs.keySet().stream().allMatch(node -> isLoopback(node.getHost()));
  }

  private static boolean isLoopback(String host) {
    try {
      return java.net.InetAddress.getByName(host).isLoopbackAddress();
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }

  /** The versions of the servers read, one per distinct version and server. */
  synchronized List<String> versions() {
    return new ArrayList<>(new LinkedHashSet<>(versions.values()));
  }

  /** Reads every server again and compares with what Redline sent. */
  synchronized CommandCrossCheck finish(LatencyRecorder recorder) {
    lag.stop(); // first: no INFO of the lag thread between Redline's count and the servers'
    Map<String, Long> sent = recorder.sentCommands();
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
    Map<HostAndPort, Map<String, Long>> perNode = new LinkedHashMap<>();
    for (Map.Entry<HostAndPort, JedisClientConfig> e : configs.entrySet()) {
      try {
        Map<String, Long> node =
            ServerStats.delta(before.get(e.getKey()), read(e.getKey(), ServerStats::commandCalls));
        perNode.put(e.getKey(), node);
        node.forEach((command, n) -> delta.merge(command, n, Long::sum));
        ServerStats.delta(errorsBefore.get(e.getKey()), read(e.getKey(), ServerStats::errorCounts))
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
    Set<HostAndPort> merged = new HashSet<>();
    for (ReadNodeWatch reads : lag.watches()) {
      // one protocol's reads: the last one reported; a replica's counts merged once
      readSpread = reads.finish(perNode, delta, merged);
      if (reads.unreadable() != null) {
        return CommandCrossCheck.unavailable(
            reads.unreadable() + ": the reads it served cannot be counted");
      }
    }
    return CommandCrossCheck.compare(sent, delta, configs.size()).withErrorReplies(errors);
  }

  /**
   * Reads a server on the connection kept since the start; when that one broke (a restart, a
   * failover), on a new one.
   */
  private <T> T read(HostAndPort node, java.util.function.Function<Jedis, T> reading) {
    long started = System.nanoTime();
    try {
      return readOn(node, reading);
    } finally {
      readNanos += System.nanoTime() - started;
    }
  }

  /**
   * Milliseconds spent reading the servers so far: at the start and the end of the run, and the
   * replicas' lag once a second where reads go to replicas.
   */
  synchronized double readMillis() {
    return (readNanos + lag.readNanos()) / 1e6;
  }

  private <T> T readOn(HostAndPort node, java.util.function.Function<Jedis, T> reading) {
    Jedis connection = kept.get(node);
    if (connection != null) {
      try {
        return reading.apply(connection);
      } catch (redis.clients.jedis.exceptions.JedisConnectionException broken) {
        kept.remove(node).close();
      }
    }
    try (Jedis fresh = new Jedis(node, configs.get(node))) {
      return reading.apply(fresh);
    }
  }

  /** Closes the connections kept for the final reads. */
  synchronized void close() {
    lag.stop();
    lag.watches().forEach(ReadNodeWatch::close);
    kept.values().forEach(Jedis::close);
    kept.clear();
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
