package dev.redline.workload;

import static dev.redline.javaapi.RedisDsl.*;

import dev.redline.javaapi.RedisCommand;
import io.gatling.javaapi.core.Session;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The operations a workload's {@code operations} map may name, each on keys of its own data type
 * ({@code <prefix>:key:n} for strings, {@code :counter:} for INCR, {@code :list:}, {@code :hash:},
 * {@code :set:}, {@code :zset:}), so that no mix ever causes WRONGTYPE.
 */
public enum Operation {
  SET("key"), GET("key"), DEL("key"), EXISTS("key"), EXPIRE("key"), TTL("key"), APPEND("key"), STRLEN("key"),
  INCR("counter"),
  LPUSH("list"), RPUSH("list"), LPOP("list"), RPOP("list"), LRANGE("list"), LLEN("list"),
  HSET("hash"), HGET("hash"), HGETALL("hash"),
  SADD("set"), SMEMBERS("set"), SCARD("set"),
  ZADD("zset"), ZRANGE("zset"),
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

  /**
   * The command for this operation.
   *
   * @param key the key, from the session (already in this operation's namespace)
   * @param values where written values come from (and what verified reads expect)
   */
  public RedisCommand command(Function<Session, String> key, ValueSource values) {
    // only verified values depend on the key: otherwise the key is not built a second time
    Function<Session, String> value = values.verifying() ? s -> values.expected(key.apply(s)) : s -> values.random();
    Function<Session, String> member = s -> "m" + Math.floorMod(key.apply(s).hashCode(), 100);
    return switch (this) {
      case SET -> set(key, value);
      case GET -> values.verifying() ? get(key).check(reply().isNilOr(s -> values.expected(key.apply(s)))) : get(key);
      case DEL -> del(key);
      case EXISTS -> exists(key);
      case EXPIRE -> expire(key, 300);
      case TTL -> ttl(key);
      case APPEND -> append(key, s -> "+");
      case STRLEN -> strlen(key);
      case INCR -> incr(key);
      case LPUSH -> lpush(key, value);
      case RPUSH -> rpush(key, value);
      case LPOP -> lpop(key);
      case RPOP -> rpop(key);
      case LRANGE -> lrange(key, 0, 9);
      case LLEN -> llen(key);
      case HSET -> hset(key, member, value);
      case HGET -> hget(key, member);
      case HGETALL -> hgetAll(key);
      case SADD -> sadd(key, member);
      case SMEMBERS -> smembers(key);
      case SCARD -> scard(key);
      case ZADD -> zadd(key, 1.0, member);
      case ZRANGE -> zrange(key, 0, 9);
      case PUBLISH -> publish(key, value);
    };
  }

  /** The LTRIM that keeps a list bounded after a push. */
  public static RedisCommand trim(Function<Session, String> listKey) {
    return ltrim(listKey, 0, LIST_MAX_LENGTH - 1);
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
    return names().stream().filter(n -> n.startsWith(upper.substring(0, Math.min(2, upper.length())))).findFirst().orElse(null);
  }
}
