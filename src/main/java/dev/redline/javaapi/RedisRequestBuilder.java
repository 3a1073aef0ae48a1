package dev.redline.javaapi;

import dev.redline.action.BatchKind;

/**
 * A named request whose command is chosen next: {@code redis("GET user").get("user:#{id}")}, a
 * pipeline {@code redis("BATCH").pipeline(...)} or a transaction {@code
 * redis("checkout").transaction(...)}. The name is what Gatling's and Redline's reports show.
 */
public final class RedisRequestBuilder implements RedisCommands {
  private final String requestName;

  RedisRequestBuilder(String requestName) {
    RedisDslError.notNull(requestName, "requestName");
    if (requestName.isBlank()) {
      throw new RedisDslError("a request name must not be blank");
    }
    this.requestName = requestName;
  }

  /** The name this request's command is reported under. */
  String requestName() {
    return requestName;
  }

  @Override
  public String toString() {
    return "redis(\"" + requestName + "\")";
  }

  /**
   * A pipeline: the commands go in one round trip; reported under this request's name with the
   * round-trip time, plus one amortized entry per command.
   *
   * <pre>
   * {@code redis("BATCH").pipeline(cmd.incr("hits"), cmd.get("user:#{id}"), cmd.del("tmp:#{id}"))}
   * </pre>
   *
   * @param commands the commands, sent in order
   * @return a batch action
   */
  public RedisBatch pipeline(RedisCommand... commands) {
    return new RedisBatch(requestName, BatchKind.PIPELINE, commands);
  }

  /**
   * A MULTI/EXEC transaction, reported like a pipeline under this request's name.
   *
   * <pre>
   * {@code redis("transfer").transaction(cmd.decrBy("{acct}:a", 5), cmd.incrBy("{acct}:b", 5))}
   * </pre>
   *
   * @param commands the commands, applied atomically in order
   * @return a batch action
   */
  public RedisBatch transaction(RedisCommand... commands) {
    return new RedisBatch(requestName, BatchKind.TRANSACTION, commands);
  }
}
