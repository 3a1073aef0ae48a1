package dev.redline.client;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * Which cluster nodes are in an outage, for one client instance. In a cluster an outage belongs to
 * a node, not to the client: while a node is down its slots' requests fail at once (KO CONNECTION,
 * no network, no slot-map refresh per request), except one probe now and then (backoff doubling
 * from {@code min} to {@code max}, jittered), while the other nodes' requests go on at full rate. A
 * probe that fails refreshes the slot map through Jedis, so once a replica has taken over, the
 * slots route to it and their requests flow again.
 */
final class NodeOutages {
  private final long minNanos;
  private final long maxNanos;
  private final Map<HostAndPort, Outage> down = new ConcurrentHashMap<>();

  NodeOutages(long minNanos, long maxNanos) {
    this.minNanos = minNanos;
    this.maxNanos = maxNanos;
  }

  private static final class Outage {
    int failures;
    volatile long nextTryNanos;
  }

  /**
   * Fails at once when {@code node} is down and its next probe is not due yet; lets a request (the
   * probe) through otherwise.
   */
  void checkUp(HostAndPort node) {
    Outage outage = down.get(node);
    if (outage == null) {
      return;
    }
    long now = System.nanoTime();
    synchronized (outage) {
      if (now - outage.nextTryNanos < 0) {
        // one message per node: Gatling's error table groups KOs by their message
        throw new JedisConnectionException(
            "cluster node "
                + node
                + " is down; its slots fail fast until a probe succeeds or a replica takes over");
      }
      outage.nextTryNanos = now + backoff(outage.failures); // one probe per backoff period
    }
  }

  /** A request to {@code node} failed on the connection. */
  void failed(HostAndPort node) {
    Outage outage = down.computeIfAbsent(node, n -> new Outage());
    synchronized (outage) {
      outage.failures++;
      outage.nextTryNanos = System.nanoTime() + backoff(outage.failures);
    }
  }

  /** A request to {@code node} got an answer: the node is up. */
  void answered(HostAndPort node) {
    if (!down.isEmpty()) {
      down.remove(node);
    }
  }

  private long backoff(int failures) {
    long delay = minNanos << Math.min(20, Math.max(0, failures - 1));
    delay = delay < 0 ? maxNanos : Math.min(maxNanos, delay);
    return (long) (delay * (0.5 + ThreadLocalRandom.current().nextDouble() * 0.5));
  }
}
