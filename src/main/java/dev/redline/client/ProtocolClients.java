package dev.redline.client;

import dev.redline.config.WorkerBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import redis.clients.jedis.HostAndPort;

/**
 * A protocol's {@code clientInstances} clients, and where each virtual user lives among them: the
 * one place that decides user → client → worker. User {@code u} belongs to client {@code u %
 * clientInstances} and lives on that client's worker {@code (u / clientInstances) % workers}, where
 * workers is threadsPerClient (or the client's share of {@link WorkerBudget}): users are spread
 * evenly over every worker. A worker is a single-threaded netty I/O event loop of Gatling's
 * transport ({@link LoopTransport}), never one of Gatling's own loops: it makes its users' blocking
 * Jedis calls and runs the rest of their scenario (Gatling's loops, pauses, HTTP requests) in
 * between. The last step, worker → connection, is the client's {@link LinkSource}: with a
 * connection per worker, each worker keeps its own ({@link ServerLinks}); with fewer, a request
 * borrows one; in a cluster, the Jedis cluster client's pool per node ({@link ClusterLinks}).
 *
 * <p>Made once per protocol per run, closed when the run ends.
 */
public final class ProtocolClients implements AutoCloseable {
  private final ClientSettings settings;
  private final ClientInstance[] clients;
  private final CommandKeys.Source commandKeys = new CommandKeys.Source();
  private final ExecutorService pipelineThreads;
  private final int workersPerClient; // as the clients were made: fixed for the run
  private final ReadRouting reads;

  /**
   * Makes every client and its connections (a cluster client reads the slot map, a sentinel pool
   * asks the sentinels for the primary), and its workers' event loops on {@code transport}.
   *
   * @throws RuntimeException from Jedis when the deployment cannot be reached; nothing is left open
   */
  public ProtocolClients(ClientSettings settings, LoopTransport transport) {
    this.settings = settings;
    this.clients = new ClientInstance[settings.clientInstances()];
    // cluster pipelines read their nodes in parallel on these threads (never a Gatling event loop)
    this.pipelineThreads =
        settings.deployment() instanceof Deployment.Cluster
            ? Executors.newCachedThreadPool(
                task -> {
                  Thread thread = new Thread(task, "redline-cluster-pipeline");
                  thread.setDaemon(true);
                  return thread;
                })
            : null;
    try {
      this.reads = ReadRouting.of(settings);
      for (int i = 0; i < clients.length; i++) {
        clients[i] =
            new ClientInstance(i, settings, commandKeys, pipelineThreads, transport, reads);
      }
      workersPerClient = clients[0].workers().size();
    } catch (RuntimeException e) {
      try {
        close();
      } catch (RuntimeException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
  }

  /**
   * The primaries the clients' commands go to now (one server, the current primary, or the
   * cluster's primaries).
   */
  public List<HostAndPort> primaries() {
    return List.copyOf(clients[0].primaries()); // every client loads the same deployment
  }

  /** Reads sent per node so far (empty when every command goes to the primary). */
  public ReadCounts readCounts() {
    return reads.counts();
  }

  /**
   * The replicas reads go to with read_from replica or any: those found at the start for one
   * primary; a cluster's, from its slot map now. Empty when reads go to the primaries.
   */
  public List<HostAndPort> readReplicas() {
    if (!settings.reads().routesReads()) {
      return List.of();
    }
    return settings.deployment() instanceof Deployment.Cluster
        ? clients[0].replicas()
        : reads.replicas();
  }

  /** Which commands only read, as the servers flag them; null when reads are not routed. */
  public ReadCommands readCommands() {
    return settings.reads().routesReads() ? reads.commands() : null;
  }

  /** The settings this pool was made with. */
  public ClientSettings settings() {
    return settings;
  }

  /** The client a virtual user belongs to. */
  public ClientInstance clientFor(long userId) {
    return clients[(int) (userId % clients.length)];
  }

  /** The position of the worker a user lives on among its client's workers. */
  public int workerIndexOf(long userId) {
    return (int) ((userId / clients.length) % workersPerClient);
  }

  /** All clients, in index order. */
  public List<ClientInstance> clients() {
    return List.of(clients);
  }

  @Override
  public void close() {
    List<RuntimeException> failures = new ArrayList<>();
    if (pipelineThreads != null) {
      pipelineThreads.shutdownNow();
    }
    for (ClientInstance client : clients) {
      if (client == null) {
        continue;
      }
      try {
        client.close();
      } catch (RuntimeException e) {
        failures.add(e);
      }
    }
    if (!failures.isEmpty()) {
      RuntimeException first = failures.get(0);
      failures.subList(1, failures.size()).forEach(first::addSuppressed);
      throw first;
    }
  }
}
