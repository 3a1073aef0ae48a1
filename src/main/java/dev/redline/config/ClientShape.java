package dev.redline.config;

import java.util.Optional;

/**
 * How a protocol's load is spread: {@code clientInstances} clients, each with {@code
 * threadsPerClient} worker threads and {@code connectionsPerClient} pooled connections (one per
 * worker thread unless set). Each count is at least 1, checked here once for the DSL and the
 * settings alike; whether the machine can run that many workers is {@link WorkerBudget}'s.
 */
public record ClientShape(
    int clientInstances, Optional<Integer> connectionsPerClient, int threadsPerClient) {

  /** One client with one worker thread and one connection. */
  public static final ClientShape ONE = new ClientShape(1, Optional.empty(), 1);

  /**
   * @throws IllegalArgumentException naming the count that is below 1
   */
  public ClientShape {
    atLeastOne("clientInstances", clientInstances);
    connectionsPerClient.ifPresent(n -> atLeastOne("connectionsPerClient", n));
    atLeastOne("threadsPerClient", threadsPerClient);
  }

  /** Connections per client: as set, else one per worker thread. */
  public int connections() {
    return connectionsPerClient.orElse(threadsPerClient);
  }

  public ClientShape withClientInstances(int n) {
    return new ClientShape(n, connectionsPerClient, threadsPerClient);
  }

  public ClientShape withConnectionsPerClient(int n) {
    return new ClientShape(clientInstances, Optional.of(n), threadsPerClient);
  }

  public ClientShape withThreadsPerClient(int n) {
    return new ClientShape(clientInstances, connectionsPerClient, n);
  }

  private static void atLeastOne(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, got " + value);
    }
  }
}
