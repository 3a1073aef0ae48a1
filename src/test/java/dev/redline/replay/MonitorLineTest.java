package dev.redline.replay;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A MONITOR line's words come back byte for byte, with its time, database and client. */
class MonitorLineTest {

  private static byte[] bytes(String iso) {
    return iso.getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  void readsTheTimeTheDatabaseTheClientAndEachWord() {
    CapturedCommand c =
        MonitorLine.parse("1733582400.123456 [3 127.0.0.1:53422] \"SET\" \"k\" \"v w\"");
    assertEquals(1733582400_123456L, c.epochMicros());
    assertEquals(3, c.database());
    assertEquals("127.0.0.1:53422", c.client());
    assertEquals("SET", c.name());
    assertArrayEquals(new byte[][] {bytes("k"), bytes("v w")}, c.arguments());
  }

  @Test
  void escapesComeBackByteForByte() {
    CapturedCommand c =
        MonitorLine.parse(
            "1.5 [0 lua] \"set\" \"\\\"q\\\"\\\\\" \"\\x00\\xff\\xc3\\xa9\\n\\r\\t\\a\\b\"");
    assertEquals(1_500000L, c.epochMicros());
    assertEquals("lua", c.client());
    assertEquals("SET", c.name());
    assertArrayEquals(bytes("\"q\"\\"), c.arguments()[0]);
    assertArrayEquals(
        new byte[] {0, (byte) 0xff, (byte) 0xc3, (byte) 0xa9, '\n', '\r', '\t', 7, '\b'},
        c.arguments()[1]);
  }

  @Test
  void anEmptyWordAndAnIpv6ClientAndAUnixSocket() {
    assertArrayEquals(
        new byte[][] {bytes("")},
        MonitorLine.parse("2.000001 [0 [::1]:6379] \"GET\" \"\"").arguments());
    assertEquals(
        "unix:/tmp/redis.sock",
        MonitorLine.parse("2.000001 [0 unix:/tmp/redis.sock] \"PING\"").client());
  }

  @Test
  void whatIsNotMonitorOutputIsSaid() {
    for (String[] bad :
        new String[][] {
          {"SET k v", "no time"},
          {"17335.1 SET k v", "no [database client]"},
          {"17335.1 [x 127.0.0.1:1] \"SET\"", "the database is not a number"},
          {"17335.1 [0 127.0.0.1:1] \"SET", "not closed"},
          {"17335.1 [0 127.0.0.1:1] \"SET\" k", "not quoted"},
          {"17335.1 [0 127.0.0.1:1] \"\\xZZ\"", "two hex digits"},
        }) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> MonitorLine.parse(bad[0]));
      assertTrue(e.getMessage().contains(bad[1]), bad[0] + ": " + e.getMessage());
    }
  }
}
