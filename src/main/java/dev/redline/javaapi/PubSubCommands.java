package dev.redline.javaapi;

import static dev.redline.javaapi.CommandBuilding.*;

import dev.redline.command.CommandSpec;
import dev.redline.command.SessionValue;
import dev.redline.command.SessionValues;
import io.gatling.javaapi.core.Session;
import java.util.List;
import java.util.function.Function;

/**
 * Publish and subscribe: PUBLISH, a tracked PUBLISH whose deliveries are measured end to end, and
 * SUBSCRIBE.
 *
 * <p>Every method takes Gatling EL strings or functions of the session, and returns a command:
 * named by the request ({@code redis("name")}) or by its command ({@code cmd}).
 */
public sealed interface PubSubCommands permits RedisCommands {
  /**
   * PUBLISH: publishes a message on a channel; replies the number of subscribers that got it.
   *
   * <pre>{@code redis("PUBLISH").publish("news", "hello #{id}")}</pre>
   */
  default RedisCommand publish(String channel, String message) {
    return build(this, "PUBLISH", args(channel, message));
  }

  /**
   * PUBLISH: publishes a message on a channel; replies the number of subscribers that got it.
   *
   * <pre>{@code cmd.publish(s -> "news", s -> "hello " + s.userId())}</pre>
   */
  default RedisCommand publish(
      Function<Session, String> channel, Function<Session, String> message) {
    return build(this, "PUBLISH", args(channel, message));
  }

  /**
   * PUBLISH of a numbered, timestamped message of about {@code size} bytes, whose delivery the
   * subscribers started with {@link #subscribe(String...)} measure end to end (DELIVERY). Once
   * Redis answers, every such subscriber listening on the channel owes the message (counted by
   * Redline, not from PUBLISH's reply); owed messages that never arrive are DELIVERY KO {@code
   * LOST}.
   *
   * <pre>{@code redis("PUBLISH news").trackedPublish("news", 100)}</pre>
   */
  default RedisCommand trackedPublish(String channel, int size) {
    return named(this, CommandSpec.trackedPublish(SessionValues.el(channel), size));
  }

  /**
   * A tracked PUBLISH (see {@link #trackedPublish(String, int)}) on a channel from the session.
   *
   * <pre>{@code cmd.trackedPublish(s -> "news:" + s.userId() % 4, 100)}</pre>
   */
  default RedisCommand trackedPublish(Function<Session, String> channel, int size) {
    return named(this, CommandSpec.trackedPublish(SessionValues.fn(channel), size));
  }

  /**
   * SUBSCRIBE: starts a subscriber for this virtual user on the channels (EL strings), with its own
   * connection and thread outside the pool; the round trip is the request. Messages published with
   * {@link #trackedPublish(String, int)} are then recorded as DELIVERY with their end-to-end
   * latency; duplicates are KO DUPLICATE, and messages that never arrive are KO LOST at the end.
   *
   * <pre>{@code exec(cmd.subscribe("news", "alerts:#{region}"))}</pre>
   */
  default RedisSubscribe subscribe(String... channels) {
    List<SessionValue<String>> resolved = args((Object) some(channels, "channel"));
    return new RedisSubscribe(
        this instanceof RedisRequestBuilder request ? request.requestName() : "SUBSCRIBE",
        resolved);
  }
}
