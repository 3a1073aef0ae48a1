package dev.redline.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The one validated configuration of a config-driven run, built from, highest first: system
 * properties ({@code -Dredline.<path>}), environment variables, the YAML file ({@code
 * -Dredline.config} or {@code REDLINE_CONFIG}), the profile's own settings, built-in defaults. Only
 * values a layer actually sets override the layers below.
 *
 * @param endpoint the Redis named by the config, or empty (then redline.url / REDIS_URL / embedded)
 * @param appName the app name for the summary
 * @param clientInstances clients
 * @param connectionsPerClient connections per client
 * @param threadsPerClient worker threads (and virtual users) per client
 * @param duration how long to measure; empty for unlimited (until Ctrl+C)
 * @param warmup how long the load runs before the duration starts, unmeasured
 * @param targetOpsPerSecond requests per second through Gatling's throttle; 0 for as fast as
 *     possible
 * @param retryAttempts client retries of requests that failed on the connection
 * @param startDuringOutage whether to start even when Redis is unreachable at start
 * @param batchOnlyGatlingRecords whether pipelines and transactions give Gatling only their batch
 *     record
 * @param workload the workload settings
 * @param deployment the deployment mode, TLS and RESP settings
 * @param origins where each effective setting came from, by path (for the echo)
 * @param cautions what a layer noticed of an effective setting that may explain a failure, by path
 *     (said only on that failure)
 * @param echo the effective settings as text lines, secrets redacted
 * @param gate the microsecond assertions and the baseline to compare with
 */
public record RedlineConfig(
    Optional<RedisEndpoint> endpoint,
    String appName,
    int clientInstances,
    int connectionsPerClient,
    int threadsPerClient,
    Optional<Duration> duration,
    Duration warmup,
    int targetOpsPerSecond,
    int retryAttempts,
    boolean startDuringOutage,
    boolean batchOnlyGatlingRecords,
    WorkloadConfig workload,
    DeploymentConfig deployment,
    Map<String, String> origins,
    Map<String, String> cautions,
    List<String> echo,
    GateConfig gate) {

  /** Built-in defaults, the lowest layer. */
  static final Map<String, Object> DEFAULTS =
      Map.ofEntries(
          Map.entry("app_name", "redline"),
          Map.entry("test.client_instances", 1),
          Map.entry("test.threads_per_client", 1),
          Map.entry("test.duration", "30s"),
          Map.entry("test.warmup", "0"),
          Map.entry("test.target_ops_per_second", 0),
          Map.entry("test.client_retry_attempts", 0),
          Map.entry("test.start_during_outage", false),
          Map.entry("test.gatling_records", "per_op"),
          Map.entry("test.workload.profile", "basic_rw"),
          Map.entry("test.workload.key_prefix", "redline"),
          Map.entry("test.workload.key_range", 10_000),
          Map.entry("test.workload.key_pattern", "uniform"),
          Map.entry("test.workload.value_size", 100),
          Map.entry("test.workload.pipeline_size", 10),
          Map.entry("test.workload.transaction_size", 5),
          Map.entry("test.workload.pubsub_channels", List.of("channel1", "channel2", "channel3")),
          Map.entry("test.workload.verify", false),
          Map.entry("test.workload.seed", 42));

  /** Loads from this JVM's system properties and environment. */
  public static RedlineConfig load() {
    return load(System.getProperties(), System.getenv());
  }

  /** Loads from the given system properties and environment (tests pass their own). */
  public static RedlineConfig load(Properties properties, Map<String, String> environment) {
    List<String> notes = new ArrayList<>();
    RedlineConfig config = build(mergedLayers(properties, environment, notes));
    config.echo.addAll(0, notes);
    return config;
  }

  /**
   * Every layer's raw values merged, highest layer winning, nothing parsed but the profile's name.
   */
  static Map<String, ConfigValue> mergedLayers(
      Properties properties, Map<String, String> environment) {
    return mergedLayers(properties, environment, new ArrayList<>());
  }

  private static Map<String, ConfigValue> mergedLayers(
      Properties properties, Map<String, String> environment, List<String> notes) {
    List<ConfigLayer> layers = new ArrayList<>();
    layers.add(ConfigLayer.fromMap("built-in default", DEFAULTS));
    String file = properties.getProperty("redline.config", environment.get("REDLINE_CONFIG"));
    ConfigLayer yaml = file == null || file.isBlank() ? null : YamlConfigFile.read(Path.of(file));
    if (yaml != null && yaml.values().isEmpty()) {
      notes.add(
          "  "
              + Path.of(file).toAbsolutePath()
              + " holds no settings (all commented out?): the values below come from elsewhere");
    }
    ConfigLayer env = ConfigLayer.fromEnvironment(environment);
    ConfigLayer system = ConfigLayer.fromSystemProperties(properties);

    // the profile's own settings sit just above the defaults; which profile is itself a setting
    Map<String, ConfigValue> withoutProfile = merge(layers, yaml, env, system);
    String profile = TestKeys.PROFILE.parse(withoutProfile.get(TestKeys.PROFILE.path()));
    layers.add(ConfigLayer.fromMap("profile " + profile, ProfileDefaults.of(profile)));
    return merge(layers, yaml, env, system);
  }

  private static Map<String, ConfigValue> merge(
      List<ConfigLayer> below, ConfigLayer yaml, ConfigLayer env, ConfigLayer system) {
    Map<String, ConfigValue> merged = new LinkedHashMap<>();
    below.forEach(layer -> over(merged, layer));
    if (yaml != null) {
      over(merged, yaml);
    }
    over(merged, env);
    over(merged, system);
    return merged;
  }

  /**
   * Puts a layer over those below it. A URL overrides what it says itself: a host and port set
   * below it (a leftover REDIS_HOST beneath {@code -Dredline.redis.url}) do not rewrite it, nor do
   * credentials or a database set below a URL that carries its own. Credentials below a URL without
   * any (a password kept in the YAML file or REDIS_PASSWORD, out of the command line) apply, and
   * parts set beside the URL or above it always do.
   */
  private static void over(Map<String, ConfigValue> merged, ConfigLayer layer) {
    ConfigValue url = layer.values().get("redis.url");
    if (url != null) {
      merged.remove("redis.host");
      merged.remove("redis.port");
      RedisEndpoint endpoint;
      try {
        endpoint = RedisEndpoint.parse(String.valueOf(url.raw()).strip());
      } catch (RuntimeException malformed) {
        endpoint = null; // refused with its own message when the URL is parsed as a setting
      }
      if (endpoint == null || endpoint.username() != null || endpoint.password() != null) {
        merged.remove("redis.username");
        merged.remove("redis.password");
      }
      if (endpoint == null || endpoint.database() != 0) {
        merged.remove("redis.db");
      }
    }
    merged.putAll(layer.values());
  }

  private static RedlineConfig build(Map<String, ConfigValue> merged) {
    ParsedSettings settings = ParsedSettings.parse(merged, ConfigKeys.ALL);
    Map<String, String> cautions = new LinkedHashMap<>();
    List<String> echo = new ArrayList<>();
    for (ConfigKey<?> key : ConfigKeys.ALL) {
      if (!settings.has(key)) {
        continue;
      }
      ConfigValue value = merged.get(key.path());
      if (value.caution() != null) {
        cautions.put(key.path(), value.caution());
      }
      Object parsed = settings.get(key);
      String shown =
          key.secret() ? (parsed instanceof RedisEndpoint e ? e.toString() : "***") : show(parsed);
      echo.add(String.format("  %-32s %-28s (%s)", key.path(), shown, settings.origin(key)));
    }
    Optional<RedisEndpoint> endpoint = endpoint(settings);
    int clients = settings.get(TestKeys.CLIENT_INSTANCES);
    int threads = settings.get(TestKeys.THREADS_PER_CLIENT);
    int connections = settings.getOrDefault(TestKeys.CONNECTIONS_PER_CLIENT, threads);
    WorkloadConfig workload = WorkloadConfig.from(settings);
    String overBudget = WorkerBudget.violation(clients, threads, connections);
    if (overBudget != null) {
      throw new ConfigError(overBudget);
    }
    // requests in flight at once: one per worker thread
    HeapBudget.check(
        workload,
        Math.min(clients * threads, WorkerBudget.maxWorkers()),
        Runtime.getRuntime().maxMemory(),
        settings);
    return new RedlineConfig(
        endpoint,
        settings.get(ConfigKeys.APP_NAME),
        clients,
        connections,
        threads,
        settings.get(TestKeys.DURATION),
        settings.get(TestKeys.WARMUP),
        settings.get(TestKeys.TARGET_OPS_PER_SECOND),
        settings.get(TestKeys.CLIENT_RETRY_ATTEMPTS),
        settings.get(TestKeys.START_DURING_OUTAGE),
        "batch_only".equals(settings.get(TestKeys.GATLING_RECORDS)),
        workload,
        DeploymentConfig.from(settings),
        settings.originsByPath(),
        cautions,
        echo,
        GateConfig.of(settings));
  }

  private static Optional<RedisEndpoint> endpoint(ParsedSettings settings) {
    RedisEndpoint url = settings.get(RedisKeys.URL);
    boolean pieces =
        settings.has(RedisKeys.HOST)
            || settings.has(RedisKeys.PORT)
            || settings.has(RedisKeys.USERNAME)
            || settings.has(RedisKeys.PASSWORD)
            || settings.has(RedisKeys.DB);
    if (url == null && !pieces) {
      return Optional.empty();
    }
    RedisEndpoint base =
        url != null
            ? url
            : new RedisEndpoint("localhost", RedisEndpoint.DEFAULT_PORT, null, null, 0, false);
    String host = settings.getOrDefault(RedisKeys.HOST, base.host());
    int port = settings.getOrDefault(RedisKeys.PORT, base.port());
    String user = settings.getOrDefault(RedisKeys.USERNAME, base.username());
    String password = settings.getOrDefault(RedisKeys.PASSWORD, base.password());
    int db = settings.getOrDefault(RedisKeys.DB, base.database());
    return Optional.of(new RedisEndpoint(host, port, user, password, db, base.tls()));
  }

  private static String show(Object value) {
    if (value instanceof List<?> list
        && !list.isEmpty()
        && list.get(0) instanceof MicrosAssertion) {
      return String.join("; ", list.stream().map(a -> ((MicrosAssertion) a).text()).toList());
    }
    if (value instanceof Duration d) {
      return d.isZero() ? "0 (none)" : Durations.describe(d);
    }
    if (value instanceof Optional<?> o) {
      return o.map(d -> Durations.describe((Duration) d)).orElse("unlimited");
    }
    return String.valueOf(value);
  }

  /**
   * Where the endpoint's settings came from (redis.url and its parts), as the start line names it.
   */
  public String endpointOrigin() {
    String from =
        joinedOrigins(
            List.of(
                RedisKeys.URL,
                RedisKeys.HOST,
                RedisKeys.PORT,
                RedisKeys.USERNAME,
                RedisKeys.PASSWORD,
                RedisKeys.DB));
    return from.isEmpty() ? "named by the simulation" : from;
  }

  /**
   * Where the login that a refused start used came from, for its message: the origins of its
   * password and user name (the URL's when it carries them) and any caution about the password;
   * null when no credentials were set.
   */
  public String loginOrigin() {
    RedisEndpoint login = endpoint.orElse(null);
    if (login == null || (login.password() == null && login.username() == null)) {
      return null;
    }
    List<ConfigKey<?>> keys = new ArrayList<>();
    if (login.password() != null) {
      keys.add(origins.containsKey(RedisKeys.PASSWORD.path()) ? RedisKeys.PASSWORD : RedisKeys.URL);
    }
    if (login.username() != null) {
      keys.add(origins.containsKey(RedisKeys.USERNAME.path()) ? RedisKeys.USERNAME : RedisKeys.URL);
    }
    String caution = cautions.get(RedisKeys.PASSWORD.path());
    return "the login came from " + joinedOrigins(keys) + (caution == null ? "" : "; " + caution);
  }

  /** The distinct origins of those of these settings that are set, in order, comma-separated. */
  private String joinedOrigins(List<ConfigKey<?>> keys) {
    return String.join(
        ", ",
        keys.stream()
            .map(key -> origins.get(key.path()))
            .filter(o -> o != null)
            .distinct()
            .toList());
  }

  /** Virtual users: clientInstances × threadsPerClient. */
  public int virtualUsers() {
    return clientInstances * threadsPerClient;
  }
}
