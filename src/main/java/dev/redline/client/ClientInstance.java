package dev.redline.client;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.ConnectionPool;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.providers.SentineledConnectionProvider;

/**
 * One of the {@code clientInstances} clients: its own connections (a Jedis pool of at most {@code
 * connectionsPerClient} connections; in a cluster, that many per node) and its own worker threads
 * ({@code threadsPerClient}, or its share of the machine's worker budget).
 */
public final class ClientInstance implements AutoCloseable {
  /**
   * How often the cluster client tries a command: once, and once more after a redirection (MOVED,
   * ASK) or, for a node that failed, after reading the slot map again. Jedis's default (5 tries,
   * sleeping between them, for up to 5 socket timeouts) holds a worker for seconds on every request
   * for a dead primary's slots, which stalls the users of the healthy primaries on that worker too.
   */
  private static final int CLUSTER_MAX_ATTEMPTS = 2;

  private final int concurrency;
  private final int index;
  private final JedisClientConfig config;
  private final JedisClientConfig subscriberConfig;
  private final LinkSource connections;
  private final EventLoopGroup workerGroup;
  private final EventLoop[] workers;
  private final ConnectionHealth health = new ConnectionHealth();
  private final List<Thread> workerThreads = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final boolean backsOffAsOne;

  ClientInstance(
      int index,
      ClientSettings settings,
      CommandKeys.Source commandKeys,
      ExecutorService pipelineThreads,
      LoopTransport transport,
      ReadRouting reads) {
    this.index = index;
    this.config = JedisConfigs.dataNodes(settings, index);
    this.subscriberConfig = JedisConfigs.subscribers(settings, index);
    this.connections = connect(settings, config, commandKeys, pipelineThreads, reads);
    this.backsOffAsOne = !(settings.deployment() instanceof Deployment.Cluster);
    AtomicInteger threads = new AtomicInteger();
    ThreadFactory named =
        task -> {
          Thread worker =
              new WorkerThread(
                  task, "redline-client-" + index + "-worker-" + threads.getAndIncrement());
          workerThreads.add(worker);
          return worker;
        };
    this.concurrency = Math.min(settings.workersPerClient(), settings.connectionsPerClient());
    this.workerGroup = new WorkerLoops(settings.workersPerClient(), named, transport.ioHandlers());
    this.workers = new EventLoop[settings.workersPerClient()];
    int i = 0;
    for (EventExecutor loop : workerGroup) {
      workers[i++] = (EventLoop) loop;
    }
  }

  private static LinkSource connect(
      ClientSettings settings,
      JedisClientConfig config,
      CommandKeys.Source commandKeys,
      ExecutorService pipelineThreads,
      ReadRouting reads) {
    // With a connection for every worker, each worker keeps the one it borrowed (see
    // ServerLinks).
    boolean sticky = settings.connectionsPerClient() >= settings.workersPerClient();
    Deployment deployment = settings.deployment();
    if (deployment instanceof Deployment.Cluster cluster) {
      // all tries of one command together take at most one socket timeout
      ReplicaSlots slots =
          new ReplicaSlots(new HashSet<>(cluster.seeds()), config, poolConfig(settings));
      RedisClusterClient client =
          RedisClusterClient.builder()
              .nodes(new HashSet<>(cluster.seeds()))
              .clientConfig(config)
              .connectionProvider(slots)
              .maxAttempts(CLUSTER_MAX_ATTEMPTS)
              .maxTotalRetriesDuration(settings.socketTimeout())
              .build();
      try {
        NodeOutages outages =
            new NodeOutages(settings.backoffMin().toNanos(), settings.backoffMax().toNanos());
        return new ClusterLinks(
            client,
            slots,
            outages,
            commandKeys.from(client),
            pipelineThreads,
            config,
            reads.forCluster(slots));
      } catch (RuntimeException e) {
        client.close();
        throw e;
      }
    }
    if (deployment instanceof Deployment.Sentinel sentinel) {
      SentineledConnectionProvider primary =
          new SentineledConnectionProvider(
              sentinel.masterName(),
              config,
              poolConfig(settings),
              new HashSet<>(sentinel.sentinels()),
              JedisConfigs.sentinels(settings, sentinel));
      return reads.around(
          new ServerLinks(
              primary::getConnection,
              primary,
              primary::getCurrentMaster,
              true,
              sticky,
              new OpenedConnectionCount(() -> primary.getConnectionMap().values())),
          node -> serverLinks(node, config, settings, sticky));
    }
    HostAndPort server = new HostAndPort(settings.endpoint().host(), settings.endpoint().port());
    return reads.around(
        serverLinks(server, config, settings, sticky),
        node -> serverLinks(node, config, settings, sticky));
  }

  /** Pooled links to one server. */
  private static ServerLinks serverLinks(
      HostAndPort server, JedisClientConfig config, ClientSettings settings, boolean sticky) {
    ConnectionPool pool = new ConnectionPool(server, config, poolConfig(settings));
    return new ServerLinks(
        pool::getResource,
        pool,
        () -> server,
        false,
        sticky,
        new OpenedConnectionCount(() -> List.of(pool)));
  }

  /** This client's position, 0 to clientInstances - 1. */
  public int index() {
    return index;
  }

  /** The worker at {@code position} ({@link ProtocolClients#workerIndexOf} says whose it is). */
  public EventLoop worker(int position) {
    return workers[position];
  }

  /**
   * How many requests this client serves at once: one per worker, as long as each has a connection.
   */
  public int concurrency() {
    return concurrency;
  }

  /** The worker threads started so far (for their CPU time). */
  public List<Thread> workerThreads() {
    return List.copyOf(workerThreads);
  }

  /** This client's workers, in order. */
  public List<EventLoop> workers() {
    return List.of(workers);
  }

  /**
   * Runs a task on a worker: at once when the caller is that worker and few requests are nested on
   * its stack (no queue, no lock), else through the worker's task queue, which also unwinds a chain
   * of requests every {@link WorkerThread#MAX_INLINE_DEPTH} requests.
   */
  public static void execute(EventLoop worker, Runnable task) {
    WorkerThread inline = worker.inEventLoop() ? WorkerThread.inlineCapable() : null;
    if (inline != null) {
      inline.runNested(task);
    } else {
      worker.execute(task);
    }
  }

  /**
   * Whether a failure makes every request of this client back off. True for one server (standalone,
   * the sentinels' primary); false in a cluster, where an outage belongs to a node: requests for
   * the healthy primaries go on at full rate, and those for a failed node fail fast until its
   * replica takes over and the slot map says so.
   */
  public boolean backsOffAsOne() {
    return backsOffAsOne;
  }

  /** Connections this client has opened so far (its subscribers' own connections aside). */
  public long openedConnections() {
    return connections.openedConnections();
  }

  /** This client's connection health (outages and reconnections). */
  public ConnectionHealth health() {
    return health;
  }

  /** A link for one request, on a worker thread; give it back with {@link #release(RedisLink)}. */
  public RedisLink acquire() {
    return connections.acquire();
  }

  /**
   * A link for one use off the worker threads (the start check); give it back with {@link
   * #release(RedisLink)}.
   */
  public RedisLink acquireOnce() {
    return connections.acquireOnce();
  }

  /** Ends a request's use of a link; a broken connection goes back to be discarded. */
  public void release(RedisLink link) {
    connections.release(link);
  }

  /** The Jedis settings of this client's subscribers' own connections. */
  public JedisClientConfig subscriberConfig() {
    return subscriberConfig;
  }

  /**
   * Where a subscriber of this client connects: the server, the current primary, or a cluster node.
   */
  public HostAndPort subscriptionNode() {
    return connections.subscriptionNode();
  }

  /** A cluster's replicas that are up now (empty for one primary). */
  public List<HostAndPort> replicas() {
    return connections.replicas();
  }

  /** The primaries this client's commands go to now. */
  public List<HostAndPort> primaries() {
    return connections.primaries();
  }

  @Override
  public void close() {
    workerGroup.shutdownGracefully(0, 5, TimeUnit.SECONDS);
    workerGroup.terminationFuture().awaitUninterruptibly(10, TimeUnit.SECONDS);
    connections.close();
  }

  private static <T> GenericObjectPoolConfig<T> poolConfig(ClientSettings settings) {
    GenericObjectPoolConfig<T> config = new GenericObjectPoolConfig<>();
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
}
