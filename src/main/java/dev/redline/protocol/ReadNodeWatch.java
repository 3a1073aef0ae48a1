package dev.redline.protocol;

import dev.redline.client.JedisConfigs;
import dev.redline.client.ProtocolClients;
import dev.redline.client.ReadCommands;
import dev.redline.client.ReplicationInfo;
import dev.redline.client.ServerStats;
import dev.redline.command.RedisFailure;
import dev.redline.measure.LatencyRecorder;
import dev.redline.report.ReadSpread;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;

/**
 * The replicas a protocol reads from (read_from replica or any): their {@code INFO commandstats} at
 * the start and the end, for the per-node cross-check, and their replication lag, read once a
 * second from their primaries' {@code INFO replication}. Each INFO sent to a primary is counted as
 * sent, so the primaries' cross-check stays exact.
 */
final class ReadNodeWatch {
  private final ProtocolClients pool;
  private final ReadCommands commands;
  private final List<HostAndPort> primaries;
  private final List<HostAndPort> replicas;
  private final JedisClientConfig config;
  private final Map<HostAndPort, Jedis> kept = new LinkedHashMap<>();
  private final Map<HostAndPort, Map<String, Long>> before = new LinkedHashMap<>();
  private final Map<HostAndPort, long[]> lag = new LinkedHashMap<>(); // bytes behind, seconds
  private String unreadable;
  private final Map<HostAndPort, HostAndPort> announcedAs = new HashMap<>(); // replica → as listed
  private final Map<HostAndPort, HostAndPort> listedBy = new HashMap<>(); // replica → its primary

  private ReadNodeWatch(ProtocolClients pool, List<HostAndPort> primaries) {
    this.pool = pool;
    this.commands = pool.readCommands();
    this.primaries = List.copyOf(primaries);
    this.replicas = pool.readReplicas();
    this.config = JedisConfigs.crossCheck(pool.settings());
  }

  /**
   * Reads the replicas' counts before the load; null when the protocol's reads go to the primaries.
   */
  static ReadNodeWatch start(ProtocolClients pool, List<HostAndPort> primaries) {
    if (pool.readCommands() == null) {
      return null;
    }
    ReadNodeWatch watch = new ReadNodeWatch(pool, primaries);
    try {
      // the primaries' connections opened now, as the cross-check's: a server at its maxclients
      // later refuses new ones
      watch.primaries.forEach(watch::connection);
      for (HostAndPort replica : watch.replicas) {
        watch.before.put(replica, ServerStats.commandCalls(watch.connection(replica)));
        watch.lag.put(replica, new long[] {-1, -1});
      }
    } catch (RuntimeException e) {
      watch.close();
      throw e;
    }
    return watch;
  }

  /**
   * Reads each primary's replication once (a second's sample of the replicas' lag); each INFO the
   * primary answered is counted in {@code sent}.
   */
  void sample(LatencyRecorder sent) {
    Map<HostAndPort, ReplicationInfo> read = readPrimaries();
    read.keySet().forEach(primary -> sent.sent("info"));
    recordLag(read);
  }

  /** The primaries' INFO replication now; a primary that cannot be read this time is left out. */
  private Map<HostAndPort, ReplicationInfo> readPrimaries() {
    Map<HostAndPort, ReplicationInfo> read = new LinkedHashMap<>();
    for (HostAndPort primary : primaries) {
      try {
        read.put(primary, ReplicationInfo.parse(connection(primary).info("replication")));
      } catch (RuntimeException unreadable) {
        dropConnection(primary);
      }
    }
    return read;
  }

  /**
   * Each replica's lag now, kept where it is the largest seen: as its primary lists it (under the
   * address it announced, which may be another name for the one Redline reads it at), else from the
   * replica's own INFO replication against its primary's offset (then bytes only).
   */
  private void recordLag(Map<HostAndPort, ReplicationInfo> primaryInfo) {
    for (HostAndPort replica : replicas) {
      long[] seen = lag.get(replica);
      ReplicationInfo.Replica listed = listed(replica, primaryInfo);
      if (listed != null) {
        if (listed.online()) {
          HostAndPort primary = listedBy.get(replica);
          seen[0] =
              Math.max(seen[0], Math.max(0, primaryInfo.get(primary).offset() - listed.offset()));
          seen[1] = Math.max(seen[1], listed.lagSeconds());
        }
        continue;
      }
      try {
        ReplicationInfo own = ReplicationInfo.parse(connection(replica).info("replication"));
        for (Map.Entry<HostAndPort, ReplicationInfo> p : primaryInfo.entrySet()) {
          if (own.primaryOf() != null
              && ReplicationInfo.sameServer(own.primaryOf(), p.getKey())
              && own.lastIoSeconds() >= 0) { // connected to it
            // bytes only: its seconds since the primary's last word measure the primary's pings
            seen[0] = Math.max(seen[0], Math.max(0, p.getValue().offset() - own.offset()));
          }
        }
      } catch (RuntimeException unreadable) {
        dropConnection(replica);
      }
    }
  }

  /** The replica as a primary lists it, or null (the match is found once, then kept). */
  private ReplicationInfo.Replica listed(
      HostAndPort replica, Map<HostAndPort, ReplicationInfo> primaryInfo) {
    HostAndPort announced = announcedAs.get(replica);
    for (Map.Entry<HostAndPort, ReplicationInfo> p : primaryInfo.entrySet()) {
      for (ReplicationInfo.Replica entry : p.getValue().replicas()) {
        boolean match =
            announced != null
                ? entry.node().equals(announced)
                : ReplicationInfo.sameServer(entry.node(), replica);
        if (match) {
          announcedAs.put(replica, entry.node());
          listedBy.put(replica, p.getKey());
          return entry;
        }
      }
    }
    return null;
  }

  /**
   * The spread of the reads, given the primaries' commandstats deltas; adds to {@code delta} the
   * reads the replicas counted (their replicated writes are the primaries' and stay out).
   */
  ReadSpread finish(
      Map<HostAndPort, Map<String, Long>> primaryDeltas,
      Map<String, Long> delta,
      Set<HostAndPort> merged) {
    // a last sample, after the primaries' final counts were read (so it is not among them): a run
    // shorter than a second has one too
    recordLag(readPrimaries());
    Map<HostAndPort, Long> sent = pool.readCounts().snapshot();
    List<ReadSpread.Node> nodes = new ArrayList<>();
    for (HostAndPort primary : primaries) {
      Map<String, Long> counts = primaryDeltas.getOrDefault(primary, Map.of());
      nodes.add(
          new ReadSpread.Node(
              primary.toString(),
              "primary",
              sent.getOrDefault(primary, 0L),
              reads(counts),
              -1,
              -1));
    }
    for (HostAndPort replica : replicas) {
      long[] seen = lag.get(replica);
      long counted;
      try {
        Map<String, Long> counts =
            ServerStats.delta(before.get(replica), ServerStats.commandCalls(connection(replica)));
        if (merged.add(replica)) { // another protocol reading it added it already
          counts.forEach(
              (command, n) -> {
                if (commands.isRead(command)) {
                  delta.merge(command, n, Long::sum);
                }
              });
        }
        counted = reads(counts);
      } catch (RuntimeException gone) {
        dropConnection(replica);
        counted = ReadSpread.UNREAD;
        if (unreadable == null) {
          unreadable =
              "the replica " + replica + " could not be read at the end (" + said(gone) + ")";
        }
      }
      nodes.add(
          new ReadSpread.Node(
              replica.toString(),
              "replica",
              sent.getOrDefault(replica, 0L),
              counted,
              seen[0],
              seen[1]));
    }
    for (Map.Entry<HostAndPort, Long> other : sent.entrySet()) {
      HostAndPort node = other.getKey();
      if (!primaries.contains(node) && !replicas.contains(node)) {
        nodes.add(
            new ReadSpread.Node(
                node.toString(), "replica", other.getValue(), ReadSpread.UNREAD, -1, -1));
        if (unreadable == null) {
          unreadable =
              "the node "
                  + node
                  + " took reads but was no replica at the start (a replica added, or a failover)";
        }
      }
    }
    return new ReadSpread(pool.settings().reads().readFrom().setting(), nodes);
  }

  /**
   * Why the reads cannot all be counted (a replica that could not be read at the end), or null;
   * known once {@link #finish} ran.
   */
  String unreadable() {
    return unreadable;
  }

  private static String said(RuntimeException failure) {
    RedisFailure f = RedisFailure.of(failure);
    return f.kind() + " " + f.message();
  }

  /** Closes the kept connections. */
  void close() {
    kept.values().forEach(Jedis::close);
    kept.clear();
  }

  private long reads(Map<String, Long> counts) {
    long reads = 0;
    for (Map.Entry<String, Long> e : counts.entrySet()) {
      if (commands.isRead(e.getKey())) {
        reads += e.getValue();
      }
    }
    return reads;
  }

  private Jedis connection(HostAndPort node) {
    return kept.computeIfAbsent(node, n -> new Jedis(n, config));
  }

  private void dropConnection(HostAndPort node) {
    Jedis broken = kept.remove(node);
    if (broken != null) {
      broken.close();
    }
  }
}
