package dev.redline.client;

import java.util.List;
import redis.clients.jedis.HostAndPort;

/** Where a client instance's links come from: pooled server connections, or a cluster client. */
interface LinkSource extends AutoCloseable {

  /** A link for one request on a worker thread; give it back with {@link #release(RedisLink)}. */
  RedisLink acquire();

  /** A link for one use off the workers (the start check); never kept by the calling thread. */
  RedisLink acquireOnce();

  /** Ends a request's use of a link. */
  void release(RedisLink link);

  /** The primaries that serve data now (for the commandstats cross-check). */
  List<HostAndPort> primaries();

  /** The replicas of a cluster that are up now (a one-primary deployment's: empty). */
  default List<HostAndPort> replicas() {
    return List.of();
  }

  /** A node to open a subscriber's connection to. */
  HostAndPort subscriptionNode();

  /** Connections opened so far (every pool this client has had, counted by the pools). */
  long openedConnections();

  @Override
  void close();
}
