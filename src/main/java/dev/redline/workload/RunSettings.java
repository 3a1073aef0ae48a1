package dev.redline.workload;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.holdFor;
import static io.gatling.javaapi.core.CoreDsl.reachRps;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import dev.redline.config.ConfigError;
import dev.redline.config.DeploymentConfig;
import dev.redline.config.GateConfig;
import dev.redline.config.MicrosAssertion;
import dev.redline.config.RedlineConfig;
import dev.redline.config.Refusal;
import dev.redline.javaapi.RedisAssertions;
import dev.redline.javaapi.RedisDsl;
import dev.redline.javaapi.RedisProtocolBuilder;
import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.ThrottleStep;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The settings of a config-driven run, as Redline's ready simulations read them, mapped onto the
 * DSL: {@code -Dredline.test.duration=60s}, {@code -Dredline.test.client_instances=2}, {@code
 * -Dredline.url=...}, the {@code TEST_*} and {@code REDIS_*} environment variables, or the YAML
 * file of {@code -Dredline.config} (see docs/configuration.md). A simulation of your own can read
 * them the same way:
 *
 * <pre>{@code
 * public class MyRun extends Simulation {
 *   RunSettings settings = RunSettings.load();
 *   {
 *     setUp(settings.population()).protocols(settings.protocol());
 *   }
 * }
 * }</pre>
 *
 * A wrong setting is a {@link dev.redline.config.ConfigError} whose message is the one line that
 * says what is wrong and what is allowed.
 */
public final class RunSettings {
  /**
   * How long an {@code unlimited} run lasts unless stopped: a year, so in practice until Ctrl+C.
   */
  public static final Duration UNLIMITED = Duration.ofDays(365);

  private final RedlineConfig config;

  /** The settings of {@code config}; {@link #load()} reads them from where a run finds them. */
  RunSettings(RedlineConfig config) {
    this.config = config;
  }

  /**
   * The settings of this run: system properties over environment over YAML over the profile's own
   * settings over defaults.
   *
   * <pre>{@code RunSettings settings = RunSettings.load();}</pre>
   *
   * @return validated settings
   */
  public static RunSettings load() {
    try {
      return new RunSettings(RedlineConfig.load());
    } catch (ConfigError e) {
      throw Refusal.saidOnce(e);
    }
  }

  /**
   * How long the load runs: the warm-up, then {@code test.duration} (default 30 s); {@link
   * #UNLIMITED} for {@code unlimited}.
   *
   * <pre>{@code scenario("rw").during(settings.duration()).on(chain)}</pre>
   *
   * @return the load's duration, warm-up included
   */
  public Duration duration() {
    return config.duration().map(d -> d.plus(config.warmup())).orElse(UNLIMITED);
  }

  /**
   * Virtual users: client_instances × threads_per_client.
   *
   * <pre>
   * {@code scn.injectClosed(constantConcurrentUsers(settings.users()).during(settings.duration()))}
   * </pre>
   *
   * @return the number of virtual users
   */
  public int users() {
    return config.virtualUsers();
  }

  /**
   * The protocol: client_instances, threads_per_client, connections_per_client, the Redis named
   * (else {@code redline.url}, {@code REDIS_URL} or an embedded one), the deployment (cluster nodes
   * or sentinels, TLS, RESP), retries, warm-up, start during an outage, Gatling records, and the
   * echo of every effective setting at the start.
   *
   * <pre>{@code setUp(population).protocols(settings.protocol())}</pre>
   *
   * @return a protocol builder
   */
  public RedisProtocolBuilder protocol() {
    RedisProtocolBuilder protocol =
        RedisDsl.redis()
            .clientInstances(config.clientInstances())
            .threadsPerClient(config.threadsPerClient())
            .connectionsPerClient(config.connectionsPerClient())
            .retryAttempts(config.retryAttempts())
            .warmup(config.warmup())
            .settingsEcho(echo());
    if (config.endpoint().isPresent()) {
      protocol =
          protocol
              .url(config.endpoint().get().toUrl(), config.endpointOrigin())
              .loginOrigin(config.loginOrigin());
    }
    if (config.startDuringOutage()) {
      protocol = protocol.startDuringOutage();
    }
    if (config.batchOnlyGatlingRecords()) {
      protocol = protocol.batchOnlyGatlingRecords();
    }
    if (config.targetOpsPerSecond() > 0) {
      protocol = protocol.throttleTarget(config.targetOpsPerSecond());
    }
    return deployment(protocol, config.deployment());
  }

  /**
   * One iteration of the configured workload profile (test.workload.*).
   *
   * <pre>{@code scenario("rw").during(settings.duration()).on(settings.workload())}</pre>
   *
   * @return a chain of Redis requests
   */
  public ChainBuilder workload() {
    return RedisWorkloads.of(config.workload());
  }

  /**
   * The ready runner's population: the profile's iteration looped for the duration by {@link
   * #users()} virtual users, all started at once.
   *
   * <pre>{@code setUp(settings.population()).protocols(settings.protocol())}</pre>
   *
   * @return the population to set up
   */
  public PopulationBuilder population() {
    ScenarioBuilder workload =
        scenario(config.workload().profile()).during(duration()).on(workload());
    return gated(workload.injectOpen(atOnceUsers(users())));
  }

  /**
   * The load, followed by the gate of {@code redline.assertions} (see {@link
   * RedisDsl#redisAssertions}), or by {@link #DEFAULT_GATE} when no setting names assertions; the
   * load as it is when the assertions are set to none or the duration is unlimited.
   *
   * <pre>
   * {@code setUp(settings.gated(scn.injectOpen(atOnceUsers(6)))).assertions(settings.assertions())}
   * </pre>
   *
   * @param load the load's population
   * @return the population to set up
   */
  public PopulationBuilder gated(PopulationBuilder load) {
    return gate().map(g -> load.andThen(g.population())).orElse(load);
  }

  /**
   * Gatling's assertions on the gate of {@code redline.assertions}: a failed microsecond assertion
   * fails the run as a Gatling assertion does; none without assertions.
   *
   * <pre>
   * {@code setUp(settings.population()).protocols(settings.protocol()).assertions(settings.assertions())}
   * </pre>
   *
   * @return the assertions to add to the simulation's
   */
  public List<Assertion> assertions() {
    return gate().map(RedisAssertions::assertions).orElse(List.of());
  }

  /**
   * The gate a ready simulation runs when no setting names assertions: a run whose requests mostly
   * failed must not pass a CI job. {@code redline.assertions} replaces it; an empty value turns it
   * off. A run without end (duration unlimited) has no gate to run after its load.
   */
  public static final String DEFAULT_GATE = "* failed_pct < 1%";

  private Optional<RedisAssertions> gate() {
    GateConfig gate = config.gate();
    List<MicrosAssertion> assertions =
        gate.assertionsGiven() || duration().equals(UNLIMITED)
            ? gate.assertions()
            : List.of(
                MicrosAssertion.parse(
                    DEFAULT_GATE,
                    "the ready simulations' default gate; redline.assertions replaces it, an empty"
                        + " one turns it off"));
    return assertions.isEmpty() ? Optional.empty() : Optional.of(new RedisAssertions(assertions));
  }

  /**
   * Gatling's throttle for {@code test.target_ops_per_second}: reach that rate in a second and hold
   * it for the duration; empty when no rate is set.
   *
   * <pre>{@code if (!settings.throttle().isEmpty()) setUp.throttle(settings.throttle());}</pre>
   *
   * @return the throttle steps, or an empty list
   */
  public List<ThrottleStep> throttle() {
    if (config.targetOpsPerSecond() <= 0) {
      return List.of();
    }
    return List.of(
        reachRps(config.targetOpsPerSecond()).in(Duration.ofSeconds(1)), holdFor(duration()));
  }

  /**
   * The whole configuration (workload, warm-up, target rate, deployment, ...).
   *
   * <pre>{@code settings.config().workload().profile()}</pre>
   *
   * @return the validated configuration
   */
  public RedlineConfig config() {
    return config;
  }

  private List<String> echo() {
    List<String> echo = new ArrayList<>();
    echo.add(
        "Redline settings (highest layer wins: system properties > environment > YAML > profile >"
            + " defaults):");
    echo.addAll(config.echo());
    return echo;
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
    if (!d.readFrom().equals("primary")) {
      p = p.readFrom(d.readFrom());
    }
    if (!d.replicas().isEmpty()) {
      p = p.replicas(d.replicas().toArray(String[]::new));
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
