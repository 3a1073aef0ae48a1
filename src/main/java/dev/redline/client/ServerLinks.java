package dev.redline.client;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import redis.clients.jedis.Connection;
import redis.clients.jedis.HostAndPort;

/**
 * Links to one server from a Jedis connection pool: a {@code ConnectionPool} (standalone) or a
 * {@code SentineledConnectionProvider}, whose server is whatever primary the sentinels name now.
 *
 * <p>With a connection for every worker thread, nobody ever waits for one: each worker keeps the
 * one it borrowed (no pool locking on the hot path), until it breaks or — after a sentinel failover
 * — the pool's primary is another server. Otherwise every request borrows and gives back, waiting
 * when all are in use, as an application with an undersized pool would.
 */
final class ServerLinks implements LinkSource {
  private final Supplier<Connection> pool;
  private final AutoCloseable closePool;
  private final Supplier<HostAndPort> currentServer;
  private final boolean primaryCanMove;
  private final boolean sticky;
  private final OpenedConnectionCount opened;
  private final ThreadLocal<ServerLink> workerLink = new ThreadLocal<>();
  private final Set<ServerLink> stickyInUse = ConcurrentHashMap.newKeySet();

  /**
   * @param pool borrows a pooled connection (closing it gives it back)
   * @param closePool closes the pool
   * @param currentServer the server the pool opens connections to now
   * @param primaryCanMove true for a sentinel pool, whose server changes with a failover
   * @param sticky whether each worker keeps the connection it borrowed
   */
  ServerLinks(
      Supplier<Connection> pool,
      AutoCloseable closePool,
      Supplier<HostAndPort> currentServer,
      boolean primaryCanMove,
      boolean sticky,
      OpenedConnectionCount opened) {
    this.opened = opened;
    this.pool = pool;
    this.closePool = closePool;
    this.currentServer = currentServer;
    this.primaryCanMove = primaryCanMove;
    this.sticky = sticky;
  }

  @Override
  public RedisLink acquireOnce() {
    return borrow(false);
  }

  @Override
  public RedisLink acquire() {
    if (!sticky) {
      return borrow(false);
    }
    ServerLink kept = workerLink.get();
    if (kept != null) {
      if (!primaryCanMove || kept.server().equals(currentServer.get())) {
        return kept;
      }
      drop(kept); // the sentinels named a new primary: stop writing to the old one
    }
    ServerLink borrowed = borrow(true);
    workerLink.set(borrowed);
    stickyInUse.add(borrowed);
    return borrowed;
  }

  @Override
  public void release(RedisLink link) {
    ServerLink server = (ServerLink) link;
    if (!server.kept()) {
      giveBack(server.connection());
    } else if (server.connection().isBroken()) {
      drop(server);
    }
  }

  @Override
  public List<HostAndPort> primaries() {
    return List.of(currentServer.get());
  }

  @Override
  public HostAndPort subscriptionNode() {
    return currentServer.get();
  }

  @Override
  public long openedConnections() {
    return opened.count();
  }

  @Override
  public void close() {
    stickyInUse.forEach(link -> link.connection().close());
    stickyInUse.clear();
    try {
      closePool.close();
    } catch (Exception e) {
      throw new IllegalStateException("closing the connection pool failed: " + e.getMessage(), e);
    }
  }

  private ServerLink borrow(boolean kept) {
    Connection connection = pool.get();
    return new ServerLink(connection, connection.getHostAndPort(), kept);
  }

  private void drop(ServerLink link) {
    workerLink.remove();
    stickyInUse.remove(link);
    giveBack(link.connection());
  }

  /**
   * Returns a connection to the pool. A broken one is disconnected first: the pool would otherwise
   * say QUIT on it and wait for the reply — a second socket timeout on a frozen server, so that a
   * TIMEOUT KO would take twice the socket timeout.
   */
  private static void giveBack(Connection connection) {
    if (connection.isBroken()) {
      try {
        connection.disconnect();
      } catch (RuntimeException ignored) {
        // already gone
      }
    }
    connection.close();
  }
}
