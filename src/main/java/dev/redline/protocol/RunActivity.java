package dev.redline.protocol;

import dev.redline.assertions.RunGate;
import dev.redline.pubsub.Subscriber;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the run's users brought to it while the load ran: the scenarios they started, the
 * subscribers to close at the end, and whether Gatling's throttle paced them.
 */
final class RunActivity {
  private final Set<String> scenarios = ConcurrentHashMap.newKeySet();
  private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
  private volatile boolean throttled;
  private volatile double throttleTarget;

  /** A scenario of the run's users started (its name goes in the summary; the gate's does not). */
  void scenarioStarted(String scenario) {
    if (!RunGate.SCENARIO.equals(scenario)) {
      scenarios.add(scenario);
    }
  }

  /** The scenarios' names joined with '+', sorted. */
  String scenarioNames() {
    return scenarios.isEmpty() ? "(no scenario)" : String.join("+", new TreeSet<>(scenarios));
  }

  void subscribed(Subscriber subscriber) {
    subscribers.add(subscriber);
  }

  List<Subscriber> subscribers() {
    return subscribers;
  }

  /** Gatling's throttle paces requests, toward {@code target} per second (0: unknown). */
  synchronized void throttled(double target) {
    throttled = true;
    throttleTarget = Math.max(throttleTarget, target);
  }

  boolean isThrottled() {
    return throttled;
  }

  double throttleTarget() {
    return throttleTarget;
  }
}
