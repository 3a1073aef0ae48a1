package dev.redline.client;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Whether one client can currently talk to Redis, and how often and for how long it could not: a
 * reconnection is measured from the client's first connection-level failure (CONNECTION, TIMEOUT,
 * POOL_TIMEOUT, LOADING) to its next successful request.
 */
public final class ConnectionHealth {
  private static final Set<String> CONNECTION_KINDS =
      Set.of("CONNECTION", "MAXCLIENTS", "TIMEOUT", "POOL_TIMEOUT", "LOADING");

  private final AtomicLong downSinceNanos = new AtomicLong();
  private final LongAdder reconnections = new LongAdder();
  private final LongAdder downNanos = new LongAdder();
  private final AtomicLong longestOutageNanos = new AtomicLong();
  private final java.util.concurrent.atomic.AtomicInteger consecutiveFailures =
      new java.util.concurrent.atomic.AtomicInteger();
  private volatile long lastRecoveryEpochMillis;
  private volatile long lastRecoveryNanos = System.nanoTime();

  /**
   * Notes a failed request: a connection-level failure marks the client down if it was up; an error
   * reply or a failed check means Redis answered, which ends an outage; an argument that could not
   * be resolved (EL) or a client-side failure (CLIENT) says nothing about the server.
   */
  public void failed(String kind) {
    failed(kind, System.nanoTime());
  }

  /**
   * The same for a request that started at {@code startedNanos}: the outage starts then, at the
   * first request that did not come back; a request that was already under way when the client
   * recovered (a connect attempt that began while the server was still down) does not open a new
   * outage.
   */
  public void failed(String kind, long startedNanos) {
    if (CONNECTION_KINDS.contains(kind)) {
      if (startedNanos - lastRecoveryNanos < 0) {
        return;
      }
      // the outage runs from the first request that did not come back: a TIMEOUT is noticed a
      // socket timeout after its request started; | 1: never 0, which means "up"
      long started = startedNanos | 1;
      long since;
      do {
        since = downSinceNanos.get();
      } while ((since == 0 || started - since < 0)
          && !downSinceNanos.compareAndSet(since, started));
      consecutiveFailures.incrementAndGet();
      return;
    }
    if (!"EL".equals(kind) && !"CLIENT".equals(kind)) {
      succeeded(); // an error reply or a failed check: Redis answered
    }
  }

  /** Notes a request that reached Redis; closes an outage if the client was down. */
  public void succeeded() {
    long since;
    // a loop: a failure may move the outage's start earlier between the read and the swap
    while ((since = downSinceNanos.get()) != 0) {
      long now = System.nanoTime();
      lastRecoveryNanos = now; // first: a request that started before now opens no new outage
      if (downSinceNanos.compareAndSet(since, 0)) {
        consecutiveFailures.set(0);
        lastRecoveryEpochMillis = System.currentTimeMillis();
        reconnections.increment();
        downNanos.add(now - since);
        longestOutageNanos.accumulateAndGet(now - since, Math::max);
        return;
      }
    }
  }

  /** The longest single outage so far, the one still open at {@code nowNanos} included. */
  public long longestOutageNanos(long nowNanos) {
    long since = downSinceNanos.get();
    return Math.max(longestOutageNanos.get(), since == 0 ? 0 : nowNanos - since);
  }

  /** When this client last came back from an outage (epoch ms), 0 if never. */
  public long lastRecoveryEpochMillis() {
    return lastRecoveryEpochMillis;
  }

  /** True for the kinds that mean the connection, not the command, failed. */
  public static boolean isConnectionFailure(String kind) {
    return CONNECTION_KINDS.contains(kind);
  }

  /**
   * How long the next request should wait while the client is in an outage: {@code min} doubled per
   * consecutive failure, at most {@code max}, times a random factor in [0.5, 1) so that clients do
   * not retry in lockstep; 0 when the client is up.
   */
  public long backoffNanos(long minNanos, long maxNanos) {
    int failures = consecutiveFailures.get();
    if (failures == 0 || downSinceNanos.get() == 0) {
      return 0;
    }
    long delay = minNanos << Math.min(20, failures - 1);
    delay = Math.min(maxNanos, delay < 0 ? maxNanos : delay);
    return (long)
        (delay * (0.5 + java.util.concurrent.ThreadLocalRandom.current().nextDouble() * 0.5));
  }

  /** Outages this client recovered from. */
  public long reconnections() {
    return reconnections.sum();
  }

  /**
   * Time this client could not reach Redis, in nanoseconds: every recovered outage, and one still
   * open at {@code nowNanos}.
   */
  public long unreachableNanos(long nowNanos) {
    long since = downSinceNanos.get();
    return downNanos.sum() + (since == 0 ? 0 : Math.max(0, nowNanos - since));
  }

  /** Outages this client had, one still open included. */
  public long outages() {
    return reconnections.sum() + (downSinceNanos.get() == 0 ? 0 : 1);
  }

  /** Total time from first failure to first success over all recovered outages, in nanoseconds. */
  public long downNanos() {
    return downNanos.sum();
  }
}
