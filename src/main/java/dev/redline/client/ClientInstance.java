package dev.redline.client;

import io.netty.channel.DefaultEventLoop;
import io.netty.channel.EventLoop;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
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
  private final EventLoop[] workers;
  private final ConnectionHealth health = new ConnectionHealth();
  private final boolean stickyConnections;
  private final ThreadLocal<Jedis> workerConnection = new ThreadLocal<>();
  private final Set<Jedis> stickyInUse = ConcurrentHashMap.newKeySet();

  ClientInstance(int index, ClientSettings settings) {
    this.index = index;
    this.clientInstances = settings.clientInstances();
    this.pool = new JedisPool(poolConfig(settings), hostAndPort(settings), clientConfig(settings, index));
    // With a connection for every worker, nobody ever waits for one: each worker keeps the one it
    // borrowed instead of giving it back after every request (no pool locking on the hot path).
    this.stickyConnections = settings.connectionsPerClient() >= settings.threadsPerClient();
    this.workers = new EventLoop[settings.threadsPerClient()];
    for (int i = 0; i < workers.length; i++) {
      String name = "redline-client-" + index + "-worker-" + i;
      workers[i] = new DefaultEventLoop((ThreadFactory) task -> {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
      });
    }
  }

  /** This client's position, 0 to clientInstances - 1. */
  public int index() {
    return index;
  }

  /**
   * The worker thread a virtual user is pinned to. Users are spread evenly: user {@code u} of
   * client {@code u % clientInstances} runs on worker {@code (u / clientInstances) % threadsPerClient}.
   * A worker is a single-threaded netty event loop with no I/O of its own: it runs blocking Jedis
   * calls, and can also host the virtual user itself (see {@code RedisProtocol#usersOnWorkers}).
   */
  public EventLoop workerFor(long userId) {
    return workers[(int) ((userId / clientInstances) % workers.length)];
  }

  /** True when the event loop is one of this client's workers. */
  boolean ownsWorker(EventLoop loop) {
    for (EventLoop worker : workers) {
      if (worker == loop) {
        return true;
      }
    }
    return false;
  }

  /**
   * Queues a task on the user's worker. Never runs it on the caller's stack, even when called from
   * that worker: a request chain in a loop then unwinds after every request instead of recursing.
   */
  public void execute(long userId, Runnable task) {
    workerFor(userId).execute(task);
  }

  /** Queues a task on the user's worker after a delay (backoff during an outage). */
  public void schedule(long userId, Runnable task, long delayNanos) {
    workerFor(userId).schedule(task, delayNanos, TimeUnit.NANOSECONDS);
  }

  /** This client's connection health (outages and reconnections). */
  public ConnectionHealth health() {
    return health;
  }

  /** Borrows a pooled connection; close it to give it back (a broken one is discarded). */
  public Jedis borrow() {
    return pool.getResource();
  }

  /**
   * A connection for one request, on a worker thread; give it back with {@link #release(Jedis)}.
   * When the pool has a connection per worker, each worker keeps its own across requests;
   * otherwise every request borrows from the pool and gives back, waiting when all are in use,
   * as an application with an undersized pool would.
   */
  public Jedis acquire() {
    if (!stickyConnections) {
      return pool.getResource();
    }
    Jedis kept = workerConnection.get();
    if (kept != null) {
      return kept;
    }
    Jedis borrowed = pool.getResource();
    workerConnection.set(borrowed);
    stickyInUse.add(borrowed);
    return borrowed;
  }

  /** Ends a request's use of a connection; a broken connection goes back to be discarded. */
  public void release(Jedis jedis) {
    if (!stickyConnections) {
      jedis.close();
    } else if (jedis.isBroken()) {
      workerConnection.remove();
      stickyInUse.remove(jedis);
      jedis.close();
    }
  }

  @Override
  public void close() {
    for (EventLoop worker : workers) {
      worker.shutdownGracefully(0, 5, TimeUnit.SECONDS);
    }
    for (EventLoop worker : workers) {
      worker.terminationFuture().awaitUninterruptibly(10, TimeUnit.SECONDS);
    }
    for (Jedis kept : stickyInUse) {
      kept.close();
    }
    stickyInUse.clear();
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

  /** The Jedis settings of client {@code index}: timeouts, credentials, database, name. */
  public static JedisClientConfig clientConfig(ClientSettings settings, int index) {
    RedisEndpoint endpoint = settings.endpoint();
    DefaultJedisClientConfig.Builder builder = DefaultJedisClientConfig.builder()
        .connectionTimeoutMillis((int) settings.connectTimeout().toMillis())
        .socketTimeoutMillis((int) settings.socketTimeout().toMillis())
        .database(endpoint.database())
        .ssl(endpoint.tls())
        .autoNegotiateProtocol(false)
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
