package dev.redline.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.util.KeyValue;

/** Jedis's raw replies become the Java types checks see. */
class RepliesTest {

  private static byte[] bulk(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void bulkStringsAreUtf8TextIntegersStayLongNilStaysNull() {
    assertEquals("héllo", Replies.decode(bulk("héllo")));
    assertEquals(42L, Replies.decode(42L));
    assertNull(Replies.decode(null));
  }

  @Test
  void arraysAreListsDecodedDeeplyWithTheirNils() {
    Object raw = Arrays.asList(bulk("a"), null, List.of(bulk("b"), 7L));
    assertEquals(Arrays.asList("a", null, List.of("b", 7L)), Replies.decode(raw));
    assertEquals(List.of(), Replies.decode(List.of()));
  }

  @Test
  void resp3MapsAreMapsInOrder() {
    Object raw = List.of(KeyValue.of(bulk("name"), bulk("Ada")), KeyValue.of(bulk("visits"), 3L));
    Object decoded = Replies.decode(raw);
    assertEquals(Map.of("name", "Ada", "visits", 3L), decoded);
    assertEquals(List.of("name", "visits"), List.copyOf(((Map<?, ?>) decoded).keySet()));
  }
}
