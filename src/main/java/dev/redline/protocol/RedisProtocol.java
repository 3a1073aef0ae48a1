package dev.redline.protocol;

import dev.redline.client.ClientSettings;
import dev.redline.client.Deployment;
import dev.redline.config.RedisEndpoint;
import dev.redline.config.TlsSettings;
import io.gatling.core.CoreComponents;
import io.gatling.core.config.GatlingConfiguration;
import io.gatling.core.protocol.Protocol;
import io.gatling.core.protocol.ProtocolKey;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import scala.Function1;

/**
 * The immutable settings of a Redis protocol, as built by {@code RedisDsl.redis()}.
 *
 * @param endpoint the Redis to load, or empty to use {@code redline.url}, then {@code REDIS_URL},
 *     then an embedded redis-server started for the run
 * @param clientInstances how many clients (each with its own pool and worker threads)
 * @param connectionsPerClient pooled connections per client; empty means threadsPerClient
 * @param threadsPerClient worker threads per client
 * @param connectTimeout how long opening a connection may take
 * @param socketTimeout how long one reply may take
 * @param clientName the CLIENT SETNAME prefix (the client index is appended), or null
 * @param perOpGatlingRecords whether pipelines and transactions write one Gatling record per op
 *     besides the batch record (the microsecond recorder always counts every op)
 * @param backoffMin first delay before a request of a client that is in an outage
 * @param backoffMax largest such delay (the delay doubles per failure, with jitter, up to this)
 * @param retryAttempts how many times a request that failed on the connection is tried again before
 *     it is KO (the setting {@code test.client_retry_attempts}); 0 = never
 * @param startDuringOutage start the load even when Redis cannot be reached at start
 * @param deployment standalone, cluster (seed nodes) or sentinel (master name, sentinels)
 * @param tls TLS options (CA, client certificate, hostname verification, versions)
 * @param respVersion 2 or 3 to say HELLO with that protocol version; 0 for Jedis's default
 * @param endpointOrigin where the endpoint was named, for the start line (e.g. "named by the
 *     simulation", "system property redline.redis.url")
 * @param loginOrigin where the user name and password came from, and any caution about them, for
 *     the message of a refused login; null when the simulation named them
 * @param settingsEcho lines that describe the run's settings, printed once the server has answered
 *     (a refused start prints only its reason)
 * @param throttleTarget the rate in requests per second a Gatling throttle asks of the run, 0 when
 *     unknown (where the time went says whether the run reached it)
 * @param warmup how long the load runs at full rate before measuring starts (nothing of it reaches
 *     either report or the summary); zero to measure from the first request
 * @param metrics what the simulation named of the live metrics' settings (the rest comes from
 *     {@code redline.metrics.*}, the environment and the YAML file)
 * @param baseline the earlier run to compare with, or empty for {@code redline.baseline}
 * @param baselineThreshold what the simulation set of the smallest change worth a verdict, on top
 *     of {@code redline.baseline_threshold}
 */
public record RedisProtocol(
    Optional<RedisEndpoint> endpoint,
    int clientInstances,
    Optional<Integer> connectionsPerClient,
    int threadsPerClient,
    Duration connectTimeout,
    Duration socketTimeout,
    String clientName,
    boolean perOpGatlingRecords,
    Duration backoffMin,
    Duration backoffMax,
    int retryAttempts,
    boolean startDuringOutage,
    Deployment deployment,
    TlsSettings tls,
    int respVersion,
    String endpointOrigin,
    String loginOrigin,
    java.util.List<String> settingsEcho,
    Duration warmup,
    dev.redline.config.MetricsConfig.Overrides metrics,
    Optional<String> baseline,
    dev.redline.config.BaselineThreshold.Overrides baselineThreshold,
    double throttleTarget)
    implements Protocol {

  /** Defaults: 1 client, 1 worker thread, 1 connection, 2 s timeouts, per-op Gatling records. */
  public static RedisProtocol defaults() {
    return new RedisProtocol(
        Optional.empty(),
        1,
        Optional.empty(),
        1,
        Duration.ofSeconds(2),
        Duration.ofSeconds(2),
        "redline",
        true,
        Duration.ofMillis(10),
        Duration.ofMillis(500),
        0,
        false,
        new Deployment.Standalone(),
        TlsSettings.NONE,
        0,
        "named by the simulation",
        null,
        java.util.List.of(),
        Duration.ZERO,
        dev.redline.config.MetricsConfig.Overrides.NONE,
        Optional.empty(),
        dev.redline.config.BaselineThreshold.Overrides.NONE,
        0);
  }

  /** A mutable copy to change some settings of, then {@link Editor#build()} a new protocol. */
  public Editor edit() {
    return new Editor(this);
  }

  /** Changes some settings of a protocol; every other setting stays as it was. */
  public static final class Editor {
    public Optional<RedisEndpoint> endpoint;
    public int clientInstances;
    public Optional<Integer> connectionsPerClient;
    public int threadsPerClient;
    public Duration connectTimeout;
    public Duration socketTimeout;
    public String clientName;
    public boolean perOpGatlingRecords;
    public Duration backoffMin;
    public Duration backoffMax;
    public int retryAttempts;
    public boolean startDuringOutage;
    public Deployment deployment;
    public TlsSettings tls;
    public int respVersion;
    public String endpointOrigin;
    public String loginOrigin;
    public java.util.List<String> settingsEcho;
    public Duration warmup;
    public dev.redline.config.MetricsConfig.Overrides metrics;
    public Optional<String> baseline;
    public dev.redline.config.BaselineThreshold.Overrides baselineThreshold;
    public double throttleTarget;

    private Editor(RedisProtocol p) {
      endpoint = p.endpoint;
      clientInstances = p.clientInstances;
      connectionsPerClient = p.connectionsPerClient;
      threadsPerClient = p.threadsPerClient;
      connectTimeout = p.connectTimeout;
      socketTimeout = p.socketTimeout;
      clientName = p.clientName;
      perOpGatlingRecords = p.perOpGatlingRecords;
      backoffMin = p.backoffMin;
      backoffMax = p.backoffMax;
      retryAttempts = p.retryAttempts;
      startDuringOutage = p.startDuringOutage;
      deployment = p.deployment;
      tls = p.tls;
      respVersion = p.respVersion;
      endpointOrigin = p.endpointOrigin;
      loginOrigin = p.loginOrigin;
      settingsEcho = p.settingsEcho;
      warmup = p.warmup;
      metrics = p.metrics;
      baseline = p.baseline;
      baselineThreshold = p.baselineThreshold;
      throttleTarget = p.throttleTarget;
    }

    /** The protocol with the changed settings. */
    public RedisProtocol build() {
      return new RedisProtocol(
          endpoint,
          clientInstances,
          connectionsPerClient,
          threadsPerClient,
          connectTimeout,
          socketTimeout,
          clientName,
          perOpGatlingRecords,
          backoffMin,
          backoffMax,
          retryAttempts,
          startDuringOutage,
          deployment,
          tls,
          respVersion,
          endpointOrigin,
          loginOrigin,
          settingsEcho,
          warmup,
          metrics,
          baseline,
          baselineThreshold,
          throttleTarget);
    }
  }

  /** What this protocol's clients are made with, on the endpoint resolved for the run. */
  public ClientSettings clientSettings(RedisEndpoint resolved) {
    return new ClientSettings(
        resolved,
        clientInstances,
        effectiveConnectionsPerClient(),
        threadsPerClient,
        connectTimeout,
        socketTimeout,
        clientName,
        deployment,
        tls,
        respVersion,
        backoffMin,
        backoffMax);
  }

  /** Connections per client, defaulting to one per worker thread. */
  public int effectiveConnectionsPerClient() {
    return connectionsPerClient.orElse(threadsPerClient);
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
