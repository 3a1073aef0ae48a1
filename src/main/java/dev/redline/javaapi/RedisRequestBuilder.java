package dev.redline.javaapi;

import dev.redline.action.BatchKind;
import dev.redline.command.CommandSpec;
import java.util.Objects;

/**
 * A named request whose command is chosen next: {@code redis("GET user").get("user:#{id}")}, a
 * pipeline {@code redis("BATCH").pipeline(...)} or a transaction {@code
 * redis("checkout").transaction(...)}. The name is what Gatling's and Redline's reports show.
 */
public final class RedisRequestBuilder extends RedisCommandSet {
  private final String requestName;

  RedisRequestBuilder(String requestName) {
    Objects.requireNonNull(requestName, "requestName");
    if (requestName.isBlank()) {
      throw new IllegalArgumentException("a request name must not be blank");
    }
    this.requestName = requestName;
  }

  @Override
  RedisCommand make(CommandSpec spec) {
    return new RedisCommand(spec.named(requestName));
  }

  /**
   * A pipeline: the commands go in one round trip; reported under this request's name with the
   * round-trip time, plus one amortized entry per command.
   *
   * <pre>{@code redis("BATCH").pipeline(incr("hits"), get("user:#{id}"), del("tmp:#{id}"))}</pre>
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
   * <pre>{@code redis("transfer").transaction(decrBy("{acct}:a", 5), incrBy("{acct}:b", 5))}</pre>
   *
   * @param commands the commands, applied atomically in order
   * @return a batch action
   */
  public RedisBatch transaction(RedisCommand... commands) {
    return new RedisBatch(requestName, BatchKind.TRANSACTION, commands);
  }
}
