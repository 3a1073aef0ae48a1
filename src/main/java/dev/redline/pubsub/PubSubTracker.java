package dev.redline.pubsub;

import dev.redline.command.CommandSpec;
import dev.redline.measure.LatencyRecorder;
import dev.redline.measure.PubSubFacts;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * End-to-end pub/sub accounting for one run. Every published message carries a sequence number and
 * its send time ({@code System.nanoTime()}, the same clock as the subscribers in this JVM);
 * subscribers record each delivery's latency as request DELIVERY, and duplicates.
 *
 * <p>What is owed: a Redline subscriber owes every message published (PUBLISH answered) to one of
 * its channels whose payload was made after Redis confirmed its subscription and before it stopped
 * listening. Redline counts this itself rather than trusting PUBLISH's reply, which counts other
 * clients' subscribers too (a shared server) and, in a cluster, only the receiving node's
 * subscribers. Owed messages that never arrive are LOST; a message is owed once per subscriber,
 * whichever of its delivery and its PUBLISH reply comes first.
 */
public final class PubSubTracker {
  /** Payloads start with this, then {@code <seq>|<sendNanos>|}. */
  public static final String PREFIX = "rl|";

  private final LatencyRecorder recorder;
  private final AtomicLong sequence = new AtomicLong();
  // every receiver that ever listened, by channel (one per SUBSCRIBE action; they do not churn)
  private final Map<String, List<Receiver>> listening = new ConcurrentHashMap<>();
  private final LongAdder owed = new LongAdder();
  private final LongAdder owedArrived = new LongAdder();
  private final LongAdder deliveries = new LongAdder();
  private final LongAdder duplicates = new LongAdder();
  private final LongAdder subscriptions = new LongAdder();
  private final LongAdder resubscriptions = new LongAdder();

  public PubSubTracker(LatencyRecorder recorder) {
    this.recorder = recorder;
  }

  /** A new payload of about {@code size} bytes. */
  public String nextMessage(String padding) {
    return PREFIX + sequence.getAndIncrement() + "|" + System.nanoTime() + "|" + padding;
  }

  /**
   * Gives a tracked PUBLISH its message, just before it is sent: the run's next numbered,
   * timestamped payload. Other commands are left as they are.
   */
  public void stamp(CommandSpec command, String[] arguments) {
    if (command.tracksDelivery()) {
      arguments[1] = nextMessage(command.deliveryPadding());
    }
  }

  /**
   * Redis answered {@code command} (not with an error): for a tracked PUBLISH, its subscribers now
   * owe its message.
   */
  public void answered(CommandSpec command, String[] arguments) {
    if (command.tracksDelivery()) {
      published(arguments[0], arguments[1]);
    }
  }

  /**
   * A PUBLISH of {@code payload} on {@code channel} was answered: the subscribers listening now owe
   * it.
   */
  public void published(String channel, String payload) {
    long seq = sequenceOf(payload);
    List<Receiver> receivers = listening.get(channel);
    if (seq < 0 || receivers == null) {
      return;
    }
    for (Receiver receiver : receivers) {
      receiver.owe(seq);
    }
  }

  /** One subscriber's view: its own duplicate detection and what it owes. */
  public Receiver receiver() {
    return new Receiver();
  }

  /** Deliveries owed to Redline's subscribers so far. */
  public long expected() {
    return owed.sum();
  }

  /** Owed deliveries that arrived so far. */
  public long delivered() {
    return owedArrived.sum();
  }

  /** Every delivery of a Redline message (also those made before a subscription was confirmed). */
  public long deliveries() {
    return deliveries.sum();
  }

  /** Messages a subscriber received more than once. */
  public long duplicated() {
    return duplicates.sum();
  }

  /** The accounting so far, for the summary; empty when no subscriber ever listened. */
  public Optional<PubSubFacts> facts() {
    if (subscriptions.sum() == 0) {
      return Optional.empty();
    }
    return Optional.of(
        new PubSubFacts(
            subscriptions.sum(),
            resubscriptions.sum(),
            expected(),
            delivered(),
            deliveries(),
            duplicated()));
  }

  /** Records what never arrived as DELIVERY KOs of kind LOST (call once, at the end). */
  public void recordLosses() {
    long lost = facts().map(PubSubFacts::lost).orElse(0L);
    if (lost > 0) {
      recorder.koMany(
          "DELIVERY",
          lost,
          "LOST",
          lost
              + " published messages never reached a subscriber that was listening when they were sent");
    }
  }

  /** Where a Redline payload's sequence number ends (the bar after it), or -1 for anything else. */
  private static int sequenceEnd(String payload) {
    return payload == null || !payload.startsWith(PREFIX)
        ? -1
        : payload.indexOf('|', PREFIX.length());
  }

  /** The sequence number of a Redline payload, or -1 for anything else. */
  private static long sequenceOf(String payload) {
    int bar = sequenceEnd(payload);
    if (bar < 0) {
      return -1;
    }
    try {
      return Long.parseLong(payload, PREFIX.length(), bar, 10);
    } catch (NumberFormatException foreign) {
      return -1;
    }
  }

  /**
   * What one subscriber has seen and owes (of the latest {@value SequenceWindow#SIZE} messages).
   */
  public final class Receiver {
    private final SequenceWindow seen = new SequenceWindow();
    private final SequenceWindow owedSeqs = new SequenceWindow();
    private long firstOwed = Long.MAX_VALUE;
    private long endOwed = Long.MAX_VALUE;
    // the subscription before a lost connection: PUBLISH replies for its messages may come after
    private long previousFirstOwed = Long.MAX_VALUE;
    private long previousEndOwed = Long.MAX_VALUE;
    private boolean registered;

    /**
     * Redis confirmed the subscription (first, or again after a lost connection): messages made
     * from now on are owed.
     */
    public synchronized void listening(List<String> subscribedChannels) {
      if (endOwed != Long.MAX_VALUE) {
        previousFirstOwed = firstOwed;
        previousEndOwed = endOwed;
      }
      firstOwed = sequence.get();
      endOwed = Long.MAX_VALUE;
      subscriptions.increment();
      if (registered) {
        resubscriptions.increment();
      } else {
        registered = true;
        for (String channel : subscribedChannels) {
          listening.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(this);
        }
      }
    }

    /**
     * The subscription ended (closed, or its connection failed): messages made from now on are not
     * owed. The receiver stays registered, because a message made before may still be answered
     * after (the PUBLISH reply and the lost connection race).
     */
    public synchronized void stoppedListening() {
      endOwed = Math.min(endOwed, sequence.get());
    }

    private synchronized void owe(long seq) {
      boolean whileListening =
          (seq >= firstOwed && seq < endOwed)
              || (seq >= previousFirstOwed && seq < previousEndOwed);
      if (!whileListening || !owedSeqs.add(seq)) {
        return;
      }
      owed.increment();
      if (seen.contains(seq)) {
        owedArrived.increment();
      }
    }

    /**
     * Handles one message: DELIVERY latency, or a DUPLICATE KO. Returns false for foreign payloads.
     */
    public synchronized boolean receive(String payload) {
      long now = System.nanoTime();
      int bar1 = sequenceEnd(payload);
      int bar2 = bar1 < 0 ? -1 : payload.indexOf('|', bar1 + 1);
      if (bar2 < 0) {
        return false;
      }
      long seq;
      long sent;
      try {
        seq = Long.parseLong(payload, PREFIX.length(), bar1, 10);
        sent = Long.parseLong(payload, bar1 + 1, bar2, 10);
      } catch (NumberFormatException foreign) {
        return false;
      }
      if (seq < 0) {
        return false;
      }
      if (!seen.add(seq) && !seen.isForgotten(seq)) {
        duplicates.increment();
        recorder.ko(
            "DELIVERY",
            now - sent,
            "DUPLICATE",
            "message " + seq + " was delivered twice to one subscriber");
        return true;
      }
      if (owedSeqs.contains(seq)) {
        owedArrived.increment();
      }
      deliveries.increment();
      recorder.ok("DELIVERY", now - sent);
      return true;
    }
  }

  /**
   * The end of a run's pub/sub: lets in-flight messages arrive (up to 2 s), closes the subscribers
   * and counts the messages they never got as lost.
   */
  public void finish(List<Subscriber> subscribers) {
    if (subscribers.isEmpty()) {
      return;
    }
    long deadline = System.nanoTime() + 2_000_000_000L;
    while (delivered() < expected() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    subscribers.forEach(Subscriber::startClosing);
    long closeDeadline = System.nanoTime() + Subscriber.CLOSING_TIME.toNanos();
    subscribers.forEach(subscriber -> subscriber.awaitClosed(closeDeadline));
    recordLosses();
  }
}
