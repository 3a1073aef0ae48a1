package dev.redline.javaapi;

import dev.redline.action.SubscribeAction;
import dev.redline.command.SessionValue;
import dev.redline.protocol.RedisProtocol;
import io.gatling.javaapi.core.ActionBuilder;
import java.util.List;

/**
 * A SUBSCRIBE request (see {@link PubSubCommands#subscribe(String...)}): starts a subscriber for
 * the virtual user.
 *
 * <pre>{@code exec(redis("join news").subscribe("news"))}</pre>
 */
public final class RedisSubscribe implements ActionBuilder {
  private final String requestName;
  private final List<SessionValue<String>> channels;

  RedisSubscribe(String requestName, List<SessionValue<String>> channels) {
    this.requestName = requestName;
    this.channels = List.copyOf(channels);
  }

  @Override
  public io.gatling.core.action.builder.ActionBuilder asScala() {
    return (ctx, next) ->
        new SubscribeAction(
            requestName,
            channels,
            ctx,
            ctx.protocolComponentsRegistry().components(RedisProtocol.KEY),
            next);
  }
}
