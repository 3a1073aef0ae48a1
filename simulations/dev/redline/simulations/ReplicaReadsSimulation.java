package dev.redline.simulations;

import static dev.redline.javaapi.RedisDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;

import dev.redline.javaapi.RedisProtocolBuilder;
import dev.redline.workload.RunSettings;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * Reads from the replicas, writes to the primary, as an application that scales its reads out: a
 * profile written now and then, read often, and a page of profiles read in one pipeline. The
 * replicas are those the primary's {@code INFO replication} lists (or {@code redis.replicas}
 * names), the sentinels' or the cluster's; the end of the run shows each node's share of the reads
 * and the replicas' replication lag.
 *
 * <pre>
 * mvn gatling:test -Dgatling.simulationClass=dev.redline.simulations.ReplicaReadsSimulation \
 *     -Dredline.url=redis://10.0.0.1:6379
 * mvn gatling:test -Dgatling.simulationClass=dev.redline.simulations.ReplicaReadsSimulation \
 *     -Dredline.redis.mode=cluster -Dredline.redis.cluster_nodes=10.0.0.1:7000
 * </pre>
 *
 * In a simulation of your own, name the replicas when the primary lists addresses this machine
 * cannot reach: {@code
 * redis().url("redis://10.0.0.1:6379").readFrom("any").replicas("10.0.0.2:6379")}.
 *
 * <p>A replica applies a write a moment after the primary answered it: a read of a key just written
 * may find the old value there. The reads below do not check the value for that reason; a check
 * that does shows how often the application would read its own write stale.
 */
public class ReplicaReadsSimulation extends Simulation {
  private final RunSettings settings = RunSettings.load();
  private final Duration duration = settings.duration();

  private final RedisProtocolBuilder replicaReads = settings.protocol().readFrom("replica");

  private final ScenarioBuilder profiles =
      scenario("profiles")
          .exec(redis("SET profile").set("profile:#{userId}", "name-#{userId}"))
          .during(duration)
          .on(
              repeat(9)
                  .on(exec(redis("GET profile").get("profile:#{userId}")))
                  .exec(
                      redis("GET page")
                          .pipeline(
                              cmd.get("profile:1"),
                              cmd.get("profile:2"),
                              cmd.get("profile:3"),
                              cmd.get("profile:4")))
                  .exec(redis("SET profile").set("profile:#{userId}", "name-#{userId}")));

  {
    setUp(
            settings.gated(
                profiles.injectClosed(constantConcurrentUsers(settings.users()).during(duration))))
        .protocols(replicaReads)
        .assertions(settings.assertions())
        .assertions(global().failedRequests().percent().lt(1.0));
  }
}
