package dev.redline.client;

import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.commons.pool2.impl.GenericObjectPool;

/**
 * How many connections a client's pools have opened: each Jedis pool counts the connections it
 * created; pools that a failover or a new slot map replaced keep their last count.
 */
final class OpenedConnectionCount {
  private final Supplier<? extends Collection<? extends GenericObjectPool<?>>> pools;
  private final Map<GenericObjectPool<?>, Long> seen = new IdentityHashMap<>();

  OpenedConnectionCount(Supplier<? extends Collection<? extends GenericObjectPool<?>>> pools) {
    this.pools = pools;
  }

  /** Connections opened so far, over every pool this client has had. */
  synchronized long count() {
    for (GenericObjectPool<?> pool : pools.get()) {
      seen.put(pool, pool.getCreatedCount());
    }
    return seen.values().stream().mapToLong(Long::longValue).sum();
  }
}
