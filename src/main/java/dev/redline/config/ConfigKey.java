package dev.redline.config;

import java.util.ArrayList;
import java.util.List;
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

  /**
   * Every key, in YAML order: {@code app_name}, then the keys of {@code RedisKeys}, {@code
   * TestKeys} and {@code ReportKeys}.
   */
  public static final List<ConfigKey> ALL = all();

  private static List<ConfigKey> all() {
    List<ConfigKey> all = new ArrayList<>();
    all.add(new ConfigKey("app_name", "APP_NAME", "a name", ConfigValueParsers.TEXT, false));
    all.addAll(RedisKeys.keys());
    all.addAll(TestKeys.keys());
    all.addAll(ReportKeys.keys());
    return List.copyOf(all);
  }

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
    return parser == ConfigValueParsers.TEXT;
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
}
