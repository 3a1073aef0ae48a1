package dev.redline.simulations;

import java.time.Duration;

/** The knobs every ready-made simulation reads from system properties. */
final class RunSettings {
  private RunSettings() {}

  /** {@code -Dredline.duration=<seconds>}, default 30. */
  static Duration duration() {
    return Duration.ofSeconds(positive("redline.duration", 30));
  }

  /** {@code -Dredline.clientInstances=<n>}, default 2. */
  static int clientInstances() {
    return positive("redline.clientInstances", 2);
  }

  /** {@code -Dredline.threadsPerClient=<n>}, default 3. */
  static int threadsPerClient() {
    return positive("redline.threadsPerClient", 3);
  }

  /** The protocol both ready-made simulations use: no url(), so redline.url, REDIS_URL or embedded. */
  static dev.redline.javaapi.RedisProtocolBuilder protocol() {
    return dev.redline.javaapi.RedisDsl.redis().clientInstances(clientInstances()).threadsPerClient(threadsPerClient());
  }

  /** Virtual users: clientInstances × threadsPerClient. */
  static int users() {
    return clientInstances() * threadsPerClient();
  }

  private static int positive(String property, int defaultValue) {
    String text = System.getProperty(property);
    if (text == null || text.isBlank()) {
      return defaultValue;
    }
    try {
      int value = Integer.parseInt(text.strip());
      if (value > 0) {
        return value;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new IllegalArgumentException("-D" + property + "=" + text + " is not allowed: give a whole number of at least 1");
  }
}
