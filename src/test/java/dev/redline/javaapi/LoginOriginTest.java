package dev.redline.javaapi;

import static org.junit.jupiter.api.Assertions.*;

import dev.redline.protocol.RedisProtocol;
import org.junit.jupiter.api.Test;

/**
 * The settings' login origin, which a refused login names, stays only while the login is the
 * settings' own: a simulation that names another URL, user or password takes it away.
 */
class LoginOriginTest {
  private static String originOf(RedisProtocolBuilder builder) {
    return ((RedisProtocol) builder.protocol()).origin().loginOrigin();
  }

  @Test
  void aLoginTheSimulationNamesIsNotBlamedOnTheSettings() {
    RedisProtocolBuilder fromSettings =
        RedisDsl.redis().url("redis://:p@h:1", "r.yaml key redis.url").loginOrigin("r.yaml");
    assertEquals("r.yaml", originOf(fromSettings));
    assertEquals("r.yaml", originOf(fromSettings.database(2).port(7000)));
    assertNull(originOf(fromSettings.password("other")));
    assertNull(originOf(fromSettings.username("someone")));
    assertNull(originOf(fromSettings.url("redis://:q@h:1")));
  }
}
