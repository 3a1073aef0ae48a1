package dev.redline.protocol;

import dev.redline.client.Deployment;
import dev.redline.client.RedisServerProcess;
import dev.redline.config.RedisEndpoint;
import java.util.Optional;
import redis.clients.jedis.HostAndPort;

/**
 * Decides which Redis a protocol loads: the endpoint the simulation named, else system property
 * {@code redline.url}, else environment variable {@code REDIS_URL}, else an embedded real
 * redis-server started for this run (one per run, shared by every protocol that names none).
 */
final class EndpointResolver implements AutoCloseable {
  private RedisServerProcess embedded;
  private Thread embeddedStop; // stops it should the JVM end before the run does
  private final java.util.List<String> announcements = new java.util.ArrayList<>();

  synchronized RedisEndpoint resolve(
      Optional<RedisEndpoint> named, String origin, Deployment deployment) {
    if (deployment instanceof Deployment.Cluster cluster) {
      // the cluster's seeds name the servers; the endpoint, if any, only carries the login and TLS
      HostAndPort seed = cluster.seeds().get(0);
      RedisEndpoint login =
          named.orElse(new RedisEndpoint(seed.getHost(), seed.getPort(), null, null, 0, false));
      announcements.add("Redline: using Redis " + deployment.describe(login));
      return login;
    }
    if (deployment instanceof Deployment.Sentinel) {
      RedisEndpoint login =
          named.orElse(
              new RedisEndpoint(
                  "sentinel-primary", RedisEndpoint.DEFAULT_PORT, null, null, 0, false));
      announcements.add("Redline: using Redis " + deployment.describe(login));
      return login;
    }
    if (named.isPresent()) {
      return announce(named.get(), origin);
    }
    String property = System.getProperty("redline.url");
    if (property != null && !property.isBlank()) {
      return announce(RedisEndpoint.parse(property), "from system property redline.url");
    }
    String environment = System.getenv("REDIS_URL");
    if (environment != null && !environment.isBlank()) {
      return announce(RedisEndpoint.parse(environment), "from environment variable REDIS_URL");
    }
    if (embedded == null) {
      embedded = RedisServerProcess.start();
      embeddedStop = new Thread(embedded::close, "redline-embedded-redis-stop");
      Runtime.getRuntime().addShutdownHook(embeddedStop);
      announce(
          embedded.endpoint(),
          "embedded redis-server " + embedded.binary() + ", started for this run");
    }
    return embedded.endpoint();
  }

  private RedisEndpoint announce(RedisEndpoint endpoint, String source) {
    announcements.add("Redline: using Redis at " + endpoint + " (" + source + ")");
    return endpoint;
  }

  /** What was resolved since the last call, as lines to print once the server has answered. */
  synchronized java.util.List<String> takeAnnouncements() {
    java.util.List<String> lines = java.util.List.copyOf(announcements);
    announcements.clear();
    return lines;
  }

  @Override
  public synchronized void close() {
    if (embedded != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(embeddedStop);
      } catch (IllegalStateException shutdownInProgress) {
        // the JVM is ending: its hook may stop the server at the same time, and stopping twice is
        // harmless
      }
      embeddedStop = null;
      embedded.close();
      embedded = null;
    }
  }
}
