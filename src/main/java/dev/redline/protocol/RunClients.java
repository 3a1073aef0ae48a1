package dev.redline.protocol;

import dev.redline.client.ClientInstance;
import dev.redline.client.ConnectionHealth;
import dev.redline.client.ProtocolClients;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client pools of every protocol of a run, and the endpoints they were resolved through. The
 * pools stay listed after they close: their clients' health is read after (the summary's facts, a
 * late assertion decision).
 */
final class RunClients {
  private static final Logger LOG = LoggerFactory.getLogger(RunClients.class);

  private final EndpointResolver endpoints = new EndpointResolver();
  private final List<ProtocolClients> pools =
      new CopyOnWriteArrayList<>(); // read by metrics threads

  EndpointResolver endpoints() {
    return endpoints;
  }

  void add(ProtocolClients pool) {
    pools.add(pool);
  }

  /** Every client of every protocol, in order. */
  List<ClientInstance> clients() {
    List<ClientInstance> all = new ArrayList<>();
    pools.forEach(pool -> all.addAll(pool.clients()));
    return all;
  }

  /** The connection health of every client, in order. */
  List<ConnectionHealth> health() {
    return clients().stream().map(ClientInstance::health).toList();
  }

  /** The threads of every client's workers. */
  List<Thread> workerThreads() {
    List<Thread> all = new ArrayList<>();
    clients().forEach(client -> all.addAll(client.workerThreads()));
    return all;
  }

  /** How many requests the clients can have in flight at once. */
  int concurrency() {
    return clients().stream().mapToInt(ClientInstance::concurrency).sum();
  }

  /** The longest single time any client could not reach Redis, up to {@code nowNanos}, in s. */
  double longestOutageSeconds(long nowNanos) {
    return health().stream().mapToLong(h -> h.longestOutageNanos(nowNanos)).max().orElse(0) / 1e9;
  }

  /** Closes every pool, then the endpoints; a pool that fails to close is logged. */
  void close() {
    for (ProtocolClients pool : pools) {
      try {
        pool.close();
      } catch (RuntimeException e) {
        LOG.warn("closing a Redline client pool failed", e);
      }
    }
    endpoints.close();
  }
}
