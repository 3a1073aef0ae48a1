package dev.redline.javaapi;

import dev.redline.client.Deployment;
import dev.redline.config.BaselineThreshold;
import dev.redline.config.Metric;
import dev.redline.config.ReadFrom;
import dev.redline.config.RedisEndpoint;
import dev.redline.config.TlsSettings;
import dev.redline.protocol.RedisProtocol;
import io.gatling.core.protocol.Protocol;
import io.gatling.javaapi.core.ProtocolBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import redis.clients.jedis.HostAndPort;

/**
 * The Redis protocol: which Redis, and the client pool's shape. Immutable — every method returns a
 * new builder. Made with {@link RedisDsl#redis()}.
 *
 * <pre>{@code
 * RedisProtocolBuilder redis = redis()
 *     .url("redis://app:secret@cache.internal:6379/0")
 *     .clientInstances(2).connectionsPerClient(5).threadsPerClient(3)
 *     .socketTimeout(Duration.ofMillis(500));
 * setUp(scn.injectClosed(constantConcurrentUsers(6).during(30))).protocols(redis);
 * }</pre>
 *
 * <p>Virtual users are spread over the clients: user {@code u} uses client {@code u %
 * clientInstances}, and within it one of its {@code threadsPerClient} worker threads, so {@code
 * clientInstances × threadsPerClient} users keep every worker busy.
 */
public final class RedisProtocolBuilder implements ProtocolBuilder {
  private final RedisProtocol protocol;

  RedisProtocolBuilder() {
    this(RedisProtocol.defaults());
  }

  private RedisProtocolBuilder(RedisProtocol protocol) {
    this.protocol = protocol;
  }

  /**
   * The Redis to load, as {@code redis://[user:password@]host:port[/db]} ({@code rediss://} for
   * TLS).
   *
   * <pre>{@code redis().url("redis://localhost:6379")}</pre>
   *
   * @throws IllegalArgumentException if the URL is malformed, naming what is wrong
   */
  public RedisProtocolBuilder url(String url) {
    RedisDslError.notNull(url, "redis().url(...)");
    try {
      return withNewLogin(Optional.of(RedisEndpoint.parse(url)));
    } catch (IllegalArgumentException e) {
      throw new RedisDslError("redis().url(...): " + e.getMessage());
    }
  }

  /**
   * The Redis to load, and where its URL came from, which the start line names instead of "named by
   * the simulation" (for simulations that read the URL from their own settings).
   *
   * <pre>{@code redis().url(System.getenv("CACHE_URL"), "environment variable CACHE_URL")}</pre>
   */
  public RedisProtocolBuilder url(String url, String origin) {
    RedisProtocolBuilder withUrl = url(url);
    return withUrl.with(p -> p.withOrigin(p.origin().withEndpointOrigin(origin)));
  }

  /**
   * The Redis host (port 6379 unless {@link #port(int)} says otherwise).
   *
   * <pre>{@code redis().host("10.0.0.5").port(6380)}</pre>
   */
  public RedisProtocolBuilder host(String host) {
    RedisEndpoint e = endpointOrLocal();
    return with(
        Optional.of(
            new RedisEndpoint(host, e.port(), e.username(), e.password(), e.database(), e.tls())));
  }

  /**
   * The Redis port, 1 to 65535.
   *
   * <pre>{@code redis().host("localhost").port(6380)}</pre>
   */
  public RedisProtocolBuilder port(int port) {
    RedisEndpoint e = endpointOrLocal();
    return with(
        Optional.of(
            new RedisEndpoint(e.host(), port, e.username(), e.password(), e.database(), e.tls())));
  }

  /**
   * The ACL user name (with {@link #password(String)}).
   *
   * <pre>
   * {@code redis().host("localhost").username("loadtest").password(System.getenv("REDIS_PASSWORD"))}
   * </pre>
   */
  public RedisProtocolBuilder username(String username) {
    RedisEndpoint e = endpointOrLocal();
    return withNewLogin(Optional.of(e.withCredentials(username, e.password())));
  }

  /**
   * The password (AUTH). Never printed: settings echoes and reports show {@code ***}.
   *
   * <pre>{@code redis().host("localhost").password(System.getenv("REDIS_PASSWORD"))}</pre>
   */
  public RedisProtocolBuilder password(String password) {
    RedisEndpoint e = endpointOrLocal();
    return withNewLogin(Optional.of(e.withCredentials(e.username(), password)));
  }

  /**
   * The database number (SELECT).
   *
   * <pre>{@code redis().host("localhost").database(2)}</pre>
   */
  public RedisProtocolBuilder database(int database) {
    return with(Optional.of(endpointOrLocal().withDatabase(database)));
  }

  /**
   * How many clients, each with its own connection pool and worker threads (default 1).
   *
   * <pre>{@code redis().clientInstances(4)}</pre>
   */
  public RedisProtocolBuilder clientInstances(int clientInstances) {
    return with(p -> p.withShape(p.shape().withClientInstances(clientInstances)));
  }

  /**
   * Pooled connections per client (default: one per worker thread). Fewer connections than threads
   * makes threads wait for a connection, as an undersized application pool would.
   *
   * <pre>{@code redis().threadsPerClient(8).connectionsPerClient(4)}</pre>
   */
  public RedisProtocolBuilder connectionsPerClient(int connectionsPerClient) {
    return with(p -> p.withShape(p.shape().withConnectionsPerClient(connectionsPerClient)));
  }

  /**
   * Worker threads per client: how many blocking Jedis calls one client runs at once (default 1).
   *
   * <pre>
   * {@code redis().clientInstances(2).threadsPerClient(3)   // 6 users keep all 6 workers busy}
   * </pre>
   */
  public RedisProtocolBuilder threadsPerClient(int threadsPerClient) {
    return with(p -> p.withShape(p.shape().withThreadsPerClient(threadsPerClient)));
  }

  /**
   * How long opening a connection may take before the request is KO (default 2 s).
   *
   * <pre>{@code redis().connectTimeout(Duration.ofMillis(500))}</pre>
   */
  public RedisProtocolBuilder connectTimeout(Duration connectTimeout) {
    return with(p -> p.withConnection(p.connection().withConnectTimeout(connectTimeout)));
  }

  /**
   * How long one reply may take before the request is KO with code TIMEOUT (default 2 s).
   *
   * <pre>{@code redis().socketTimeout(Duration.ofMillis(250))}</pre>
   */
  public RedisProtocolBuilder socketTimeout(Duration socketTimeout) {
    return with(p -> p.withConnection(p.connection().withSocketTimeout(socketTimeout)));
  }

  /**
   * The connection name prefix shown by CLIENT LIST (the client index is appended; default
   * "redline").
   *
   * <pre>{@code redis().clientName("checkout-load")}</pre>
   */
  public RedisProtocolBuilder clientName(String clientName) {
    return with(p -> p.withConnection(p.connection().withClientName(clientName)));
  }

  /**
   * Pipelines and transactions write only their batch entry to Gatling's report, not one entry per
   * command. Use it at high rates: Gatling's report generation slows with the number of records.
   * Redline's microsecond report still counts every command.
   *
   * <pre>{@code redis().batchOnlyGatlingRecords()}</pre>
   */
  public RedisProtocolBuilder batchOnlyGatlingRecords() {
    return with(p -> p.withLoad(p.load().batchOnlyGatlingRecords()));
  }

  @Override
  public Protocol protocol() {
    return protocol;
  }

  /**
   * Backoff while a client is in an outage: its next request waits {@code min}, doubling per
   * consecutive connection failure up to {@code max}, with jitter (default 10 ms to 500 ms). Keeps
   * workers from spinning against a server that is down.
   *
   * <pre>{@code redis().backoff(Duration.ofMillis(20), Duration.ofSeconds(1))}</pre>
   */
  public RedisProtocolBuilder backoff(Duration min, Duration max) {
    return with(p -> p.withOutages(p.outages().withBackoff(min, max)));
  }

  /**
   * Tries a request that failed on the connection (CONNECTION, TIMEOUT, ...) again, up to {@code
   * attempts} times, as an application with client retries would; the request is KO only when every
   * attempt failed, and its time includes the retries. Retries are counted in the summary. Default
   * 0.
   *
   * <pre>{@code redis().retryAttempts(3)}</pre>
   */
  public RedisProtocolBuilder retryAttempts(int attempts) {
    return with(p -> p.withOutages(p.outages().withRetryAttempts(attempts)));
  }

  /**
   * Lines that describe the run's settings, printed when the server has answered the start check (a
   * run refused at start prints only its one-line reason). The ready WorkloadSimulation prints its
   * effective settings and where each came from this way.
   *
   * <pre>{@code redis().settingsEcho(List.of("  profile basic_rw", "  users 6"))}</pre>
   */
  public RedisProtocolBuilder settingsEcho(java.util.List<String> lines) {
    return with(p -> p.withOrigin(p.origin().withEcho(lines)));
  }

  /** Where the settings' login came from, said when the server refuses it (the ready runner's). */
  public RedisProtocolBuilder loginOrigin(String origin) {
    return with(p -> p.withOrigin(p.origin().withLoginOrigin(origin)));
  }

  /**
   * The rate the simulation's Gatling throttle asks for, in requests per second, so that "where the
   * time went" says whether the run reached it (the ready simulations set it from {@code
   * test.target_ops_per_second}). It paces nothing itself: Gatling's {@code throttle} does.
   *
   * <pre>{@code redis().throttleTarget(2000)}</pre>
   *
   * @param requestsPerSecond the throttle's target, above 0
   * @return a new protocol builder
   */
  public RedisProtocolBuilder throttleTarget(double requestsPerSecond) {
    if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
      throw new RedisDslError("throttleTarget must be above 0, got " + requestsPerSecond);
    }
    return with(p -> p.withLoad(p.load().withThrottleTarget(requestsPerSecond)));
  }

  /**
   * Runs the load at full rate for {@code warmup} before measuring starts: the JVM compiles
   * Gatling, Jedis and Redline and the connections open, and none of it counts in Gatling's report,
   * Redline's report or the summary (the console says when measuring starts). The commandstats
   * cross-check still covers the whole run, warm-up included, and says so. A short run without a
   * warm-up is pulled down by its first seconds.
   *
   * <pre>{@code redis().warmup(Duration.ofSeconds(5))}</pre>
   */
  public RedisProtocolBuilder warmup(Duration warmup) {
    if (warmup == null || warmup.isNegative()) {
      throw new RedisDslError("warmup must be zero or more, got " + warmup);
    }
    return with(p -> p.withLoad(p.load().withWarmup(warmup)));
  }

  /**
   * Compares this run with an earlier one, request by request (throughput, p50, p90, p99, p99.9,
   * failed share), in Redline's report, on the console and in {@code summary.json}; a change is
   * "slower" or "faster" only when it is larger than both the threshold and the noise the two runs'
   * own per-second values show. Assertions can then read the change: {@code GET p99 vs baseline <
   * +20%}. Unset, {@code redline.baseline} (or {@code REDLINE_BASELINE}) names it.
   *
   * <pre>{@code redis().baseline("target/baseline/redline")}</pre>
   *
   * @param runFolder an earlier run's folder, Redline's report folder, its summary.json or its
   *     histograms.hlog (a merged run's too)
   * @return a new protocol builder
   */
  public RedisProtocolBuilder baseline(String runFolder) {
    RedisDslError.notNull(runFolder, "the baseline's folder");
    return with(p -> p.withReports(p.reports().withBaseline(runFolder)));
  }

  /**
   * The smallest change, in percent, that the comparison with the baseline calls "slower" or
   * "faster", for every metric without a threshold of its own (default 10, or {@code
   * redline.baseline_threshold}; the metrics that setting gives a threshold of their own keep it).
   * A fall beats it as the same ratio the other way round: 10 % is a rise above +10 % or a fall
   * below −9.1 %.
   *
   * <pre>{@code redis().baseline("target/baseline").baselineThreshold(15)}</pre>
   *
   * @param percent from 0 to 1000
   * @return a new protocol builder
   */
  public RedisProtocolBuilder baselineThreshold(double percent) {
    BaselineThreshold.Overrides set;
    try {
      set = protocol.reports().baselineThreshold().withPct(percent);
    } catch (IllegalArgumentException e) {
      throw new RedisDslError(
          "baselineThreshold takes a percentage from 0 to 1000: " + e.getMessage());
    }
    return with(p -> p.withReports(p.reports().withBaselineThreshold(set)));
  }

  /**
   * A threshold of its own for one metric of the comparison with the baseline: a short run's p99.9
   * moves between runs of the same build far more than its p50, so a gate tight at p50 leaves room
   * at the tail.
   *
   * <pre>{@code redis().baselineThreshold(10).baselineThreshold("p99.9", 100)}</pre>
   *
   * @param metric {@code ops_per_sec}, {@code p50}, {@code p90}, {@code p99} or {@code p99.9}
   * @param percent from 0 to 1000
   * @return a new protocol builder
   */
  public RedisProtocolBuilder baselineThreshold(String metric, double percent) {
    RedisDslError.notNull(metric, "the metric");
    Metric named = Metric.of(metric);
    if (named == null) {
      throw new RedisDslError(
          "baselineThreshold: unknown metric '"
              + metric
              + "': one of ops_per_sec, p50, p90, p99, p99.9");
    }
    BaselineThreshold.Overrides set;
    try {
      set = protocol.reports().baselineThreshold().with(named, percent);
    } catch (IllegalArgumentException e) {
      throw new RedisDslError(
          "baselineThreshold takes a percentage from 0 to 1000 for "
              + metric
              + ": "
              + e.getMessage());
    }
    return with(p -> p.withReports(p.reports().withBaselineThreshold(set)));
  }

  /**
   * Sends the run's live metrics to an OpenTelemetry collector and/or serves them to Prometheus
   * while it runs (instruments {@code redis_operations_total}, {@code redis_operation_duration},
   * ...). Settings it does not name come from {@code -Dredline.metrics.*} and the environment, so a
   * run can also be pointed at a collector without touching the simulation.
   *
   * <pre>
   * {@code redis().metrics(metrics().otlp("http://localhost:4317").every(Duration.ofSeconds(5)))}
   * </pre>
   *
   * @param metrics where the metrics go, made with {@link RedisDsl#metrics()}
   * @return a new protocol builder
   */
  public RedisProtocolBuilder metrics(RedisMetricsBuilder metrics) {
    return with(p -> p.withReports(p.reports().withMetrics(metrics.named())));
  }

  /**
   * Starts the load even when Redis cannot be reached at start (for rehearsals that begin
   * mid-outage); by default such a run stops at once with the endpoint and the cause.
   *
   * <pre>{@code redis().startDuringOutage()}</pre>
   */
  public RedisProtocolBuilder startDuringOutage() {
    return with(p -> p.withOutages(p.outages().startingDuringOutage()));
  }

  /**
   * Where reads go: {@code "primary"} (the default: every command to the primary), {@code
   * "replica"} (reads spread evenly over the replicas) or {@code "any"} (over the primary and its
   * replicas). A read is a command the server flags {@code readonly} in its {@code COMMAND} reply;
   * writes, transactions and pipelines with a write in them go to the primary. The replicas are
   * found at the start: {@code INFO replication} of one primary (or those named with {@link
   * #replicas(String...)}), the sentinels' {@code SENTINEL REPLICAS}, a cluster's slot map. The
   * report shows each node's share of the reads and the replicas' replication lag.
   *
   * <pre>{@code redis().url("redis://10.0.0.1:6379").readFrom("replica")}</pre>
   *
   * @throws RedisDslError for any other value
   */
  public RedisProtocolBuilder readFrom(String where) {
    ReadFrom readFrom;
    try {
      readFrom = ReadFrom.parse(where);
    } catch (IllegalArgumentException e) {
      throw new RedisDslError("readFrom(...): " + e.getMessage());
    }
    return with(p -> p.withReads(p.reads().withReadFrom(readFrom)));
  }

  /**
   * Names the replicas of a standalone primary that {@link #readFrom(String)} reads from, instead
   * of the ones its {@code INFO replication} lists (a replica behind NAT announces an address the
   * load generator cannot reach). Each must be a replica, not the primary.
   *
   * <pre>{@code redis().url("redis://10.0.0.1:6379").readFrom("replica").replicas("10.0.0.2:6379")}
   * </pre>
   *
   * @param nodes replicas as {@code host:port}
   */
  public RedisProtocolBuilder replicas(String... nodes) {
    List<HostAndPort> named;
    try {
      named = Deployment.parseAddresses(List.of(nodes));
    } catch (IllegalArgumentException e) {
      throw new RedisDslError("replicas(...): " + e.getMessage());
    }
    return with(p -> p.withReads(p.reads().withNamed(named)));
  }

  /**
   * Loads a Redis Cluster: each client instance is a Jedis cluster client with its own pool per
   * node, discovering the cluster from these seed nodes. Commands go to the primary of their key's
   * slot; MOVED and ASK are followed. Credentials and TLS come from {@link #url(String)}, {@link
   * #username(String)}, {@link #password(String)} and the TLS options.
   *
   * <pre>
   * {@code redis().cluster("10.0.0.1:7000", "10.0.0.2:7001").password(System.getenv("REDIS_PASSWORD"))}
   * </pre>
   *
   * <p>Multi-key commands and transactions need keys of one slot (a hash tag such as {@code
   * {user1}:a}); otherwise they are KO with {@code CROSSSLOT}.
   *
   * @param nodes seed nodes as {@code host:port}; none means the host and port of {@link
   *     #url(String)}
   */
  public RedisProtocolBuilder cluster(String... nodes) {
    List<HostAndPort> seeds;
    if (nodes.length == 0) {
      RedisEndpoint e =
          protocol
              .endpoint()
              .orElseThrow(
                  () ->
                      new RedisDslError(
                          "cluster() without nodes takes the seed node from url() or host()/port(); give one of them first, or the nodes"));
      seeds = List.of(new HostAndPort(e.host(), e.port()));
    } else {
      seeds = Deployment.parseAddresses(List.of(nodes));
    }
    return with(p -> p.withDeployment(new Deployment.Cluster(seeds)));
  }

  /**
   * Loads the primary that sentinels monitor under {@code masterName}, following a failover to the
   * new primary (requests are KO only while there is none). Credentials, database and TLS of the
   * data nodes come from {@link #url(String)} or {@link #username(String)}/{@link
   * #password(String)}; the sentinels' own with {@link #sentinelCredentials(String, String)}.
   *
   * <pre>{@code redis().sentinel("mymaster", "10.0.0.1:26379", "10.0.0.2:26379", "10.0.0.3:26379")}
   * </pre>
   *
   * @param masterName the name the sentinels monitor the primary under
   * @param sentinels sentinel addresses as {@code host:port}, at least one
   */
  public RedisProtocolBuilder sentinel(String masterName, String... sentinels) {
    Deployment.Sentinel sentinel =
        new Deployment.Sentinel(
            masterName, Deployment.parseAddresses(List.of(sentinels)), null, null);
    return with(p -> p.withDeployment(sentinel));
  }

  /**
   * The ACL user and password of the sentinels themselves (when they require AUTH); either may be
   * null.
   *
   * <pre>
   * {@code redis().sentinel("mymaster", "10.0.0.1:26379").sentinelCredentials(null, System.getenv("SENTINEL_PASSWORD"))}
   * </pre>
   */
  public RedisProtocolBuilder sentinelCredentials(String username, String password) {
    if (!(protocol.deployment() instanceof Deployment.Sentinel sentinel)) {
      throw new RedisDslError(
          "sentinelCredentials() applies to a sentinel deployment: call sentinel(...) first");
    }
    return with(p -> p.withDeployment(sentinel.withSentinelCredentials(username, password)));
  }

  /**
   * Speaks TLS even with a {@code redis://} URL (a {@code rediss://} URL or any other TLS option
   * also turns it on). Without {@link #tlsCaFile(String)} the JDK's trusted CAs are used.
   *
   * <pre>{@code redis().host("cache.internal").port(6380).tls()}</pre>
   */
  public RedisProtocolBuilder tls() {
    return withTls(tls -> tls.on());
  }

  /**
   * Trusts the certificate authorities in a PEM file (e.g. Redis's {@code tls-ca-cert-file}); turns
   * TLS on.
   *
   * <pre>{@code redis().url("rediss://cache.internal:6380").tlsCaFile("certs/ca.crt")}</pre>
   *
   * @throws IllegalArgumentException if the file cannot be read
   */
  public RedisProtocolBuilder tlsCaFile(String caFile) {
    return withTls(tls -> tls.withCaFile(Path.of(caFile)));
  }

  /**
   * Presents a client certificate (mutual TLS, for servers with {@code tls-auth-clients yes});
   * turns TLS on.
   *
   * <pre>
   * {@code redis().url("rediss://cache.internal:6380").tlsCaFile("ca.crt").tlsClientCertificate("client.crt", "client.key")}
   * </pre>
   *
   * @param certFile PEM certificate (chain)
   * @param keyFile PEM PKCS#8 private key ("BEGIN PRIVATE KEY"); convert an RSA key with {@code
   *     openssl pkcs8 -topk8 -nocrypt -in client.key -out client.pk8.key}
   */
  public RedisProtocolBuilder tlsClientCertificate(String certFile, String keyFile) {
    return withTls(tls -> tls.withClientCertificate(Path.of(certFile), Path.of(keyFile)));
  }

  /**
   * Whether the server certificate must name the host connected to (default true); turns TLS on.
   * Switch it off only for servers reached by an address their certificate does not name.
   *
   * <pre>{@code redis().url("rediss://10.0.0.5:6380").tlsCaFile("ca.crt").tlsVerifyHostname(false)}
   * </pre>
   */
  public RedisProtocolBuilder tlsVerifyHostname(boolean verify) {
    return withTls(tls -> tls.withVerifyHostname(verify));
  }

  /**
   * The TLS versions allowed ({@code TLSv1.2}, {@code TLSv1.3}); default the JDK's. Turns TLS on.
   *
   * <pre>{@code redis().url("rediss://cache.internal:6380").tlsVersions("TLSv1.3")}</pre>
   */
  public RedisProtocolBuilder tlsVersions(String... versions) {
    return withTls(tls -> tls.withProtocols(List.of(versions)));
  }

  /**
   * The RESP protocol version connections speak: 3 sends {@code HELLO 3} on connect, 2 sends {@code
   * HELLO 2}. By default, as Jedis, no HELLO (RESP2). Replies that RESP3 types as maps reach checks
   * as {@code Map}s.
   *
   * <pre>{@code redis().protocolVersion(3)}</pre>
   */
  public RedisProtocolBuilder protocolVersion(int version) {
    if (version != 2 && version != 3) { // 0, Jedis's default, is the absence of this call
      throw new RedisDslError("protocolVersion must be 2 or 3, got " + version);
    }
    return with(p -> p.withConnection(p.connection().withRespVersion(version)));
  }

  /**
   * The builder of the protocol {@code change} makes; a value its section refuses is a DSL error
   * with the section's message.
   */
  private RedisProtocolBuilder with(UnaryOperator<RedisProtocol> change) {
    try {
      return new RedisProtocolBuilder(change.apply(protocol));
    } catch (IllegalArgumentException e) {
      throw new RedisDslError(e.getMessage());
    }
  }

  /** TLS options change outside {@link #with}: their own refusals stay as TlsSettings says them. */
  private RedisProtocolBuilder withTls(UnaryOperator<TlsSettings> change) {
    TlsSettings next = change.apply(protocol.connection().tls());
    return with(p -> p.withConnection(p.connection().withTls(next)));
  }

  private RedisProtocolBuilder with(Optional<RedisEndpoint> endpoint) {
    return with(p -> p.withEndpoint(endpoint));
  }

  /**
   * The endpoint with a login the simulation named: the settings' origin of the old one is gone.
   */
  private RedisProtocolBuilder withNewLogin(Optional<RedisEndpoint> endpoint) {
    return with(p -> p.withEndpoint(endpoint).withOrigin(p.origin().withLoginOrigin(null)));
  }

  private RedisEndpoint endpointOrLocal() {
    return protocol
        .endpoint()
        .orElseGet(
            () -> new RedisEndpoint("localhost", RedisEndpoint.DEFAULT_PORT, null, null, 0, false));
  }
}
