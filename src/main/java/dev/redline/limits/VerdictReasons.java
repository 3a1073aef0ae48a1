package dev.redline.limits;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How the verdict's reasons read: the run's conditions ({@link RunConditions}: a stall, a throttle,
 * other processes on the machine, servers that could not be read), a machine that client and server
 * share, time no interval measured, and a load below what either side could do.
 */
final class VerdictReasons {
  private VerdictReasons() {}

  static String stall(double stallSeconds, double windowSeconds) {
    return String.format(
        Locale.ROOT,
        "for %.1f s of the %.1f s window a client could not reach Redis (from the first request"
            + " that did not come back to the next that did): the server stalled or could not be"
            + " reached, and the figures below include that time",
        stallSeconds,
        windowSeconds);
  }

  /** What Gatling's throttle did: its target (when known) and the rate reached. */
  static String throttle(double target, double reached) {
    if (target <= 0) {
      return String.format(
          Locale.ROOT,
          "Gatling's throttle paced the load at %,.0f requests/s: the throttle set the rate",
          reached);
    }
    double share = reached / target;
    return String.format(
        Locale.ROOT,
        "the load was throttled to %,.0f requests/s by Gatling's throttle and reached %,.0f (%.0f"
            + " %%): %s",
        target,
        reached,
        share * 100,
        share >= 0.95
            ? "it held its target, so the throttle, not either side, set the rate"
            : "it did not reach its target");
  }

  /**
   * The cores processes other than the two sides used; NaN when any figure is unknown.
   *
   * @param localServerCores the server's cores when it runs on this machine, 0 when it runs
   *     elsewhere, NaN when it runs here and could not be read
   */
  static double otherCores(double machineCores, ClientWindow client, double localServerCores) {
    if (Double.isNaN(machineCores)
        || Double.isNaN(localServerCores)
        || client.processCpuNanos() < 0) {
      return Double.NaN;
    }
    double wall = Math.max(1e-3, client.wallSeconds());
    return Math.max(0, machineCores - client.processCpuSeconds() / wall - localServerCores);
  }

  static String contested(
      double others, ClientWindow client, boolean serverHere, double localServerCores) {
    double wall = Math.max(1e-3, client.wallSeconds());
    return String.format(
        Locale.ROOT,
        "the machine was shared: other processes used %.1f of its %d cores while measuring (the"
            + " load generator %.1f, the server %s), so these figures measure a contested machine",
        others,
        client.cores(),
        client.processCpuSeconds() / wall,
        serverHere ? String.format(Locale.ROOT, "%.1f", localServerCores) : "elsewhere");
  }

  static String unknown(
      Map<String, String> unread, double clientBusy, int cores, double meanWaitMicros) {
    return String.format(
        Locale.ROOT,
        "the server's own figures could not be read (%s), so which side held the run back cannot"
            + " be judged; the load generator used %.0f %% of its %d cores and requests waited"
            + " %.0f µs on average",
        unread.isEmpty() ? "no server was read" : said(unread),
        clientBusy * 100,
        cores,
        meanWaitMicros);
  }

  /** The servers not read, each with why. */
  static String said(Map<String, String> unread) {
    return unread.entrySet().stream()
        .map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining("; "));
  }

  /** Why a full machine that client and server share is held back by {@code who}. */
  static String sharedMachine(
      double machineBusy, ClientWindow client, double serverCpu, String who) {
    double wall = Math.max(1e-3, client.wallSeconds());
    return String.format(
        Locale.ROOT,
        "client and server share this machine and together used %.0f %% of its %d cores"
            + " (the load generator %.1f cores, the server %.1f): %s, the larger of the two, took"
            + " the CPU the other needed",
        machineBusy * 100,
        client.cores(),
        client.processCpuSeconds() / wall,
        serverCpu / wall,
        who);
  }

  /** That client and server share the machine, and the cores both used. */
  static String sharing(ClientWindow client, double serverCpu) {
    return String.format(
        Locale.ROOT,
        "client and server share this machine: together they used %.1f of its %d cores",
        (client.processCpuSeconds() + serverCpu) / Math.max(1e-3, client.wallSeconds()),
        client.cores());
  }

  /** Why neither side was the limit, or what else set the pace. */
  static String neither(
      double serverBusy,
      double clientBusy,
      double meanWaitMicros,
      boolean stalled,
      boolean contested,
      boolean throttled) {
    return String.format(
        Locale.ROOT,
        "%sthe server's main thread was busy %.0f %% of the window and the load generator used %.0f"
            + " %% of its cores; requests waited %.0f µs on average: %s",
        stalled ? "apart from that stall, " : "",
        serverBusy * 100,
        clientBusy * 100,
        meanWaitMicros,
        contested
            ? "neither side had the cores it needed, as other processes took them"
            : throttled
                ? "the throttle, not either side, set the rate"
                : "the offered load was below what either side could do");
  }

  /** A loop's time per round trip by Little's law, and the part no interval measured. */
  static String unmeasured(
      double loopMicros, double users, double roundTripsPerSecond, double measuredMicros) {
    return String.format(
        Locale.ROOT,
        "by Little's law each user's loop took %.0f µs per round trip (%.1f users at %,.0f round"
            + " trips/s), of which Redline measured %.0f µs (wait and service): %.0f µs went outside"
            + " every measured interval (Gatling, thread hand-offs, threads waiting for a CPU,"
            + " pauses)",
        loopMicros,
        users,
        roundTripsPerSecond,
        measuredMicros,
        loopMicros - measuredMicros);
  }
}
