package dev.redline.client;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import redis.clients.jedis.HostAndPort;

/**
 * How many reads Redline sent to each node, over every client of a protocol: each node's share of
 * the reads, and what the per-node cross-check compares with the node's own {@code INFO
 * commandstats}.
 */
public final class ReadCounts {
  private final Map<HostAndPort, LongAdder> sent = new ConcurrentHashMap<>();

  /** The counter of one node (a link looks it up once per node). */
  LongAdder of(HostAndPort node) {
    return sent.computeIfAbsent(node, n -> new LongAdder());
  }

  /** Reads sent so far, per node. */
  public Map<HostAndPort, Long> snapshot() {
    Map<HostAndPort, Long> copy = new LinkedHashMap<>();
    sent.forEach((node, n) -> copy.put(node, n.sum()));
    return copy;
  }
}
