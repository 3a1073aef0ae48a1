package dev.redline.replay;

import java.util.Iterator;
import java.util.Map;

/**
 * A Gatling feeder over a capture: each record holds the next item to replay and when it is due. At
 * the recorded pace ({@code speed} above 0) an item is due when as much time has passed since the
 * first one was fed as passed between them in the capture, divided by {@code speed}; at speed 0
 * every item is due at once. Once the capture has ended, every record says so ({@link #ENDED}) and
 * the capture's summary is said once: a loop that feeds until then ends each user cleanly.
 */
public final class ReplayFeeder implements Iterator<Map<String, Object>> {
  /** The attribute holding the {@link ReplayItem} to send. */
  public static final String ITEM = "redline.replay.item";

  /** The attribute holding when it is due ({@link System#nanoTime}'s clock). */
  public static final String DUE = "redline.replay.due";

  /** The attribute set once the capture has ended. */
  public static final String ENDED = "redline.replay.ended";

  /** The slowest pace: a thousandth of the recorded one. */
  public static final double MIN_SPEED = 0.001;

  private static final Map<String, Object> END = Map.of(ENDED, true);

  private final CaptureFile capture;
  private final double speed;
  private long originNanos;
  private long originMicros;
  private boolean said;

  /**
   * @param speed the recorded pace's multiple (1: as recorded, 2: twice as fast), or 0 for as fast
   *     as the users go
   */
  public ReplayFeeder(CaptureFile capture, double speed) {
    if (!(speed == 0 || speed >= MIN_SPEED) || Double.isInfinite(speed)) {
      throw new IllegalArgumentException(
          "the replay's speed is 0 (as fast as possible) or from " + MIN_SPEED + ", got " + speed);
    }
    this.capture = capture;
    this.speed = speed;
  }

  @Override
  public boolean hasNext() {
    return true;
  }

  @Override
  public synchronized Map<String, Object> next() {
    if (!capture.hasNext()) {
      if (!said) {
        said = true;
        System.out.println(capture.summary());
      }
      return END;
    }
    ReplayItem item = capture.next();
    long now = System.nanoTime();
    if (originNanos == 0) {
      originNanos = now;
      originMicros = item.epochMicros();
    }
    long due =
        speed == 0
            ? now
            : originNanos + (long) ((item.epochMicros() - originMicros) * 1000 / speed);
    return Map.of(ITEM, item, DUE, due);
  }
}
