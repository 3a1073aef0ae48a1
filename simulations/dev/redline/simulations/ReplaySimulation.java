package dev.redline.simulations;

import static dev.redline.javaapi.RedisDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;

import dev.redline.config.ConfigError;
import dev.redline.config.Refusal;
import dev.redline.config.ReplayConfig;
import dev.redline.javaapi.RedisReplay;
import dev.redline.workload.RunSettings;
import io.gatling.javaapi.core.Simulation;

/**
 * The ready replay of a {@code MONITOR} capture against the Redis the settings name: every command
 * byte for byte under its own name, at the recorded pace times {@code replay.speed} (0: as fast as
 * client_instances × threads_per_client users go), until the capture ends. Commands that must never
 * run against a shared server are left out and counted unless {@code replay.allow} names them.
 *
 * <pre>
 * redis-cli -h prod-cache MONITOR > capture.txt                     # Ctrl+C when enough
 * mvn gatling:test -Dgatling.simulationClass=dev.redline.simulations.ReplaySimulation \
 *     -Dredline.replay.file=capture.txt -Dredline.redis.url=redis://test-server:6379
 * mvn gatling:test -Dgatling.simulationClass=dev.redline.simulations.ReplaySimulation \
 *     -Dredline.replay.file=capture.txt -Dredline.replay.speed=0 -Dredline.replay.key_prefix=replay:
 * </pre>
 */
public class ReplaySimulation extends Simulation {
  private final RunSettings settings = RunSettings.load();
  private final ReplayConfig replay = replaySettings();

  {
    RedisReplay capture =
        replay(replay.file().orElseThrow().toString())
            .speed(replay.speed())
            .allow(replay.allow().toArray(String[]::new));
    if (replay.keyPrefix().isPresent()) {
      capture = capture.keyPrefix(replay.keyPrefix().get());
    }
    setUp(
            settings.gated(
                scenario("replay")
                    .exec(capture.untilEnd())
                    .injectOpen(atOnceUsers(settings.users()))))
        .protocols(settings.protocol())
        .assertions(settings.assertions());
  }

  private static ReplayConfig replaySettings() {
    try {
      ReplayConfig replay = ReplayConfig.load();
      if (replay.file().isEmpty()) {
        throw new ConfigError(
            "ReplaySimulation replays a MONITOR capture: name it with"
                + " -Dredline.replay.file=capture.txt (redis-cli MONITOR > capture.txt)");
      }
      return replay;
    } catch (ConfigError e) {
      throw Refusal.saidOnce(e);
    }
  }
}
