package dev.redline.pubsub;

import dev.redline.command.ReplyCheck;
import io.gatling.core.session.Session;
import java.util.function.Supplier;

/**
 * The check behind a tracked PUBLISH: once Redis answered, tells the run's {@link PubSubTracker}
 * which message went to which channel, so that the subscribers listening then owe it. It never
 * fails the request (PUBLISH's reply counts other clients' subscribers too).
 */
public final class TrackedPublishCheck implements ReplyCheck {
  private final Supplier<PubSubTracker> tracker;

  /** @param tracker the current run's tracker (looked up when the reply arrives) */
  public TrackedPublishCheck(Supplier<PubSubTracker> tracker) {
    this.tracker = tracker;
  }

  @Override
  public Session check(Object reply, Session session) {
    return session;
  }

  @Override
  public Session check(Object reply, Session session, String[] sent) {
    tracker.get().published(sent[0], sent[1]);
    return session;
  }
}
