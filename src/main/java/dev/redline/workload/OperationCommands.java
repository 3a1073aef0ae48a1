package dev.redline.workload;

import static dev.redline.javaapi.RedisDsl.*;

import dev.redline.config.Operation;
import dev.redline.javaapi.RedisCommand;
import io.gatling.javaapi.core.Session;
import java.util.function.Function;

/**
 * What each {@link Operation} of a workload sends, on keys of its own type (see {@link Operation}).
 */
final class OperationCommands {
  private OperationCommands() {}

  /**
   * The command for an operation.
   *
   * @param operation what the workload does
   * @param key the key, from the session (already in this operation's namespace)
   * @param values where written values come from (and what verified reads expect)
   */
  static RedisCommand command(
      Operation operation, Function<Session, String> key, ValueSource values) {
    // only verified values depend on the key: otherwise the key is not built a second time
    Function<Session, String> value =
        values.verifying() ? s -> values.expected(key.apply(s)) : s -> values.random();
    Function<Session, String> member = s -> "m" + Math.floorMod(key.apply(s).hashCode(), 100);
    return switch (operation) {
      case SET -> set(key, value);
      case GET ->
          values.verifying()
              ? get(key).check(reply().isNilOr(s -> values.expected(key.apply(s))))
              : get(key);
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
  static RedisCommand trim(Function<Session, String> listKey) {
    return ltrim(listKey, 0, Operation.LIST_MAX_LENGTH - 1);
  }
}
