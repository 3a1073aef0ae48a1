package dev.redline.client;

import dev.redline.config.ClientShape;
import dev.redline.config.ConnectionOptions;
import dev.redline.config.RedisEndpoint;
import dev.redline.config.ReplicaReads;
import dev.redline.config.TlsSettings;
import dev.redline.config.WorkerBudget;
import java.time.Duration;
import redis.clients.jedis.HostAndPort;

/**
 * How Redline talks to Redis, derived from a protocol's settings on the endpoint resolved for the
 * run: the endpoint and deployment (standalone, cluster, sentinel), two levels of pooling ({@code
 * clientInstances} clients, each with {@code connectionsPerClient} pooled connections and {@code
 * threadsPerClient} worker threads), each connection's options, and the backoff of a client in an
 * outage. The sections check their own values; this checks what only a client can: that a socket
 * can hold the timeouts (below 24 days) and that the machine can run that many workers ({@link
 * WorkerBudget}).
 *
 * @param reads where reads go, and the replicas named
 * @param backoffMin first delay before retrying a server (or, in a cluster, a node) in an outage
 * @param backoffMax largest such delay
 */
public record ClientSettings(
    RedisEndpoint endpoint,
    Deployment deployment,
    ClientShape shape,
    ConnectionOptions connection,
    ReplicaReads reads,
    Duration backoffMin,
    Duration backoffMax) {

  /**
   * @throws IllegalArgumentException when a timeout is more than a socket can hold, or the workers
   *     asked for are more than the machine's budget
   */
  public ClientSettings {
    finitePositive("connectTimeout", connection.connectTimeout());
    finitePositive("socketTimeout", connection.socketTimeout());
    String misplaced = misplacedReplicas(endpoint, deployment, reads);
    if (misplaced != null) {
      throw new IllegalArgumentException(misplaced);
    }
    String violation =
        WorkerBudget.violation(
            shape.clientInstances(), shape.threadsPerClient(), shape.connections());
    if (violation != null) {
      throw new IllegalArgumentException(violation);
    }
  }

  public int clientInstances() {
    return shape.clientInstances();
  }

  /** Pooled connections per client (one per worker thread unless set). */
  public int connectionsPerClient() {
    return shape.connections();
  }

  public int threadsPerClient() {
    return shape.threadsPerClient();
  }

  public Duration connectTimeout() {
    return connection.connectTimeout();
  }

  public Duration socketTimeout() {
    return connection.socketTimeout();
  }

  /** The CLIENT SETNAME prefix (the client index is appended), or null. */
  public String clientName() {
    return connection.clientName();
  }

  public TlsSettings tls() {
    return connection.tls();
  }

  /** 2 or 3 to say HELLO with that version on connect; 0 keeps Jedis's default (RESP2). */
  public int respVersion() {
    return connection.respVersion();
  }

  /**
   * The worker threads each client runs: threadsPerClient, or its share of the machine's budget
   * ({@link WorkerBudget}).
   */
  public int workersPerClient() {
    return WorkerBudget.workersPerClient(clientInstances(), threadsPerClient());
  }

  /** Whether connections speak TLS: a {@code rediss://} URL or any TLS option. */
  public boolean usesTls() {
    return endpoint.tls() || tls().anySet();
  }

  /** What the run loads, for messages; never shows a password. */
  public String describe() {
    return deployment.describe(usesTls() && !endpoint.tls() ? endpoint.withTls() : endpoint);
  }

  /** How long a worker waits for a free pooled connection before the request is KO. */
  public Duration borrowTimeout() {
    return connectTimeout().plus(socketTimeout());
  }

  /** Why the named replicas cannot be used as named, or null when they can. */
  private static String misplacedReplicas(
      RedisEndpoint endpoint, Deployment deployment, ReplicaReads reads) {
    if (reads.named().isEmpty()) {
      return null;
    }
    if (deployment instanceof Deployment.Cluster) {
      return "replicas are named, but this is a cluster: Redline reads its replicas from the"
          + " cluster's slot map; leave redis.replicas (replicas(...)) out";
    }
    if (deployment instanceof Deployment.Sentinel) {
      return "replicas are named, but the sentinels name the primary's replicas (SENTINEL"
          + " REPLICAS); leave redis.replicas (replicas(...)) out";
    }
    if (!reads.routesReads()) {
      return "replicas "
          + reads.named()
          + " are named, but read_from is primary: nothing would read from them; set read_from:"
          + " replica or any, or leave the replicas out";
    }
    HostAndPort primary = new HostAndPort(endpoint.host(), endpoint.port());
    if (reads.named().contains(primary)) {
      return "the replicas named ("
          + reads.named()
          + ") include the primary "
          + primary
          + "; list only its replicas";
    }
    return null;
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
