package dev.redline.client;

import java.time.Duration;

/**
 * How Redline talks to Redis: the endpoint and the seed runner's dual-level pooling —
 * {@code clientInstances} clients, each with {@code connectionsPerClient} pooled connections and
 * {@code threadsPerClient} worker threads.
 */
public record ClientSettings(
    RedisEndpoint endpoint,
    int clientInstances,
    int connectionsPerClient,
    int threadsPerClient,
    Duration connectTimeout,
    Duration socketTimeout,
    String clientName) {

  public ClientSettings {
    positive("clientInstances", clientInstances);
    positive("connectionsPerClient", connectionsPerClient);
    positive("threadsPerClient", threadsPerClient);
    finitePositive("connectTimeout", connectTimeout);
    finitePositive("socketTimeout", socketTimeout);
  }

  /** How long a worker waits for a free pooled connection before the request is KO. */
  public Duration borrowTimeout() {
    return connectTimeout.plus(socketTimeout);
  }

  private static void positive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, got " + value);
    }
  }

  private static void finitePositive(String name, Duration value) {
    if (value == null || value.isNegative() || value.isZero() || value.toMillis() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(name + " must be a positive duration below 24 days, got " + value);
    }
  }
}
