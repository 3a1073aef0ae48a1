package dev.redline.simulations;

import static dev.redline.javaapi.RedisDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;

import dev.redline.javaapi.RedisProtocolBuilder;
import dev.redline.workload.RunSettings;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * SET, GET (checked), INCR and DEL in a loop, by clientInstances × threadsPerClient users.
 *
 * <pre>
 * mvn gatling:test                                     # 30 s against an embedded redis-server
 * mvn gatling:test -Dredline.test.duration=60s -Dredline.url=redis://localhost:6379
 * </pre>
 */
public class BasicSimulation extends Simulation {
  private final RunSettings settings = RunSettings.load();
  private final Duration duration = settings.duration();

  // No url(): Redline uses -Dredline.url, then REDIS_URL, else starts an embedded redis-server.
  private final RedisProtocolBuilder redisProtocol = settings.protocol();

  private final ScenarioBuilder basic =
      scenario("basic")
          .during(duration)
          .on(
              exec(redis("SET").set("basic:#{userId}", "value-#{userId}"))
                  .exec(redis("GET").get("basic:#{userId}").check(reply().isEL("value-#{userId}")))
                  .exec(redis("INCR").incr("basic:counter:#{userId}"))
                  .exec(redis("DEL").del("basic:tmp:#{userId}")));

  {
    setUp(
            settings.gated(
                basic.injectClosed(constantConcurrentUsers(settings.users()).during(duration))))
        .protocols(redisProtocol)
        .assertions(settings.assertions())
        .assertions(global().failedRequests().percent().lt(1.0));
  }
}
