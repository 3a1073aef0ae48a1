package dev.redline.client;

import java.util.ArrayList;
import java.util.List;

/**
 * The run's {@code clientInstances} clients. A virtual user belongs to client
 * {@code userId % clientInstances}. Made once per protocol per run, closed when the run ends.
 */
public final class ClientPool implements AutoCloseable {
  private final ClientSettings settings;
  private final ClientInstance[] clients;

  public ClientPool(ClientSettings settings) {
    this.settings = settings;
    this.clients = new ClientInstance[settings.clientInstances()];
    for (int i = 0; i < clients.length; i++) {
      clients[i] = new ClientInstance(i, settings);
    }
  }

  /** The settings this pool was made with. */
  public ClientSettings settings() {
    return settings;
  }

  /** The client a virtual user belongs to. */
  public ClientInstance clientFor(long userId) {
    return clients[(int) (userId % clients.length)];
  }

  /** All clients, in index order. */
  public List<ClientInstance> clients() {
    return List.of(clients);
  }

  /** True when the event loop is one of this pool's worker threads. */
  public boolean ownsWorker(io.netty.channel.EventLoop loop) {
    for (ClientInstance client : clients) {
      if (client.ownsWorker(loop)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void close() {
    List<RuntimeException> failures = new ArrayList<>();
    for (ClientInstance client : clients) {
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
