package dev.redline.javaapi;

import static io.gatling.javaapi.core.CoreDsl.*;

import dev.redline.action.ReplayAction;
import dev.redline.protocol.RedisProtocol;
import dev.redline.replay.CaptureFile;
import dev.redline.replay.ReplayFeeder;
import dev.redline.replay.ReplaySafety;
import io.gatling.javaapi.core.ActionBuilder;
import io.gatling.javaapi.core.ChainBuilder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * A replay of a {@code MONITOR} capture (see {@link RedisDsl#replay(String)}): a feeder that reads
 * the capture as it goes and a request that sends what it fed, each command byte for byte under its
 * own name; or both in one loop that ends when the capture does. Immutable: each method returns a
 * new replay.
 *
 * <pre>{@code
 * RedisReplay capture = replay("capture.txt").speed(2).keyPrefix("replay:");
 * scenario("replay").exec(capture.untilEnd())                                  // the whole capture
 * scenario("mixed").feed(capture.feeder()).exec(capture.request(), myOwnRequests)
 * }</pre>
 */
public final class RedisReplay {
  private final String file;
  private final double speed;
  private final Set<String> allowed;
  private final String keyPrefix;

  RedisReplay(String file, double speed, Set<String> allowed, String keyPrefix) {
    this.file = file;
    this.speed = speed;
    this.allowed = allowed;
    this.keyPrefix = keyPrefix;
  }

  /**
   * Keeps the recorded pace, {@code times} as fast (1: as recorded, the default; 2: twice as fast);
   * 0 drops it (as fast as the users go). A command whose time has not come waits for it; one whose
   * time has passed is sent at once, its wait counted from when it was due.
   *
   * <pre>{@code replay("capture.txt").speed(0)}</pre>
   */
  public RedisReplay speed(double times) {
    if (!(times == 0 || times >= ReplayFeeder.MIN_SPEED) || Double.isInfinite(times)) {
      throw new RedisDslError(
          "replay speed is 0 (as fast as possible) or from "
              + ReplayFeeder.MIN_SPEED
              + ", got "
              + times);
    }
    return new RedisReplay(file, times, allowed, keyPrefix);
  }

  /**
   * Replays commands that are left out by default because they must never run against a shared
   * server (FLUSHALL, FLUSHDB, CONFIG, SHUTDOWN, DEBUG, a blocking pop without a timeout, ...).
   *
   * <pre>{@code replay("capture.txt").allow("FLUSHDB")}</pre>
   */
  public RedisReplay allow(String... commandNames) {
    try {
      return new RedisReplay(
          file, speed, ReplaySafety.allowed(Arrays.asList(commandNames)), keyPrefix);
    } catch (IllegalArgumentException e) {
      throw new RedisDslError("replay allow: " + e.getMessage());
    }
  }

  /**
   * Puts {@code prefix} before every key (as the server's COMMAND table places keys), so that a
   * replay never touches the keys it was captured on.
   *
   * <pre>{@code replay("capture.txt").keyPrefix("replay:")}</pre>
   */
  public RedisReplay keyPrefix(String prefix) {
    RedisDslError.notNull(prefix, "the key prefix");
    return new RedisReplay(file, speed, allowed, prefix);
  }

  /**
   * A feeder that reads the capture as it is replayed (a file of any size, a flat heap). Each call
   * opens the capture again: users that share one feeder share one pass over it.
   *
   * <pre>{@code feed(replay("capture.txt").feeder())}</pre>
   */
  public Iterator<Map<String, Object>> feeder() {
    try {
      return new ReplayFeeder(new CaptureFile(Path.of(file), allowed), speed);
    } catch (IllegalArgumentException e) {
      throw new RedisDslError("replay: " + e.getMessage());
    }
  }

  /**
   * The request that sends what the feeder put in the session.
   *
   * <pre>{@code exec(capture.request())}</pre>
   */
  public ActionBuilder request() {
    boolean keepPace = speed > 0;
    String prefix = keyPrefix;
    return new ActionBuilder() {
      @Override
      public io.gatling.core.action.builder.ActionBuilder asScala() {
        return (ctx, next) ->
            new ReplayAction(
                prefix,
                keepPace,
                ctx,
                ctx.protocolComponentsRegistry().components(RedisProtocol.KEY),
                next);
      }
    };
  }

  /**
   * The whole capture, shared by the scenario's users: each feeds and sends until the capture has
   * ended, then leaves the loop.
   *
   * <pre>
   * {@code scenario("replay").exec(replay("capture.txt").untilEnd()).injectOpen(atOnceUsers(8))}
   * </pre>
   */
  public ChainBuilder untilEnd() {
    Iterator<Map<String, Object>> feeder = feeder();
    return asLongAs(session -> !session.contains(ReplayFeeder.ENDED))
        .on(
            feed(feeder)
                .doIf(session -> !session.contains(ReplayFeeder.ENDED))
                .then(exec(request())));
  }
}
