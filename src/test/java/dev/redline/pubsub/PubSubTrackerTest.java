package dev.redline.pubsub;

import static org.junit.jupiter.api.Assertions.*;

import dev.redline.measure.LatencyRecorder;
import dev.redline.measure.RequestSeries;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The delivery accounting alone: what a subscriber owes, in every order the events can come in. */
class PubSubTrackerTest {
  private final LatencyRecorder recorder = new LatencyRecorder();
  private final PubSubTracker tracker = new PubSubTracker(recorder);

  private long lost() {
    tracker.recordLosses();
    RequestSeries delivery = recorder.series("DELIVERY");
    return delivery == null ? 0 : delivery.errorsByKind().getOrDefault("LOST", 0L);
  }

  @Test
  void aSubscriberOwesOnlyMessagesMadeWhileItListensOnTheirChannel() {
    String before = tracker.nextMessage("");
    PubSubTracker.Receiver receiver = tracker.receiver();
    receiver.listening(List.of("a", "b"));
    String onA = tracker.nextMessage("");
    String onB = tracker.nextMessage("");
    String onC = tracker.nextMessage("");

    tracker.published("a", before);
    tracker.published("a", onA);
    tracker.published("b", onB);
    tracker.published("c", onC);

    assertEquals(2, tracker.expected());
    assertTrue(receiver.receive(onA));
    assertEquals(1, tracker.delivered());
    assertEquals(1, lost(), "the message on b never came");
  }

  @Test
  void aDeliveryMayComeBeforeThePublishReplyOrAfter() {
    PubSubTracker.Receiver receiver = tracker.receiver();
    receiver.listening(List.of("a"));
    String first = tracker.nextMessage("");
    String second = tracker.nextMessage("");

    receiver.receive(first);
    tracker.published("a", first);
    tracker.published("a", second);
    receiver.receive(second);

    assertEquals(2, tracker.expected());
    assertEquals(2, tracker.delivered());
    assertEquals(0, lost());
  }

  @Test
  void everySubscriberOfAChannelOwesItAndOtherClientsDoNotCount() {
    PubSubTracker.Receiver one = tracker.receiver();
    PubSubTracker.Receiver two = tracker.receiver();
    one.listening(List.of("a"));
    two.listening(List.of("a"));
    String message = tracker.nextMessage("x".repeat(10));

    tracker.published("a", message); // whatever PUBLISH answered (other clients, one cluster node)
    one.receive(message);
    two.receive(message);

    assertEquals(2, tracker.expected());
    assertEquals(0, lost());
  }

  @Test
  void aSubscriberThatStoppedOwesWhatWasMadeBeforeEvenIfAnsweredAfter() {
    PubSubTracker.Receiver receiver = tracker.receiver();
    receiver.listening(List.of("a"));
    String inFlight = tracker.nextMessage("");
    receiver.stoppedListening(); // its connection failed
    String after = tracker.nextMessage("");

    tracker.published("a", inFlight);
    tracker.published("a", after);

    assertEquals(1, tracker.expected());
    assertEquals(1, lost());
  }

  @Test
  void aSubscriberListeningAgainAfterALostConnectionOwesOnlyWhatWasMadeWhileItListened() {
    PubSubTracker.Receiver receiver = tracker.receiver();
    receiver.listening(List.of("a"));
    receiver.stoppedListening();
    String duringOutage = tracker.nextMessage("");
    receiver.listening(List.of("a"));
    String afterwards = tracker.nextMessage("");

    tracker.published("a", duringOutage);
    tracker.published("a", afterwards);
    receiver.receive(afterwards);

    assertEquals(1, tracker.expected(), "once, although it listened twice");
    assertEquals(0, lost());
  }

  @Test
  void aMessageInFlightWhenTheConnectionFailedIsLostEvenIfItsReplyComesAfterTheSubscriberIsBack() {
    PubSubTracker.Receiver receiver = tracker.receiver();
    receiver.listening(List.of("a"));
    String inFlight = tracker.nextMessage("");
    receiver.stoppedListening();
    receiver.listening(List.of("a"));

    tracker.published("a", inFlight);

    assertEquals(1, tracker.expected());
    assertEquals(1, lost());
  }

  @Test
  void aSecondDeliveryIsADuplicateAndForeignPayloadsAreIgnored() {
    PubSubTracker.Receiver receiver = tracker.receiver();
    receiver.listening(List.of("a"));
    String message = tracker.nextMessage("");
    tracker.published("a", message);

    assertTrue(receiver.receive(message));
    assertTrue(receiver.receive(message));
    assertFalse(receiver.receive("hello from another client"));
    assertFalse(receiver.receive(PubSubTracker.PREFIX + "7|not a time|"));
    assertFalse(receiver.receive(PubSubTracker.PREFIX + "7"));
    tracker.published("a", "hello from another client");

    assertEquals(1, tracker.duplicated());
    assertEquals(Map.of("DUPLICATE", 1L), recorder.series("DELIVERY").errorsByKind());
    assertEquals(1, tracker.expected());
    assertEquals(1, tracker.delivered());
  }

  @Test
  void memoryStaysBoundedOnLongRunsAndOldMessagesAreForgotten() {
    SequenceWindow window = new SequenceWindow();
    assertTrue(window.add(5));
    assertFalse(window.add(5), "already in");
    long far = 5 + SequenceWindow.SIZE;
    assertTrue(window.add(far));
    assertTrue(window.isForgotten(5), "slid out");
    assertFalse(window.contains(5));
    assertFalse(window.add(5));
    assertTrue(window.contains(far));
    assertTrue(window.add(far - 1), "a neighbour still in the window");
    assertTrue(window.add(10L * SequenceWindow.SIZE + 3), "a jump over many windows");
    assertFalse(window.contains(far));
  }
}
