package dev.redline.limits;

import java.util.Map;

/**
 * What besides the two sides' CPU bears on where the time went.
 *
 * @param unread the servers whose own figures could not be read, with why (node to reason)
 * @param stallSeconds the longest time a client could not reach Redis, from the first request that
 *     did not come back to the next that did
 * @param throttled whether Gatling's throttle paced the requests
 * @param targetPerSecond the throttle's target in requests per second, 0 when not known
 * @param machineCoresBusy the cores the whole machine used on average while measuring (every
 *     process), NaN when not known
 */
public record RunConditions(
    Map<String, String> unread,
    double stallSeconds,
    boolean throttled,
    double targetPerSecond,
    double machineCoresBusy) {

  /** Nothing known beyond the two sides. */
  public static final RunConditions NONE = new RunConditions(Map.of(), 0, false, 0, Double.NaN);
}
