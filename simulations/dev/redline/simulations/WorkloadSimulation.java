package dev.redline.simulations;

import static dev.redline.javaapi.RedisDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;

import dev.redline.config.DeploymentConfig;
import dev.redline.config.RedlineConfig;
import dev.redline.config.RunControl;
import dev.redline.javaapi.RedisProtocolBuilder;
import dev.redline.javaapi.RedisWorkloads;
import dev.redline.protocol.RunRefusal;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The config-driven run of the old runner: a profile from {@code redline.yaml}, the environment
 * and {@code -Dredline.*}, run by clientInstances × threadsPerClient users for the duration (or
 * until Ctrl+C when it is {@code unlimited}).
 *
 * <pre>
 * mvn gatling:test                                                   # basic_rw, 30 s, embedded Redis
 * mvn gatling:test -Dredline.config=redline.yaml
 * mvn gatling:test -Dredline.test.workload.profile=high_throughput -Dredline.test.duration=60s
 * mvn gatling:test -Dredline.test.warmup=5s -Dredline.test.duration=15s        # 5 s unmeasured, then 15 s
 * TEST_WORKLOAD_PROFILE=list_operations TEST_THREADS_PER_CLIENT=4 mvn gatling:test
 * </pre>
 */
public class WorkloadSimulation extends Simulation {
  private static final Duration FOREVER = Duration.ofDays(365);

  private final RedlineConfig config = RunRefusal.guard(RedlineConfig::load);

  {
    List<String> echo = new ArrayList<>();
    echo.add("Redline settings (highest layer wins: system properties > environment > YAML > profile > defaults):");
    echo.addAll(config.echo());
    RunControl.reset();
    RunControl.installSignalHandlers();

    RedisProtocolBuilder redisProtocol = redis()
        .clientInstances(config.clientInstances())
        .threadsPerClient(config.threadsPerClient())
        .connectionsPerClient(config.connectionsPerClient())
        .retryAttempts(config.retryAttempts())
        .warmup(config.warmup())
        .settingsEcho(echo);
    if (config.startDuringOutage()) {
      redisProtocol = redisProtocol.startDuringOutage();
    }
    if (config.batchOnlyGatlingRecords()) {
      redisProtocol = redisProtocol.batchOnlyGatlingRecords();
    }
    if (config.endpoint().isPresent()) {
      redisProtocol = redisProtocol.url(config.endpoint().get().toUrl(), config.endpointOrigin());
    }
    redisProtocol = deployment(redisProtocol, config.deployment());
    // the warm-up comes first, then the measured duration
    Duration duration = config.duration().map(d -> d.plus(config.warmup())).orElse(FOREVER);
    ScenarioBuilder workload = scenario(config.workload().profile())
        .asLongAsDuring(session -> !RunControl.stopRequested(), duration)
        .on(RedisWorkloads.of(config.workload()));

    var users = workload.injectOpen(atOnceUsers(config.virtualUsers()));
    if (config.targetOpsPerSecond() > 0) {
      setUp(users).protocols(redisProtocol)
          .throttle(reachRps(config.targetOpsPerSecond()).in(Duration.ofSeconds(1)), holdFor(duration));
    } else {
      setUp(users).protocols(redisProtocol);
    }
  }

  /** Mode (cluster nodes, sentinels), TLS and RESP from the config, through the same DSL a simulation uses. */
  private static RedisProtocolBuilder deployment(RedisProtocolBuilder protocol, DeploymentConfig d) {
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
