package dev.redline.client;

import dev.redline.config.RedisEndpoint;
import dev.redline.config.TlsSettings;
import dev.redline.config.WorkerBudget;
import java.time.Duration;

/**
 * How Redline talks to Redis: the endpoint and two levels of pooling — {@code clientInstances}
 * clients, each with {@code connectionsPerClient} pooled connections and {@code threadsPerClient}
 * worker threads; the deployment (standalone, cluster, sentinel), TLS and the RESP version.
 *
 * @param respVersion 2 or 3 to say HELLO with that version on connect; 0 keeps Jedis's default
 *     (RESP2)
 * @param backoffMin first delay before retrying a server (or, in a cluster, a node) in an outage
 * @param backoffMax largest such delay
 */
public record ClientSettings(
    RedisEndpoint endpoint,
    int clientInstances,
    int connectionsPerClient,
    int threadsPerClient,
    Duration connectTimeout,
    Duration socketTimeout,
    String clientName,
    Deployment deployment,
    TlsSettings tls,
    int respVersion,
    Duration backoffMin,
    Duration backoffMax) {

  public ClientSettings {
    positive("clientInstances", clientInstances);
    positive("connectionsPerClient", connectionsPerClient);
    positive("threadsPerClient", threadsPerClient);
    finitePositive("connectTimeout", connectTimeout);
    finitePositive("socketTimeout", socketTimeout);
    String violation =
        WorkerBudget.violation(clientInstances, threadsPerClient, connectionsPerClient);
    if (violation != null) {
      throw new IllegalArgumentException(violation);
    }
    if (respVersion != 0 && respVersion != 2 && respVersion != 3) {
      throw new IllegalArgumentException(
          "the RESP protocol version is 2 or 3 (0 for Jedis's default), got " + respVersion);
    }
  }

  /**
   * The worker threads each client runs: threadsPerClient, or its share of the machine's budget
   * ({@link WorkerBudget}).
   */
  public int workersPerClient() {
    return WorkerBudget.workersPerClient(clientInstances, threadsPerClient);
  }

  /** Whether connections speak TLS: a {@code rediss://} URL or any TLS option. */
  public boolean usesTls() {
    return endpoint.tls() || tls.anySet();
  }

  /** What the run loads, for messages; never shows a password. */
  public String describe() {
    return deployment.describe(usesTls() && !endpoint.tls() ? endpoint.withTls() : endpoint);
  }

  /** How long a worker waits for a free pooled connection before the request is KO. */
  public Duration borrowTimeout() {
    return connectTimeout.plus(socketTimeout);
  }

  private static void positive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, got " + value);
    }
  }

  private static void finitePositive(String name, Duration value) {
    if (value == null
        || value.isNegative()
        || value.isZero()
        || value.toMillis() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          name + " must be a positive duration below 24 days, got " + value);
    }
  }
}
