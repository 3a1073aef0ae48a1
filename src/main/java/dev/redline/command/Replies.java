package dev.redline.command;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.util.KeyValue;

/** Turns Jedis's raw replies (byte arrays, longs, lists) into Java values that checks can read. */
public final class Replies {
  private Replies() {}

  /**
   * Decodes a raw reply: bulk and status strings become {@code String} (UTF-8), integers stay
   * {@code Long}, arrays become {@code List}, RESP3 maps become {@code Map}, nil stays {@code
   * null}.
   */
  public static Object decode(Object raw) {
    if (raw instanceof byte[] bytes) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
    if (raw instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof KeyValue<?, ?>) {
      // a RESP3 map: Jedis reads it as a list of key/value pairs
      Map<Object, Object> decoded = new LinkedHashMap<>();
      for (Object item : list) {
        KeyValue<?, ?> pair = (KeyValue<?, ?>) item;
        decoded.put(decode(pair.getKey()), decode(pair.getValue()));
      }
      return decoded;
    }
    if (raw instanceof List<?> list) {
      List<Object> decoded = new ArrayList<>(list.size());
      for (Object item : list) {
        decoded.add(decode(item));
      }
      return decoded;
    }
    if (raw instanceof Map<?, ?> map) {
      Map<Object, Object> decoded = new LinkedHashMap<>();
      map.forEach((k, v) -> decoded.put(decode(k), decode(v)));
      return decoded;
    }
    return raw;
  }
}
