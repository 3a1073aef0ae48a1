package dev.redline.simulations;

import dev.redline.config.DeploymentConfig;
import dev.redline.config.RedlineConfig;
import dev.redline.javaapi.RedisDsl;
import dev.redline.javaapi.RedisProtocolBuilder;
import dev.redline.protocol.RunRefusal;
import java.time.Duration;

/**
 * What every ready-made simulation reads, in one style: Redline's configuration, as {@link
 * WorkloadSimulation} reads it — {@code -Dredline.test.duration=60s}, {@code
 * -Dredline.test.client_instances=2}, {@code -Dredline.test.threads_per_client=3}, {@code
 * -Dredline.url=...}, the old runner's {@code TEST_*} variables, or the YAML file of {@code
 * -Dredline.config}. A mistake is one line and a failed run.
 */
final class RunSettings {
  /**
   * How long an {@code unlimited} run lasts unless stopped: a year, so in practice until Ctrl+C.
   */
  static final Duration UNLIMITED = Duration.ofDays(365);

  private final RedlineConfig config;

  private RunSettings(RedlineConfig config) {
    this.config = config;
  }

  /** The settings of this run. */
  static RunSettings load() {
    return new RunSettings(RunRefusal.guard(RedlineConfig::load));
  }

  /** {@code test.duration} (default 30 s; {@code unlimited}: a year, until Ctrl+C). */
  Duration duration() {
    return config.duration().orElse(UNLIMITED);
  }

  /** Virtual users: client_instances × threads_per_client. */
  int users() {
    return config.virtualUsers();
  }

  /**
   * The protocol: client_instances, threads_per_client, connections_per_client, the Redis named
   * (else an embedded one), and the deployment (redis.mode: cluster nodes or sentinels; TLS; RESP).
   */
  RedisProtocolBuilder protocol() {
    RedisProtocolBuilder protocol =
        RedisDsl.redis()
            .clientInstances(config.clientInstances())
            .threadsPerClient(config.threadsPerClient())
            .connectionsPerClient(config.connectionsPerClient());
    RedisProtocolBuilder named =
        config
            .endpoint()
            .map(e -> protocol.url(e.toUrl(), config.endpointOrigin()))
            .orElse(protocol);
    return deployment(named, config.deployment());
  }

  /** The whole configuration (workload, warm-up, target rate, ...). */
  RedlineConfig config() {
    return config;
  }

  /**
   * Mode (cluster nodes, sentinels), TLS and RESP from the config, through the same DSL a
   * simulation uses.
   */
  private static RedisProtocolBuilder deployment(
      RedisProtocolBuilder protocol, DeploymentConfig d) {
    RedisProtocolBuilder p = protocol;
    if (d.mode().equals("cluster")) {
      p = p.cluster(d.clusterNodes().toArray(String[]::new));
    } else if (d.mode().equals("sentinel")) {
      p = p.sentinel(d.sentinelMaster(), d.sentinelNodes().toArray(String[]::new));
      if (d.sentinelUsername() != null || d.sentinelPassword() != null) {
        p = p.sentinelCredentials(d.sentinelUsername(), d.sentinelPassword());
      }
    }
    if (d.tls()) {
      p = p.tls();
    }
    if (d.tlsCaFile() != null) {
      p = p.tlsCaFile(d.tlsCaFile().toString());
    }
    if (d.tlsCertFile() != null) {
      p = p.tlsClientCertificate(d.tlsCertFile().toString(), d.tlsKeyFile().toString());
    }
    if (!d.tlsVerifyHostname()) {
      p = p.tlsVerifyHostname(false);
    }
    if (!d.tlsVersions().isEmpty()) {
      p = p.tlsVersions(d.tlsVersions().toArray(String[]::new));
    }
    if (d.respVersion() != 0) {
      p = p.protocolVersion(d.respVersion());
    }
    return p;
  }
}
