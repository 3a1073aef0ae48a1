package dev.redline.client;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.Pool;

/**
 * Connections to one server from a Jedis pool: a {@code JedisPool} (standalone) or a
 * {@code JedisSentinelPool}, whose server is whatever primary the sentinels name now.
 *
 * <p>With a connection for every worker thread, nobody ever waits for one: each worker keeps the
 * one it borrowed (no pool locking on the hot path), until it breaks or — after a sentinel
 * failover — the pool's primary is another server. Otherwise every request borrows and gives back,
 * waiting when all are in use, as an application with an undersized pool would.
 */
final class PooledConnections implements Connections {
  private final Pool<Jedis> pool;
  private final Supplier<HostAndPort> currentServer;
  private final boolean primaryCanMove;
  private final boolean sticky;
  private final ThreadLocal<ServerLink> workerLink = new ThreadLocal<>();
  private final Set<ServerLink> stickyInUse = ConcurrentHashMap.newKeySet();

  /**
   * @param currentServer the server the pool opens connections to now
   * @param primaryCanMove true for a sentinel pool, whose server changes with a failover
   * @param sticky whether each worker keeps the connection it borrowed
   */
  PooledConnections(Pool<Jedis> pool, Supplier<HostAndPort> currentServer, boolean primaryCanMove, boolean sticky) {
    this.pool = pool;
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
      giveBack(server.jedis());
    } else if (server.jedis().isBroken()) {
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
  public void close() {
    stickyInUse.forEach(link -> link.jedis().close());
    stickyInUse.clear();
    pool.close();
  }

  private ServerLink borrow(boolean kept) {
    Jedis jedis = pool.getResource();
    return new ServerLink(jedis, jedis.getConnection().getHostAndPort(), kept);
  }

  private void drop(ServerLink link) {
    workerLink.remove();
    stickyInUse.remove(link);
    giveBack(link.jedis());
  }

  /**
   * Returns a connection to the pool. A broken one is disconnected first: the pool would otherwise
   * say QUIT on it and wait for the reply — a second socket timeout on a frozen server, which made a
   * TIMEOUT KO take twice the socket timeout.
   */
  private static void giveBack(Jedis jedis) {
    if (jedis.isBroken()) {
      try {
        jedis.disconnect();
      } catch (RuntimeException ignored) {
        // already gone
      }
    }
    jedis.close();
  }
}
