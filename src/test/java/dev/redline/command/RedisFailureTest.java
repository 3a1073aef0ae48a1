package dev.redline.command;

import static org.junit.jupiter.api.Assertions.*;

import dev.redline.testing.TestRedis;
import dev.redline.testing.TestRedisServer;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol;

/** Failures from a real server are classified by kind, with their first line as message. */
class RedisFailureTest {
  private static TestRedisServer server;

  @BeforeAll
  static void start() {
    server = TestRedisServer.start("--requirepass", "pw");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void errorRepliesAreClassifiedByTheirPrefix() {
    try (Jedis jedis = TestRedis.connect(server)) {
      assertEquals("NOAUTH", classify(() -> jedis.get("k")).kind());
      jedis.auth("pw");
      jedis.rpush("list", "x");
      RedisFailure wrongType = classify(() -> jedis.sendCommand(Protocol.Command.GET, "list"));
      assertEquals("WRONGTYPE", wrongType.kind());
      assertTrue(wrongType.message().startsWith("WRONGTYPE Operation against a key"));
      assertEquals(
          "ERR", classify(() -> jedis.sendCommand(Protocol.Command.INCR, "x", "y")).kind());
    }
    try (Jedis jedis = TestRedis.connect(server)) {
      assertEquals("WRONGPASS", classify(() -> jedis.auth("wrong")).kind());
    }
  }

  @Test
  void anErrorThatQuotesItsArgumentsIsSummedUpWithoutThem() {
    try (Jedis jedis = TestRedis.connect(server)) {
      jedis.auth("pw");
      RedisFailure unknown =
          classify(() -> jedis.sendCommand(() -> "NOPE".getBytes(), "user:1", "x"));
      assertEquals("ERR", unknown.kind());
      assertTrue(unknown.message().contains("user:1"), unknown.message());
      // Redis 6 quotes with `, Redis 7 with '
      assertTrue(unknown.summary().matches("ERR unknown command [`']NOPE[`']"), unknown.summary());
    }
  }

  @Test
  void refusedAndSilentServersAreConnectionAndTimeout() throws Exception {
    int closed = TestRedisServer.freePort();
    RedisFailure refused = classify(() -> new Jedis("127.0.0.1", closed, 300).ping());
    assertEquals("CONNECTION", refused.kind());
    assertTrue(refused.message().contains("Connection refused"), refused.message());
    try (ServerSocket silent = new ServerSocket(0)) {
      RedisFailure timeout =
          classify(() -> new Jedis("127.0.0.1", silent.getLocalPort(), 300).ping());
      assertEquals("TIMEOUT", timeout.kind());
      // Jedis wraps the socket's exception with its toString() as message: said once, no class
      assertEquals("Read timed out", timeout.message());
    }
  }

  @Test
  void checksAndExpressionsHaveTheirOwnKinds() {
    assertEquals(
        new RedisFailure("CHECK", "expected 'a' but got 'b'"),
        RedisFailure.of(new CheckFailure("expected 'a' but got 'b'\nmore")));
    assertEquals(
        "EL", RedisFailure.of(new ExpressionFailure("No attribute named 'x' is defined")).kind());
    assertEquals(
        List.of("ERR", "ERR", "MOVED", "CROSSSLOT"),
        List.of(
            RedisFailure.errorPrefix("unknown command 'FOO'"), RedisFailure.errorPrefix("E"),
            RedisFailure.errorPrefix("MOVED 3999 127.0.0.1:6381"),
                RedisFailure.errorPrefix("CROSSSLOT Keys in request don't hash to the same slot")));
  }

  private static RedisFailure classify(Runnable call) {
    RuntimeException e = assertThrows(RuntimeException.class, call::run);
    return RedisFailure.of(e);
  }
}
