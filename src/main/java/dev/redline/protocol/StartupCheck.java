package dev.redline.protocol;

import dev.redline.client.ClientSettings;
import dev.redline.client.ConnectionHealth;
import dev.redline.client.ClientPool;
import dev.redline.command.RedisFailure;
import dev.redline.report.LatencyRecorder;
import redis.clients.jedis.Jedis;

/** Before any load starts: can every client reach and log in to Redis? */
final class StartupCheck {
  private StartupCheck() {}

  /**
   * Sends one PING through each client's pool.
   *
   * @throws RedlineStartupException naming the endpoint and the cause
   */
  static void verify(ClientPool pool, LatencyRecorder recorder, boolean startDuringOutage) {
    ClientSettings settings = pool.settings();
    pool.clients().forEach(client -> {
      try (Jedis jedis = client.borrow()) {
        recorder.sent("ping");
        jedis.ping();
      } catch (RuntimeException e) {
        RedisFailure failure = RedisFailure.of(e);
        String problem = "cannot use Redis at " + settings.endpoint() + ": " + failure.kind() + " " + failure.message();
        if (startDuringOutage && ConnectionHealth.isConnectionFailure(failure.kind())) {
          System.out.println("Redline: " + problem + " - starting anyway (startDuringOutage)");
          client.health().failed(failure.kind());
          return;
        }
        throw new RedlineStartupException(problem);
      }
    });
  }
}
