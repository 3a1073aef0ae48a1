package dev.redline.client;

import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.ClientSetInfoConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisPool;

/**
 * One of the {@code clientInstances} clients: its own Jedis connection pool of at most
 * {@code connectionsPerClient} connections and its own {@code threadsPerClient} worker threads.
 */
public final class ClientInstance implements AutoCloseable {
  private final int index;
  private final int clientInstances;
  private final JedisPool pool;
  private final Worker[] workers;
  private final ConnectionHealth health = new ConnectionHealth();

  ClientInstance(int index, ClientSettings settings) {
    this.index = index;
    this.clientInstances = settings.clientInstances();
    this.pool = new JedisPool(poolConfig(settings), hostAndPort(settings), clientConfig(settings, index));
    this.workers = new Worker[settings.threadsPerClient()];
    for (int i = 0; i < workers.length; i++) {
      workers[i] = new Worker("redline-client-" + index + "-worker-" + i);
      workers[i].start();
    }
  }

  /** This client's position, 0 to clientInstances - 1. */
  public int index() {
    return index;
  }

  /**
   * Runs a task on the worker thread that the virtual user is pinned to. Users are spread evenly:
   * user {@code u} of client {@code u % clientInstances} runs on worker
   * {@code (u / clientInstances) % threadsPerClient}.
   */
  public void execute(long userId, Runnable task) {
    workers[(int) ((userId / clientInstances) % workers.length)].submit(task);
  }

  /** True when called on one of this client's worker threads. */
  public boolean onWorkerThread() {
    for (Worker worker : workers) {
      if (worker.isCurrent()) {
        return true;
      }
    }
    return false;
  }

  /** This client's connection health (outages and reconnections). */
  public ConnectionHealth health() {
    return health;
  }

  /** Connections this client's pool has opened since the start (reconnections included). */
  public long connectionsCreated() {
    return pool.getCreatedCount();
  }

  /** Borrows a pooled connection; close it to give it back (a broken one is discarded). */
  public Jedis borrow() {
    return pool.getResource();
  }

  /** Connections this client has open now (in use and idle). */
  public int openConnections() {
    return pool.getNumActive() + pool.getNumIdle();
  }

  @Override
  public void close() {
    for (Worker worker : workers) {
      worker.stopAndJoin(5_000);
    }
    pool.close();
  }

  private static GenericObjectPoolConfig<Jedis> poolConfig(ClientSettings settings) {
    GenericObjectPoolConfig<Jedis> config = new GenericObjectPoolConfig<>();
    config.setMaxTotal(settings.connectionsPerClient());
    config.setMaxIdle(settings.connectionsPerClient());
    config.setMinIdle(0);
    config.setBlockWhenExhausted(true);
    config.setMaxWait(settings.borrowTimeout());
    config.setTestOnBorrow(false);
    config.setTestOnReturn(false);
    config.setTestWhileIdle(false);
    config.setJmxEnabled(false);
    return config;
  }

  private static HostAndPort hostAndPort(ClientSettings settings) {
    return new HostAndPort(settings.endpoint().host(), settings.endpoint().port());
  }

  static JedisClientConfig clientConfig(ClientSettings settings, int index) {
    RedisEndpoint endpoint = settings.endpoint();
    DefaultJedisClientConfig.Builder builder = DefaultJedisClientConfig.builder()
        .connectionTimeoutMillis((int) settings.connectTimeout().toMillis())
        .socketTimeoutMillis((int) settings.socketTimeout().toMillis())
        .database(endpoint.database())
        .ssl(endpoint.tls())
        // no CLIENT SETINFO on connect: the server's commandstats then count only what Redline sent
        .clientSetInfoConfig(ClientSetInfoConfig.DISABLED);
    if (endpoint.username() != null) {
      builder.user(endpoint.username());
    }
    if (endpoint.password() != null) {
      builder.password(endpoint.password());
    }
    if (settings.clientName() != null && !settings.clientName().isBlank()) {
      builder.clientName(settings.clientName() + "-" + index);
    }
    return builder.build();
  }
}
