package dev.redline.pubsub;

import dev.redline.report.LatencyRecorder;
import java.util.BitSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * End-to-end pub/sub accounting for one run: every published message carries a sequence number
 * and its send time ({@code System.nanoTime()}, the same clock as the subscribers in this JVM);
 * subscribers record each delivery's latency as request DELIVERY, and duplicates; PUBLISH replies
 * (how many subscribers got the message) say how many deliveries to expect, so that what never
 * arrived is counted as lost.
 */
public final class PubSubTracker {
  /** Payloads start with this, then {@code <seq>|<sendNanos>|}. */
  public static final String PREFIX = "rl|";

  private final LatencyRecorder recorder;
  private final AtomicLong sequence = new AtomicLong();
  private final LongAdder expectedDeliveries = new LongAdder();
  private final LongAdder deliveries = new LongAdder();
  private final LongAdder duplicates = new LongAdder();

  public PubSubTracker(LatencyRecorder recorder) {
    this.recorder = recorder;
  }

  /** A new payload of about {@code size} bytes. */
  public String nextMessage(String padding) {
    return PREFIX + sequence.getAndIncrement() + "|" + System.nanoTime() + "|" + padding;
  }

  /** A PUBLISH reached this many subscribers. */
  public void published(long receivers) {
    expectedDeliveries.add(receivers);
  }

  /** One subscriber's view: its own duplicate detection. */
  public Receiver receiver() {
    return new Receiver();
  }

  /** Deliveries expected from PUBLISH replies so far. */
  public long expected() {
    return expectedDeliveries.sum();
  }

  /** Deliveries received so far. */
  public long delivered() {
    return deliveries.sum();
  }

  /** Messages a subscriber received more than once. */
  public long duplicated() {
    return duplicates.sum();
  }

  /** Records what never arrived as DELIVERY KOs of kind LOST (call once, at the end). */
  public void recordLosses() {
    long lost = expected() - delivered();
    if (lost > 0) {
      recorder.koMany("DELIVERY", lost, "LOST", lost + " published messages never reached a subscriber that was subscribed when they were sent");
    }
  }

  /** What one subscriber has seen. */
  public final class Receiver {
    private final BitSet seen = new BitSet();

    /** Handles one message: DELIVERY latency, or a DUPLICATE KO. Returns false for foreign payloads. */
    public synchronized boolean receive(String payload) {
      long now = System.nanoTime();
      if (!payload.startsWith(PREFIX)) {
        return false;
      }
      int bar1 = payload.indexOf('|', PREFIX.length());
      int bar2 = payload.indexOf('|', bar1 + 1);
      if (bar1 < 0 || bar2 < 0) {
        return false;
      }
      long seq = Long.parseLong(payload, PREFIX.length(), bar1, 10);
      long sent = Long.parseLong(payload, bar1 + 1, bar2, 10);
      if (seq < Integer.MAX_VALUE && seen.get((int) seq)) {
        duplicates.increment();
        recorder.ko("DELIVERY", now - sent, "DUPLICATE", "message " + seq + " was delivered twice to one subscriber");
        return true;
      }
      if (seq < Integer.MAX_VALUE) {
        seen.set((int) seq);
      }
      deliveries.increment();
      recorder.ok("DELIVERY", now - sent);
      return true;
    }
  }
}
