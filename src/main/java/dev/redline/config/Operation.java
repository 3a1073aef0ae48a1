package dev.redline.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The operations a workload's {@code operations} map may name, each on keys of its own data type
 * ({@code <prefix>:key:n} for strings, {@code :counter:} for INCR, {@code :list:}, {@code :hash:},
 * {@code :set:}, {@code :zset:}), so that no mix ever causes WRONGTYPE.
 */
public enum Operation {
  SET("key"),
  GET("key"),
  DEL("key"),
  EXISTS("key"),
  EXPIRE("key"),
  TTL("key"),
  APPEND("key"),
  STRLEN("key"),
  INCR("counter"),
  LPUSH("list"),
  RPUSH("list"),
  LPOP("list"),
  RPOP("list"),
  LRANGE("list"),
  LLEN("list"),
  HSET("hash"),
  HGET("hash"),
  HGETALL("hash"),
  SADD("set"),
  SMEMBERS("set"),
  SCARD("set"),
  ZADD("zset"),
  ZRANGE("zset"),
  PUBLISH("channel");

  /** Lists never grow past this many items: every push is followed by an LTRIM. */
  public static final int LIST_MAX_LENGTH = 1000;

  private final String namespace;

  Operation(String namespace) {
    this.namespace = namespace;
  }

  /** The key type this operation works on: key, counter, list, hash, set, zset or channel. */
  public String namespace() {
    return namespace;
  }

  /** True for LPUSH and RPUSH, which are followed by an LTRIM to keep lists bounded. */
  public boolean growsList() {
    return this == LPUSH || this == RPUSH;
  }

  /** The operation of a name (any case), or null. */
  public static Operation byName(String name) {
    try {
      return valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Every operation name. */
  public static List<String> names() {
    return Arrays.stream(values()).map(Enum::name).toList();
  }

  /** The nearest operation name to a misspelt one, or null. */
  public static String nearest(String wrong) {
    String upper = wrong.toUpperCase(Locale.ROOT);
    return names().stream()
        .filter(n -> n.startsWith(upper.substring(0, Math.min(2, upper.length()))))
        .findFirst()
        .orElse(null);
  }
}
