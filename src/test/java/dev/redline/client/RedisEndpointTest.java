package dev.redline.client;

import static org.junit.jupiter.api.Assertions.*;

import dev.redline.config.RedisEndpoint;
import org.junit.jupiter.api.Test;

class RedisEndpointTest {

  @Test
  void parsesEveryPartOfAUrl() {
    RedisEndpoint e = RedisEndpoint.parse("redis://app:s%40cret@cache.internal:6380/3");
    assertEquals("cache.internal", e.host());
    assertEquals(6380, e.port());
    assertEquals("app", e.username());
    assertEquals("s@cret", e.password());
    assertEquals(3, e.database());
    assertFalse(e.tls());
  }

  @Test
  void defaultsPortAndDatabaseAndReadsTls() {
    RedisEndpoint e = RedisEndpoint.parse("rediss://:pw@localhost");
    assertEquals(6379, e.port());
    assertEquals(0, e.database());
    assertNull(e.username());
    assertEquals("pw", e.password());
    assertTrue(e.tls());
  }

  @Test
  void neverShowsThePassword() {
    RedisEndpoint e = RedisEndpoint.parse("redis://app:topsecret@h:1/2");
    assertEquals("redis://app:***@h:1/2", e.toString());
    assertEquals("redis://app:***@h:1", RedisEndpoint.redact("redis://app:topsecret@h:1"));
  }

  @Test
  void rejectsMalformedUrlsWithTheReason() {
    assertMessage("http://h:1", "scheme must be redis or rediss");
    assertMessage("redis://h:99999", "out of range");
    assertMessage("redis://h:1/x", "database 'x' is not a number");
    assertMessage("redis://:pw@:1", "no host");
    assertMessage("redis://h :1", "malformed Redis URL");
  }

  @Test
  void aRawAtSignInThePasswordHidesTheWholeUserInfoAndSaysHowToEncodeIt() {
    String secret = "Zq9Lx@keCq";
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> RedisEndpoint.parse("redis://:" + secret + "@127.0.0.1:7802"));
    for (String part : new String[] {"Zq9Lx", "keCq"}) {
      assertFalse(e.getMessage().contains(part), e.getMessage());
    }
    assertTrue(e.getMessage().contains("redis://***@127.0.0.1:7802"), e.getMessage());
    assertTrue(e.getMessage().contains("@ as %40"), e.getMessage());
  }

  @Test
  void aUserNameAndPasswordWithSpacesSurviveTheWayBackToAUrl() {
    RedisEndpoint pieces = new RedisEndpoint("h", 1, "u ser", "sp ace-Pw1+", 0, false);
    RedisEndpoint again = RedisEndpoint.parse(pieces.toUrl());
    assertEquals("u ser", again.username());
    assertEquals("sp ace-Pw1+", again.password());
  }

  @Test
  void aUrlWithoutItsSchemeIsToldWhatToWrite() {
    assertMessage("localhost:7413", "write redis://localhost:7413");
    assertMessage("redis://:pw#1@h:1", "# as %23");
  }

  @Test
  void aPlusInAPasswordStaysAPlus() {
    assertEquals("a+b c", RedisEndpoint.parse("redis://:a+b%20c@h:1").password());
  }

  private static void assertMessage(String url, String part) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> RedisEndpoint.parse(url));
    assertTrue(e.getMessage().contains(part), e.getMessage());
  }
}
