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
      case SET -> cmd.set(key, value);
      case GET ->
          values.verifying()
              ? cmd.get(key).check(reply().isNilOr(s -> values.expected(key.apply(s))))
              : cmd.get(key);
      case DEL -> cmd.del(key);
      case EXISTS -> cmd.exists(key);
      case EXPIRE -> cmd.expire(key, 300);
      case TTL -> cmd.ttl(key);
      case APPEND -> cmd.append(key, s -> "+");
      case STRLEN -> cmd.strlen(key);
      case INCR -> cmd.incr(key);
      case LPUSH -> cmd.lpush(key, value);
      case RPUSH -> cmd.rpush(key, value);
      case LPOP -> cmd.lpop(key);
      case RPOP -> cmd.rpop(key);
      case LRANGE -> cmd.lrange(key, 0, 9);
      case LLEN -> cmd.llen(key);
      case HSET -> cmd.hset(key, member, value);
      case HGET -> cmd.hget(key, member);
      case HGETALL -> cmd.hgetAll(key);
      case SADD -> cmd.sadd(key, member);
      case SMEMBERS -> cmd.smembers(key);
      case SCARD -> cmd.scard(key);
      case ZADD -> cmd.zadd(key, 1.0, member);
      case ZRANGE -> cmd.zrange(key, 0, 9);
      case PUBLISH -> cmd.publish(key, value);
    };
  }

  /** The LTRIM that keeps a list bounded after a push. */
  static RedisCommand trim(Function<Session, String> listKey) {
    return cmd.ltrim(listKey, 0, Operation.LIST_MAX_LENGTH - 1);
  }
}
