package dev.redline.simulations;

import static dev.redline.javaapi.RedisDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;

import dev.redline.config.RedlineConfig;
import dev.redline.config.RunControl;
import dev.redline.javaapi.RedisProtocolBuilder;
import dev.redline.workload.RedisWorkloads;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The config-driven run of the old runner: a profile from {@code redline.yaml}, the environment and
 * {@code -Dredline.*}, run by clientInstances × threadsPerClient users for the duration (or until
 * Ctrl+C when it is {@code unlimited}).
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
  private final RunSettings settings = RunSettings.load();
  private final RedlineConfig config = settings.config();

  {
    List<String> echo = new ArrayList<>();
    echo.add(
        "Redline settings (highest layer wins: system properties > environment > YAML > profile > defaults):");
    echo.addAll(config.echo());
    RunControl.reset();
    RunControl.installStopHook();

    RedisProtocolBuilder redisProtocol =
        settings
            .protocol()
            .retryAttempts(config.retryAttempts())
            .warmup(config.warmup())
            .settingsEcho(echo);
    if (config.startDuringOutage()) {
      redisProtocol = redisProtocol.startDuringOutage();
    }
    if (config.batchOnlyGatlingRecords()) {
      redisProtocol = redisProtocol.batchOnlyGatlingRecords();
    }
    // the warm-up comes first, then the measured duration
    Duration duration =
        config.duration().map(d -> d.plus(config.warmup())).orElse(RunSettings.UNLIMITED);
    ScenarioBuilder workload =
        scenario(config.workload().profile())
            .asLongAsDuring(session -> !RunControl.stopRequested(), duration)
            .on(RedisWorkloads.of(config.workload()));

    var users = workload.injectOpen(atOnceUsers(config.virtualUsers()));
    if (config.targetOpsPerSecond() > 0) {
      setUp(users)
          .protocols(redisProtocol)
          .throttle(
              reachRps(config.targetOpsPerSecond()).in(Duration.ofSeconds(1)), holdFor(duration));
    } else {
      setUp(users).protocols(redisProtocol);
    }
  }
}
