package dev.redline.javaapi;

import dev.redline.action.CommandAction;
import dev.redline.command.CommandSpec;
import dev.redline.protocol.RedisProtocol;
import io.gatling.javaapi.core.ActionBuilder;

/**
 * One Redis command: a request of its own when passed to {@code exec(...)}, or one element of a
 * {@link RedisDsl#pipeline pipeline} or {@link RedisDsl#transaction transaction}. Immutable: every
 * method returns a new command.
 *
 * <pre>{@code
 * exec(redis("GET user").get("user:#{id}").check(reply().isEL("v-#{id}")))
 * exec(cmd.incr("hits"))                                   // reported as INCR
 * exec(pipeline(cmd.set("a", "1"), cmd.get("a").named("GET a")))
 * }</pre>
 */
public final class RedisCommand implements ActionBuilder {
  private final CommandSpec spec;

  RedisCommand(CommandSpec spec) {
    this.spec = spec;
  }

  /**
   * Reports this command under another request name (default: the command name, e.g. GET).
   *
   * <pre>{@code cmd.get("user:#{id}").named("GET user")}</pre>
   *
   * @param requestName the name shown in Gatling's and Redline's reports
   * @return a new command
   */
  public RedisCommand named(String requestName) {
    return new RedisCommand(spec.named(requestName));
  }

  /**
   * Adds Gatling checks on the reply (made with {@link RedisDsl#reply()}); all must pass for the
   * request to be OK, and a failed one makes it KO with code CHECK (VERIFY for data verification).
   *
   * <pre>{@code cmd.get("k:#{id}").check(reply().isEL("v-#{id}"), reply().saveAs("value"))}</pre>
   *
   * @param checks the checks, applied in order
   * @return a new command
   */
  public RedisCommand check(io.gatling.javaapi.core.CheckBuilder... checks) {
    CommandSpec checked = spec;
    for (io.gatling.javaapi.core.CheckBuilder check : checks) {
      checked = checked.withCheck(ReplyChecks.build(check));
    }
    return new RedisCommand(checked);
  }

  /** The command as data (request name, command, arguments, checks). */
  CommandSpec spec() {
    return spec;
  }

  @Override
  public io.gatling.core.action.builder.ActionBuilder asScala() {
    return (ctx, next) ->
        new CommandAction(
            spec, ctx, ctx.protocolComponentsRegistry().components(RedisProtocol.KEY), next);
  }
}
