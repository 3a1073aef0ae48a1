package dev.redline.simulations;

import static dev.redline.javaapi.RedisDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;

import dev.redline.javaapi.RedisProtocolBuilder;
import dev.redline.workload.RunSettings;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * A run to watch while it runs: metrics pushed over OTLP to a collector on this machine every 5 s
 * and served to Prometheus on port 9464 (see docs/reports.md, "Watching a run"). Without a
 * collector the run goes on and says so once.
 *
 * <pre>
 * mvn gatling:test -Dgatling.simulationClass=dev.redline.simulations.WatchedSimulation -Dredline.test.duration=5m
 * curl -s localhost:9464/metrics | grep redis_operations_total
 * </pre>
 */
public class WatchedSimulation extends Simulation {
  private final RunSettings settings = RunSettings.load();

  private final RedisProtocolBuilder redisProtocol =
      settings
          .protocol()
          .metrics(
              metrics()
                  .otlp("http://localhost:4317") // or .otlp(url, "http/protobuf")
                  .every(Duration.ofSeconds(5))
                  .serviceName("checkout-cache")
                  .prometheus(9464));

  private final ScenarioBuilder cache =
      scenario("watched cache")
          .during(settings.duration())
          .on(
              exec(redis("SET").set("user:#{userId}", "v-#{userId}"))
                  .exec(redis("GET").get("user:#{userId}").check(reply().isEL("v-#{userId}")))
                  .exec(redis("BATCH").pipeline(cmd.incr("hits"), cmd.get("user:#{userId}"))));

  {
    setUp(
            settings.gated(
                cache.injectClosed(
                    constantConcurrentUsers(settings.users()).during(settings.duration()))))
        .protocols(redisProtocol)
        .assertions(settings.assertions());
  }
}
