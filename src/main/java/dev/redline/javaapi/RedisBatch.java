package dev.redline.javaapi;

import dev.redline.action.BatchAction;
import dev.redline.action.BatchKind;
import dev.redline.command.CommandSpec;
import dev.redline.protocol.RedisProtocol;
import io.gatling.javaapi.core.ActionBuilder;
import java.util.Arrays;
import java.util.List;

/**
 * A batch of commands sent in one round trip — a pipeline, or a MULTI/EXEC transaction — made by
 * {@link RedisDsl#pipeline}, {@link RedisDsl#transaction} or {@code redis("name").pipeline(...)}.
 *
 * <p>Reported as one entry under the batch name with the round-trip time, plus one entry per
 * command (named by the command, or its {@link RedisCommand#named name}) with the round-trip time
 * divided by the number of commands.
 *
 * <pre>
 * {@code exec(redis("BATCH").pipeline(cmd.incr("hits"), cmd.get("user:#{id}"), cmd.del("tmp:#{id}")))}
 * </pre>
 */
public final class RedisBatch implements ActionBuilder {
  private final String name;
  private final BatchKind kind;
  private final List<CommandSpec> commands;

  RedisBatch(String name, BatchKind kind, RedisCommand... commands) {
    this.name = RedisDslError.notNull(name, "name");
    this.kind = kind;
    if (commands.length == 0) {
      throw new RedisDslError(
          "a "
              + (kind == BatchKind.PIPELINE ? "pipeline" : "transaction")
              + " needs at least one command");
    }
    this.commands =
        Arrays.stream(commands).map(c -> RedisDslError.notNull(c, "command").spec()).toList();
  }

  /**
   * Reports the batch under another name (default BATCH for pipelines, MULTI/EXEC for
   * transactions).
   *
   * <pre>{@code pipeline(cmd.set("a", "1"), cmd.get("a")).named("warm-up batch")}</pre>
   *
   * @param batchName the batch entry's name
   * @return a new batch
   */
  public RedisBatch named(String batchName) {
    return new RedisBatch(
        batchName, kind, commands.stream().map(RedisCommand::new).toArray(RedisCommand[]::new));
  }

  @Override
  public io.gatling.core.action.builder.ActionBuilder asScala() {
    return (ctx, next) ->
        new BatchAction(
            name,
            kind,
            commands,
            ctx,
            ctx.protocolComponentsRegistry().components(RedisProtocol.KEY),
            next);
  }
}
