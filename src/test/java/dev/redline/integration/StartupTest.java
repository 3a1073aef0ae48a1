package dev.redline.integration;

import static dev.redline.javaapi.RedisDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.redline.testing.GatlingRun;
import dev.redline.testing.TestRedisServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A Redis that cannot be reached at start fails the run at once, before any load, naming it. */
class StartupTest {

  @Test
  void unreachableServerFailsTheRunFastWithAClearError() throws Exception {
    int closedPort = TestRedisServer.freePort();
    var scn = scenario("never").exec(cmd.get("k"));
    long start = System.nanoTime();
    // in Gatling's own JVM the refusal is one line and exit 1 (OneLineErrorsTest); run inside
    // another JVM (this test, an IDE), the refusal is thrown to the caller, naming the server
    Exception error =
        assertThrows(
            Exception.class,
            () ->
                GatlingRun.run(
                    redis()
                        .url("redis://127.0.0.1:" + closedPort)
                        .connectTimeout(Duration.ofMillis(500)),
                    Duration.ofSeconds(30),
                    scn.injectOpen(atOnceUsers(1))));
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(millis < 10_000, "failed fast: " + millis + " ms");
    String message = rootMessage(error);
    assertTrue(
        message.contains("127.0.0.1:" + closedPort) && message.contains("CONNECTION"), message);
  }

  private static String rootMessage(Throwable t) {
    StringBuilder all = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause()) {
      all.append(c.getMessage()).append(" | ");
    }
    return all.toString();
  }
}
