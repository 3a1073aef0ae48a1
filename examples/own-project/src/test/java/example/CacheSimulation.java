package example;

import static dev.redline.javaapi.RedisDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;

import dev.redline.javaapi.RedisProtocolBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/** A user writes its profile and reads it back; hits are counted in a pipeline. */
public class CacheSimulation extends Simulation {
  // the Redis of -Dredline.url or REDIS_URL
  RedisProtocolBuilder redisProtocol = redis().clientInstances(2).threadsPerClient(3);

  Duration duration = Duration.ofSeconds(Long.getLong("seconds", 10));

  ScenarioBuilder cache =
      scenario("cache")
          .during(duration)
          .on(
              exec(redis("SET profile").set("profile:#{userId}", "v-#{userId}"))
                  .exec(redis("GET profile").get("profile:#{userId}").check(reply().isEL("v-#{userId}")))
                  .exec(redis("BATCH").pipeline(cmd.incr("hits"), cmd.get("profile:#{userId}"))));

  {
    setUp(cache.injectClosed(constantConcurrentUsers(6).during(duration)))
        .protocols(redisProtocol)
        .assertions(global().failedRequests().percent().lt(1.0));
  }
}
