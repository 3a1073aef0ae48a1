package dev.redline.simulations;

import static dev.redline.javaapi.RedisDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;

import dev.redline.workload.RunSettings;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * The same small load against any deployment: a cluster, a primary behind sentinels, or one server
 * over (mutual) TLS, with RESP2 or RESP3. Chosen with Redline's settings, as every ready simulation
 * ({@code -Dredline.redis.*}, {@code REDIS_*} variables, or the YAML file):
 *
 * <pre>
 * mvn gatling:test -Dgatling.simulationClass=dev.redline.simulations.DeploymentSimulation \
 *     -Dredline.redis.mode=cluster -Dredline.redis.cluster_nodes=10.0.0.1:7000,10.0.0.2:7001,10.0.0.3:7002
 * mvn gatling:test -Dgatling.simulationClass=dev.redline.simulations.DeploymentSimulation \
 *     -Dredline.redis.mode=sentinel -Dredline.redis.sentinel_master=mymaster \
 *     -Dredline.redis.sentinel_nodes=10.0.0.1:26379,10.0.0.2:26379 -Dredline.redis.sentinel_password=...
 * mvn gatling:test -Dgatling.simulationClass=dev.redline.simulations.DeploymentSimulation \
 *     -Dredline.url=rediss://cache.internal:6380 -Dredline.redis.tls_ca_file=certs/ca.crt \
 *     -Dredline.redis.tls_cert_file=certs/client.crt -Dredline.redis.tls_key_file=certs/client.key -Dredline.redis.protocol=3
 * </pre>
 *
 * Keys that go together carry a hash tag ({@code {user1}:...}) so that the transaction and the
 * multi-key commands also run in a cluster; the pipeline's keys may live on any node.
 */
public class DeploymentSimulation extends Simulation {
  private final RunSettings settings = RunSettings.load();
  private final Duration duration = settings.duration();

  private final ScenarioBuilder anywhere =
      scenario("deployment")
          .during(duration)
          .on(
              exec(cmd.set("{user#{userId}}:name", "value-#{userId}"))
                  .exec(cmd.get("{user#{userId}}:name").check(reply().isEL("value-#{userId}")))
                  .exec(cmd.mset("{user#{userId}}:a", "1", "{user#{userId}}:b", "2"))
                  .exec(
                      transaction(
                          cmd.incr("{user#{userId}}:visits"),
                          cmd.expire("{user#{userId}}:visits", 600)))
                  .exec(
                      pipeline(
                          cmd.set("spread:#{userId}:1", "x"),
                          cmd.set("spread:#{userId}:2", "y"),
                          cmd.get("spread:#{userId}:1"))));

  {
    setUp(
            settings.gated(
                anywhere.injectClosed(constantConcurrentUsers(settings.users()).during(duration))))
        .protocols(settings.protocol())
        .assertions(settings.assertions())
        .assertions(global().failedRequests().percent().lt(1.0));
  }
}
