package dev.redline.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One setting Redline knows: its path in the YAML file (also its system property, {@code
 * redline.<path>}), the environment variable that sets it, and how a raw value becomes a typed,
 * validated one.
 *
 * @param path the dotted YAML path, e.g. {@code test.workload.pipeline_size}
 * @param environmentVariable its environment variable ({@code REDIS_HOST}, ...), or null
 * @param allowed what a valid value looks like, for error messages
 * @param parser raw value (String from env/properties, or a YAML value) to typed value; throws
 *     IllegalArgumentException when not allowed
 * @param secret whether the value is redacted in echoes
 */
public record ConfigKey(
    String path,
    String environmentVariable,
    String allowed,
    Function<Object, Object> parser,
    boolean secret) {

  /** The profiles Redline runs. */
  public static final Set<String> PROFILES =
      Set.of(
          "basic_rw",
          "high_throughput",
          "list_operations",
          "pubsub_heavy",
          "transaction_heavy",
          "async_mixed",
          "custom");

  /** The deployment modes. */
  public static final Set<String> MODES = Set.of("standalone", "cluster", "sentinel");

  /** What Gatling gets of a pipeline or transaction. */
  public static final Set<String> GATLING_RECORDS = Set.of("per_op", "batch_only");

  /** The key patterns. */
  public static final Set<String> KEY_PATTERNS =
      Set.of("uniform", "sequential", "gaussian", "zipf");

  /** The OTLP transports. */
  public static final Set<String> OTLP_PROTOCOLS = Set.of("grpc", "http/protobuf");

  /** The parser of settings that are free text (names, passwords): see {@link #takesText()}. */
  private static final Function<Object, Object> TEXT = ConfigKey::text;

  /** Every key, in YAML order. */
  public static final List<ConfigKey> ALL =
      List.of(
          new ConfigKey("app_name", "APP_NAME", "a name", TEXT, false),
          new ConfigKey(
              "redis.url",
              "REDIS_URL",
              "redis://[user:password@]host:port[/db] or rediss://...",
              ConfigKey::url,
              true),
          new ConfigKey("redis.host", "REDIS_HOST", "a host name or address", TEXT, false),
          new ConfigKey(
              "redis.port", "REDIS_PORT", "a port from 1 to 65535", v -> range(v, 1, 65535), false),
          new ConfigKey("redis.username", "REDIS_USERNAME", "an ACL user name", TEXT, false),
          new ConfigKey("redis.password", "REDIS_PASSWORD", "a password", TEXT, true),
          new ConfigKey(
              "redis.db",
              "REDIS_DB",
              "a database number, 0 or more",
              v -> range(v, 0, Integer.MAX_VALUE),
              false),
          new ConfigKey(
              "redis.mode",
              "REDIS_MODE",
              "one of cluster, sentinel, standalone",
              v -> oneOf(v, MODES),
              false),
          new ConfigKey(
              "redis.cluster",
              "REDIS_CLUSTER",
              "true or false (the Python runner's REDIS_CLUSTER switch; same as mode: cluster)",
              ConfigKey::bool,
              false),
          new ConfigKey(
              "redis.cluster_nodes",
              "REDIS_CLUSTER_NODES",
              "a list of host:port seed nodes, e.g. [10.0.0.1:7000, 10.0.0.2:7001]",
              ConfigKey::nodes,
              false),
          new ConfigKey(
              "redis.sentinel_master",
              "REDIS_SENTINEL_MASTER",
              "the name the sentinels monitor the primary under, e.g. mymaster",
              TEXT,
              false),
          new ConfigKey(
              "redis.sentinel_nodes",
              "REDIS_SENTINEL_NODES",
              "a list of host:port sentinels, e.g. [10.0.0.1:26379, 10.0.0.2:26379]",
              ConfigKey::nodes,
              false),
          new ConfigKey(
              "redis.sentinel_username",
              "REDIS_SENTINEL_USERNAME",
              "the sentinels' ACL user name",
              TEXT,
              false),
          new ConfigKey(
              "redis.sentinel_password",
              "REDIS_SENTINEL_PASSWORD",
              "the sentinels' password",
              TEXT,
              true),
          new ConfigKey("redis.tls", "REDIS_TLS", "true or false", ConfigKey::bool, false),
          new ConfigKey(
              "redis.tls_ca_file",
              "REDIS_TLS_CA_FILE",
              "a readable PEM file of trusted CAs",
              ConfigKey::readableFile,
              false),
          new ConfigKey(
              "redis.tls_cert_file",
              "REDIS_TLS_CERT_FILE",
              "a readable PEM client certificate",
              ConfigKey::readableFile,
              false),
          new ConfigKey(
              "redis.tls_key_file",
              "REDIS_TLS_KEY_FILE",
              "a readable PEM (PKCS#8) client key",
              ConfigKey::readableFile,
              false),
          new ConfigKey(
              "redis.tls_verify_hostname",
              "REDIS_TLS_VERIFY_HOSTNAME",
              "true or false",
              ConfigKey::bool,
              false),
          new ConfigKey(
              "redis.tls_versions",
              "REDIS_TLS_VERSIONS",
              "a list of TLSv1.2, TLSv1.3",
              ConfigKey::tlsVersions,
              false),
          new ConfigKey(
              "redis.protocol",
              "REDIS_PROTOCOL",
              "2 or 3 (the RESP version)",
              v -> range(v, 2, 3),
              false),
          new ConfigKey(
              "test.client_instances",
              "TEST_CLIENT_INSTANCES",
              "a whole number of at least 1",
              v -> range(v, 1, 10_000),
              false),
          new ConfigKey(
              "test.connections_per_client",
              "TEST_CONNECTIONS_PER_CLIENT",
              "a whole number of at least 1",
              v -> range(v, 1, 100_000),
              false),
          new ConfigKey(
              "test.threads_per_client",
              "TEST_THREADS_PER_CLIENT",
              "a whole number of at least 1",
              v -> range(v, 1, 10_000),
              false),
          new ConfigKey(
              "test.duration",
              "TEST_DURATION",
              "a duration of at least 1s, such as 60s, 5m, 1h, or unlimited",
              ConfigKey::duration,
              false),
          new ConfigKey(
              "test.warmup",
              "TEST_WARMUP",
              "a duration such as 5s, or 0 for none (the load runs this long before the duration is measured)",
              ConfigKey::warmup,
              false),
          new ConfigKey(
              "test.target_ops_per_second",
              "TEST_TARGET_OPS_PER_SECOND",
              "a whole number, 0 for as fast as possible",
              v -> range(v, 0, Integer.MAX_VALUE),
              false),
          new ConfigKey(
              "test.client_retry_attempts",
              "TEST_CLIENT_RETRY_ATTEMPTS",
              "a whole number, 0 or more",
              v -> range(v, 0, 100),
              false),
          new ConfigKey("test.start_during_outage", null, "true or false", ConfigKey::bool, false),
          new ConfigKey(
              "test.gatling_records",
              "TEST_GATLING_RECORDS",
              "per_op or batch_only",
              v -> oneOf(v, GATLING_RECORDS),
              false),
          new ConfigKey(
              "test.workload.profile",
              "TEST_WORKLOAD_PROFILE",
              "one of " + String.join(", ", new java.util.TreeSet<>(PROFILES)),
              v -> oneOf(v, PROFILES),
              false),
          new ConfigKey(
              "test.workload.operations",
              "TEST_OPERATIONS",
              "a map of operation to weight, e.g. {SET: 0.4, GET: 0.6}",
              ConfigKey::weights,
              false),
          new ConfigKey("test.workload.key_prefix", "TEST_KEY_PREFIX", "a key prefix", TEXT, false),
          new ConfigKey(
              "test.workload.key_range",
              "TEST_KEY_RANGE",
              "a whole number of at least 1",
              v -> range(v, 1, Integer.MAX_VALUE),
              false),
          new ConfigKey(
              "test.workload.key_pattern",
              null,
              "one of gaussian, sequential, uniform, zipf",
              v -> oneOf(v, KEY_PATTERNS),
              false),
          new ConfigKey(
              "test.workload.value_size",
              "TEST_VALUE_SIZE",
              "a size in bytes from 1 to 536870912",
              v -> range(v, 1, 512 * 1024 * 1024),
              false),
          new ConfigKey(
              "test.workload.value_size_min",
              "TEST_VALUE_SIZE_MIN",
              "a size in bytes from 1 to 536870912",
              v -> range(v, 1, 512 * 1024 * 1024),
              false),
          new ConfigKey(
              "test.workload.value_size_max",
              "TEST_VALUE_SIZE_MAX",
              "a size in bytes from 1 to 536870912",
              v -> range(v, 1, 512 * 1024 * 1024),
              false),
          new ConfigKey(
              "test.workload.pipeline_size",
              "TEST_PIPELINE_SIZE",
              "a whole number of at least 1",
              v -> range(v, 1, 100_000),
              false),
          new ConfigKey(
              "test.workload.transaction_size",
              "TEST_TRANSACTION_SIZE",
              "a whole number of at least 1",
              v -> range(v, 1, 100_000),
              false),
          new ConfigKey(
              "test.workload.pubsub_channels",
              "TEST_PUBSUB_CHANNELS",
              "a list of channel names",
              ConfigKey::names,
              false),
          new ConfigKey("test.workload.verify", null, "true or false", ConfigKey::bool, false),
          new ConfigKey("test.workload.seed", null, "a whole number", ConfigKey::whole, false),
          new ConfigKey(
              "metrics.otlp_endpoint",
              "OTEL_EXPORTER_OTLP_ENDPOINT",
              "an http:// or https:// URL, e.g. http://localhost:4317",
              ConfigKey::httpUrl,
              false),
          new ConfigKey(
              "metrics.otlp_protocol",
              "OTEL_EXPORTER_OTLP_PROTOCOL",
              "grpc or http/protobuf",
              v -> oneOf(v, OTLP_PROTOCOLS),
              false),
          new ConfigKey(
              "metrics.interval",
              "OTEL_EXPORT_INTERVAL",
              "milliseconds from 100 to 3600000",
              v -> range(v, 100, 3_600_000),
              false),
          new ConfigKey("metrics.service_name", "OTEL_SERVICE_NAME", "a name", TEXT, false),
          new ConfigKey(
              "assertions",
              "REDLINE_ASSERTIONS",
              "microsecond assertions separated by ';' (or a YAML list), e.g. 'GET p99 < 500us'",
              ConfigKey::assertions,
              false),
          new ConfigKey(
              "baseline",
              "REDLINE_BASELINE",
              "an earlier run's folder, its summary.json or its histograms.hlog",
              TEXT,
              false),
          new ConfigKey(
              "baseline_threshold",
              "REDLINE_BASELINE_THRESHOLD",
              "a percentage from 0 to 1000, then any '<metric> <percent>', separated by ';', e.g."
                  + " '10; p99.9 100'",
              ConfigKey::baselineThreshold,
              false),
          new ConfigKey(
              "metrics.prometheus_port",
              "REDLINE_PROMETHEUS_PORT",
              "a port from 1 to 65535, or 0 for none",
              v -> range(v, 0, 65535),
              false));

  /** The key at a path, or null. */
  public static ConfigKey at(String path) {
    for (ConfigKey key : ALL) {
      if (key.path.equals(path)) {
        return key;
      }
    }
    return null;
  }

  /**
   * Whether the setting is free text, so that a YAML scalar is meant as written: {@code password:
   * 0123456} is the octal number 42798 to YAML, {@code app_name: 1.10} the number 1.1.
   */
  public boolean takesText() {
    return parser == TEXT;
  }

  /** Every path, for suggestions. */
  public static List<String> paths() {
    return ALL.stream().map(ConfigKey::path).toList();
  }

  /** Parses and validates a raw value, or throws a {@link ConfigError} naming it. */
  public Object parse(ConfigValue value) {
    try {
      return parser.apply(value.raw());
    } catch (IllegalArgumentException | ClassCastException e) {
      String shown = secret ? "***" : String.valueOf(value.raw());
      throw new ConfigError(
          path
              + " = '"
              + shown
              + "' ("
              + value.origin()
              + ") is not allowed: expected "
              + allowed
              + (e.getMessage() != null && !e.getMessage().equals(allowed)
                  ? " (" + e.getMessage() + ")"
                  : ""));
    }
  }

  private static Object text(Object v) {
    if (v instanceof java.util.Collection<?> || v instanceof Map<?, ?>) {
      throw new IllegalArgumentException(
          "it is a " + (v instanceof Map<?, ?> ? "mapping" : "list") + ", not a single value");
    }
    String s = String.valueOf(v).strip();
    if (s.isEmpty()) {
      throw new IllegalArgumentException("it is empty");
    }
    return s;
  }

  private static Object assertions(Object v) {
    String all =
        v instanceof java.util.Collection<?> list
            ? String.join(";", list.stream().map(String::valueOf).toList())
            : String.valueOf(v);
    return dev.redline.config.MicrosAssertion.parseAll(all, "redline.assertions");
  }

  private static Object baselineThreshold(Object v) {
    return dev.redline.config.BaselineThreshold.parse((String) text(v));
  }

  private static Object httpUrl(Object v) {
    String s = (String) text(v);
    java.net.URI uri;
    try {
      uri = new java.net.URI(s);
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException("not a URL");
    }
    if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
        || uri.getHost() == null) {
      throw new IllegalArgumentException("no http or https scheme with a host");
    }
    return s;
  }

  private static Object url(Object v) {
    return dev.redline.config.RedisEndpoint.parse((String) text(v));
  }

  private static long whole(Object v) {
    if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      return n.longValue();
    }
    try {
      return Long.parseLong(String.valueOf(v).strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a whole number");
    }
  }

  private static Object range(Object v, long min, long max) {
    long n = whole(v);
    if (n < min || n > max) {
      throw new IllegalArgumentException(n < min ? "below " + min : "above " + max);
    }
    return (int) n;
  }

  private static Object bool(Object v) {
    if (v instanceof Boolean b) {
      return b;
    }
    String s = String.valueOf(v).strip().toLowerCase(Locale.ROOT);
    if (s.equals("true") || s.equals("false")) {
      return Boolean.parseBoolean(s);
    }
    throw new IllegalArgumentException("not true or false");
  }

  private static Object duration(Object v) {
    Optional<java.time.Duration> d = Durations.parse(String.valueOf(v));
    if (d.isPresent() && d.get().compareTo(java.time.Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException(
          "a load shorter than a second sends nothing to measure (Gatling's own loop would end"
              + " before its first request)");
    }
    return d;
  }

  private static Object warmup(Object v) {
    String s = String.valueOf(v).strip();
    if (s.matches("0+\\s*(ms|s|m|h)?")) {
      return java.time.Duration.ZERO;
    }
    return Durations.parse(s)
        .orElseThrow(() -> new IllegalArgumentException("a warm-up cannot be unlimited"));
  }

  private static Object oneOf(Object v, Set<String> allowed) {
    String s = String.valueOf(v).strip().toLowerCase(Locale.ROOT);
    if (!allowed.contains(s)) {
      String nearest = NearestName.suggest(s, allowed);
      throw new IllegalArgumentException(
          "unknown" + (nearest != null ? "; did you mean " + nearest + "?" : ""));
    }
    return s;
  }

  private static Object names(Object v) {
    List<String> names = new ArrayList<>();
    if (v instanceof List<?> list) {
      list.forEach(item -> names.add(String.valueOf(item).strip()));
    } else {
      for (String part : String.valueOf(v).split(",")) {
        names.add(part.strip());
      }
    }
    names.removeIf(String::isEmpty);
    if (names.isEmpty()) {
      throw new IllegalArgumentException("the list is empty");
    }
    return List.copyOf(names);
  }

  private static Object nodes(Object v) {
    @SuppressWarnings("unchecked")
    List<String> names = (List<String>) names(v);
    HostPorts.parse(names); // validates every host:port
    return names;
  }

  private static Object readableFile(Object v) {
    java.nio.file.Path path = java.nio.file.Path.of(String.valueOf(v).strip());
    if (!java.nio.file.Files.isReadable(path)) {
      throw new IllegalArgumentException("no readable file at " + path.toAbsolutePath());
    }
    return path;
  }

  private static Object tlsVersions(Object v) {
    @SuppressWarnings("unchecked")
    List<String> versions = (List<String>) names(v);
    for (String version : versions) {
      if (!dev.redline.config.TlsSettings.VERSIONS.contains(version)) {
        throw new IllegalArgumentException(
            "'" + version + "' is not one of " + dev.redline.config.TlsSettings.VERSIONS);
      }
    }
    return versions;
  }

  /**
   * {SET: 0.4, GET: 0.6} from YAML, a YAML list ([SET, GET], or - SET: 0.4 items), or
   * "SET:0.4,GET:0.6" / "SET,GET" from text. A name without a weight weighs 1.
   */
  private static Object weights(Object v) {
    Map<String, Double> weights = new LinkedHashMap<>();
    if (v instanceof Map<?, ?> map) {
      map.forEach(
          (op, w) -> weights.put(String.valueOf(op).strip().toUpperCase(Locale.ROOT), weight(w)));
    } else if (v instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof Map<?, ?> one) {
          one.forEach(
              (op, w) ->
                  weights.put(String.valueOf(op).strip().toUpperCase(Locale.ROOT), weight(w)));
        } else if (item != null && !String.valueOf(item).isBlank()) {
          weights.put(String.valueOf(item).strip().toUpperCase(Locale.ROOT), 1.0);
        }
      }
    } else {
      String text = String.valueOf(v).strip();
      if (text.startsWith("{") && text.endsWith("}")) {
        text =
            text.substring(
                1, text.length() - 1); // the YAML flow form, {SET: 0.4, GET: 0.6}, given as text
      }
      for (String part : text.split(",")) {
        String[] opWeight = part.split(":");
        String op = opWeight[0].strip().toUpperCase(Locale.ROOT);
        if (!op.isEmpty()) {
          weights.put(op, opWeight.length > 1 ? weight(opWeight[1]) : 1.0);
        }
      }
    }
    if (weights.isEmpty()) {
      throw new IllegalArgumentException("no operation given");
    }
    double total = 0;
    for (Map.Entry<String, Double> e : weights.entrySet()) {
      if (e.getValue() < 0 || e.getValue().isNaN() || e.getValue().isInfinite()) {
        throw new IllegalArgumentException(
            "weight of " + e.getKey() + " is " + e.getValue() + "; weights are 0 or more");
      }
      total += e.getValue();
    }
    if (total <= 0) {
      throw new IllegalArgumentException("all weights are zero; at least one must be positive");
    }
    return java.util.Collections.unmodifiableMap(weights);
  }

  private static double weight(Object w) {
    if (w instanceof Number n) {
      return n.doubleValue();
    }
    try {
      return Double.parseDouble(String.valueOf(w).strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("weight '" + w + "' is not a number");
    }
  }
}
