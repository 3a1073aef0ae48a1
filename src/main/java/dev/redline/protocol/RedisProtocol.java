package dev.redline.protocol;

import dev.redline.client.ClientSettings;
import dev.redline.client.Deployment;
import dev.redline.config.ClientShape;
import dev.redline.config.ConnectionOptions;
import dev.redline.config.OutagePolicy;
import dev.redline.config.RedisEndpoint;
import dev.redline.config.ReplicaReads;
import io.gatling.core.CoreComponents;
import io.gatling.core.config.GatlingConfiguration;
import io.gatling.core.protocol.Protocol;
import io.gatling.core.protocol.ProtocolKey;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import scala.Function1;

/**
 * The immutable settings of a Redis protocol, as built by {@code RedisDsl.redis()} (the ready
 * simulations build theirs from the settings through the same DSL), in sections that each check
 * their own values.
 *
 * @param endpoint the Redis to load, or empty to use {@code redline.url}, then {@code REDIS_URL},
 *     then an embedded redis-server started for the run
 * @param deployment standalone, cluster (seed nodes) or sentinel (master name, sentinels)
 * @param shape clients, worker threads and connections
 * @param connection timeouts, client name, RESP version, TLS
 * @param outages backoff, retries, and whether to start while Redis is down
 * @param reads where reads go (primary, replicas, any) and the replicas named
 * @param load warm-up, throttle target, Gatling records of batches
 * @param reports what the simulation named of live metrics and the baseline comparison
 * @param origin where the settings came from, and their echo
 */
public record RedisProtocol(
    Optional<RedisEndpoint> endpoint,
    Deployment deployment,
    ClientShape shape,
    ConnectionOptions connection,
    OutagePolicy outages,
    ReplicaReads reads,
    LoadOptions load,
    ReportOptions reports,
    SettingsOrigin origin)
    implements Protocol {

  /** Defaults: 1 client, 1 worker thread, 1 connection, 2 s timeouts, per-op Gatling records. */
  public static RedisProtocol defaults() {
    return new RedisProtocol(
        Optional.empty(),
        new Deployment.Standalone(),
        ClientShape.ONE,
        ConnectionOptions.DEFAULTS,
        OutagePolicy.DEFAULTS,
        ReplicaReads.PRIMARY,
        LoadOptions.DEFAULTS,
        ReportOptions.NONE,
        SettingsOrigin.SIMULATION);
  }

  public RedisProtocol withEndpoint(Optional<RedisEndpoint> to) {
    return new RedisProtocol(
        to, deployment, shape, connection, outages, reads, load, reports, origin);
  }

  public RedisProtocol withDeployment(Deployment to) {
    return new RedisProtocol(
        endpoint, to, shape, connection, outages, reads, load, reports, origin);
  }

  public RedisProtocol withShape(ClientShape to) {
    return new RedisProtocol(
        endpoint, deployment, to, connection, outages, reads, load, reports, origin);
  }

  public RedisProtocol withConnection(ConnectionOptions to) {
    return new RedisProtocol(
        endpoint, deployment, shape, to, outages, reads, load, reports, origin);
  }

  public RedisProtocol withOutages(OutagePolicy to) {
    return new RedisProtocol(
        endpoint, deployment, shape, connection, to, reads, load, reports, origin);
  }

  public RedisProtocol withReads(ReplicaReads to) {
    return new RedisProtocol(
        endpoint, deployment, shape, connection, outages, to, load, reports, origin);
  }

  public RedisProtocol withLoad(LoadOptions to) {
    return new RedisProtocol(
        endpoint, deployment, shape, connection, outages, reads, to, reports, origin);
  }

  public RedisProtocol withReports(ReportOptions to) {
    return new RedisProtocol(
        endpoint, deployment, shape, connection, outages, reads, load, to, origin);
  }

  public RedisProtocol withOrigin(SettingsOrigin to) {
    return new RedisProtocol(
        endpoint, deployment, shape, connection, outages, reads, load, reports, to);
  }

  /** What this protocol's clients are made with, on the endpoint resolved for the run. */
  public ClientSettings clientSettings(RedisEndpoint resolved) {
    return new ClientSettings(
        resolved, deployment, shape, connection, reads, outages.backoffMin(), outages.backoffMax());
  }

  /** How Gatling finds Redline's components for a scenario that uses this protocol. */
  public static final ProtocolKey<RedisProtocol, RedisComponents> KEY = new Key();

  private static final class Key implements ProtocolKey<RedisProtocol, RedisComponents> {
    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Class<Protocol> protocolClass() {
      return (Class) RedisProtocol.class;
    }

    @Override
    public RedisProtocol defaultProtocolValue(GatlingConfiguration configuration) {
      return defaults();
    }

    @Override
    public Function1<RedisProtocol, RedisComponents> newComponents(CoreComponents coreComponents) {
      // Called once per run: the run's shared state is made here, pools once per protocol value.
      RedlineRun run = RedlineRun.start(coreComponents);
      Map<RedisProtocol, RedisComponents> byProtocol = new ConcurrentHashMap<>();
      return protocol -> byProtocol.computeIfAbsent(protocol, run::components);
    }
  }
}
