package dev.redline.simulations;

import dev.redline.workload.RunSettings;
import io.gatling.javaapi.core.Simulation;

/**
 * The ready config-driven run: a profile from {@code redline.yaml}, the environment and {@code
 * -Dredline.*}, run by clientInstances × threadsPerClient users for the duration (or until Ctrl+C
 * when it is {@code unlimited}).
 *
 * <pre>
 * mvn gatling:test                                                   # basic_rw, 30 s, embedded Redis
 * mvn gatling:test -Dredline.config=redline.yaml
 * mvn gatling:test -Dredline.test.workload.profile=high_throughput -Dredline.test.duration=60s
 * mvn gatling:test -Dredline.test.warmup=5s -Dredline.test.duration=15s        # 5 s unmeasured, then 15 s
 * TEST_WORKLOAD_PROFILE=list_operations TEST_THREADS_PER_CLIENT=4 mvn gatling:test
 * mvn gatling:test -Dredline.assertions="GET p99 < 500us; * failed_pct < 0.1%"     # a CI gate
 * </pre>
 */
public class WorkloadSimulation extends Simulation {
  private final RunSettings settings = RunSettings.load();

  {
    SetUp run =
        setUp(settings.population())
            .protocols(settings.protocol())
            .assertions(settings.assertions());
    if (!settings.throttle().isEmpty()) {
      run.throttle(settings.throttle());
    }
  }
}
