package dev.redline.limits;

/**
 * One command's time on both sides: what the servers measured inside themselves, and what Redline
 * measured around the call.
 *
 * @param command the command as the server names it ({@code get})
 * @param calls calls the servers counted in the window
 * @param serverMeanMicros the servers' mean time per call ({@code INFO commandstats})
 * @param serverP50 the bucket {@code [lower, upper]} µs holding the servers' median; null without
 *     {@code LATENCY HISTOGRAM}
 * @param serverP99 the same for p99
 * @param serverP999 the same for p99.9
 * @param clientMeanMicros Redline's mean service time of the command's OK requests; NaN when no
 *     request name sent it alone
 * @param clientP50Micros Redline's median
 * @param clientP99Micros Redline's p99
 */
public record CommandTime(
    String command,
    long calls,
    double serverMeanMicros,
    long[] serverP50,
    long[] serverP99,
    long[] serverP999,
    double clientMeanMicros,
    double clientP50Micros,
    double clientP99Micros) {

  /** The share of the client's time spent outside the server (network, kernel, client), 0 to 1. */
  public double outsideShare() {
    return Double.isNaN(clientMeanMicros) || clientMeanMicros <= 0
        ? Double.NaN
        : Math.max(0, 1 - serverMeanMicros / clientMeanMicros);
  }
}
