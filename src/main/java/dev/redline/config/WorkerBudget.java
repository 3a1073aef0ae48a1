package dev.redline.config;

import java.util.Locale;

/**
 * What Redline promises to run on one machine, and keeps.
 *
 * <p>Each worker is a platform thread making blocking Jedis calls. Too many runnable workers starve
 * Gatling's own event loops and redis-server itself: users start late and the run overruns its
 * duration (measured in docs/performance.md). So at most {@link #WORKERS_PER_CORE} workers per core
 * run: more virtual users than that share them, and the time a user waits for its worker is
 * recorded as its WAIT (it never vanishes). Users and connections have a ceiling of their own.
 */
public final class WorkerBudget {
  /**
   * Worker threads per core: enough blocking calls in flight to keep a server busy, few enough that
   * the runnable ones do not starve Gatling's loops and redis-server (measured:
   * docs/performance.md, "SET P1 c1000").
   */
  public static final int WORKERS_PER_CORE = 32;

  /** Virtual users (client instances × threads per client) one JVM takes. */
  public static final int MAX_USERS = 10_000;

  /** Pooled connections (client instances × connections per client) one JVM opens. */
  public static final int MAX_CONNECTIONS = 10_000;

  private WorkerBudget() {}

  /** Worker threads this machine runs at most. */
  public static int maxWorkers() {
    return WORKERS_PER_CORE * Runtime.getRuntime().availableProcessors();
  }

  /**
   * The worker threads each client gets: its threads per client, or its share of the machine's
   * budget.
   */
  public static int workersPerClient(int clientInstances, int threadsPerClient) {
    return Math.max(1, Math.min(threadsPerClient, maxWorkers() / clientInstances));
  }

  /** Why these settings break the promise, or null when they keep it. */
  public static String violation(
      long clientInstances, long threadsPerClient, long connectionsPerClient) {
    long users = clientInstances * threadsPerClient;
    long connections = clientInstances * connectionsPerClient;
    if (users > MAX_USERS) {
      return String.format(
          Locale.ROOT,
          "client_instances × threads_per_client = %,d virtual users; Redline runs at most %,d per JVM"
              + " (for more, run more injectors against one server)",
          users,
          MAX_USERS);
    }
    if (connections > MAX_CONNECTIONS) {
      return String.format(
          Locale.ROOT,
          "client_instances × connections_per_client = %,d connections; Redline opens at most %,d per JVM"
              + " (Redis's default maxclients is 10,000)",
          connections,
          MAX_CONNECTIONS);
    }
    if (clientInstances > maxWorkers()) {
      return String.format(
          Locale.ROOT,
          "client_instances = %,d; each client needs a worker thread of its own and this machine runs"
              + " at most %,d (%d per core)",
          clientInstances,
          maxWorkers(),
          WORKERS_PER_CORE);
    }
    return null;
  }
}
