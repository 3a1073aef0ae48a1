package dev.redline.simulations;

import static dev.redline.javaapi.RedisDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;

import dev.redline.javaapi.RedisProtocolBuilder;
import dev.redline.workload.RunSettings;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * Pipelined batches of 10 commands (SET, GET, INCR), one round trip each: the report shows a BATCH
 * row with the round-trip time and SET, GET, INCR rows with the amortized per-command time.
 *
 * <pre>
 * mvn gatling:test -Dgatling.simulationClass=dev.redline.simulations.PipelineSimulation
 * </pre>
 */
public class PipelineSimulation extends Simulation {
  private final RunSettings settings = RunSettings.load();
  private final Duration duration = settings.duration();

  private final RedisProtocolBuilder redisProtocol = settings.protocol();

  private final ScenarioBuilder pipelined =
      scenario("pipeline")
          .during(duration)
          .on(
              exec(
                  redis("BATCH")
                      .pipeline(
                          cmd.set("pipe:#{userId}:a", "value-a"),
                          cmd.set("pipe:#{userId}:b", "value-b"),
                          cmd.set("pipe:#{userId}:c", "value-c"),
                          cmd.get("pipe:#{userId}:a").check(reply().is("value-a")),
                          cmd.get("pipe:#{userId}:b"),
                          cmd.get("pipe:#{userId}:c"),
                          cmd.incr("pipe:#{userId}:n"),
                          cmd.incr("pipe:#{userId}:n"),
                          cmd.set("pipe:#{userId}:d", "value-d"),
                          cmd.get("pipe:#{userId}:d"))));

  {
    setUp(
            settings.gated(
                pipelined.injectClosed(constantConcurrentUsers(settings.users()).during(duration))))
        .protocols(redisProtocol)
        .assertions(settings.assertions())
        .assertions(global().failedRequests().percent().lt(1.0));
  }
}
