package dev.redline.config;

import java.util.Set;
import java.util.function.Function;

/**
 * One setting Redline knows: its path in the YAML file (also its system property, {@code
 * redline.<path>}), the environment variable that sets it, and how a raw value becomes a typed,
 * validated one. Every key is a constant of its section ({@code RedisKeys}, {@code TestKeys},
 * {@code ReportKeys}) or of {@link ConfigKeys}, which lists them all.
 *
 * @param <T> the type of the parsed value
 * @param path the dotted YAML path, e.g. {@code test.workload.pipeline_size}
 * @param environmentVariable its environment variable ({@code REDIS_HOST}, ...), or null
 * @param allowed what a valid value looks like, for error messages
 * @param parser raw value (String from env/properties, or a YAML value) to typed value; throws
 *     IllegalArgumentException when not allowed
 * @param secret whether the value is redacted in echoes
 */
public record ConfigKey<T>(
    String path,
    String environmentVariable,
    String allowed,
    Function<Object, ? extends T> parser,
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
   * Whether the setting is free text, so that a YAML scalar is meant as written: {@code password:
   * 0123456} is the octal number 42798 to YAML, {@code app_name: 1.10} the number 1.1.
   */
  public boolean takesText() {
    return parser == ConfigValueParsers.TEXT;
  }

  /** Parses and validates a raw value, or throws a {@link ConfigError} naming it. */
  public T parse(ConfigValue value) {
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
