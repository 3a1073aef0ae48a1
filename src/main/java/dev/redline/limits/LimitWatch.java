package dev.redline.limits;

import dev.redline.measure.LatencyRecorder;
import java.util.List;

/**
 * Where the time went, for one run: this JVM's CPU and its workers' when measuring starts, and the
 * verdict once the load has ended, from that and the servers' own windows.
 */
public final class LimitWatch {
  private volatile ClientWindow.Reading clientAtStart;

  /** Measuring starts now: reads this JVM's and the workers' CPU time. */
  public void measuringStarted(List<Thread> workers) {
    clientAtStart = ClientWindow.Reading.now(workers);
  }

  /**
   * Which side held the run back over the measured window.
   *
   * @param conditions what else bears on it: servers not read, a stall, a throttle, the machine
   * @param workers the clients' worker threads now
   * @see LimitVerdict#decide
   */
  public LimitVerdict verdict(
      List<ServerWindow> servers,
      RunConditions conditions,
      List<Thread> workers,
      LatencyRecorder recorder,
      double spanSeconds,
      double averageUsers,
      int concurrency,
      boolean sharedMachine) {
    ClientWindow.Reading start =
        clientAtStart == null ? ClientWindow.Reading.now(List.of()) : clientAtStart;
    return LimitVerdict.decide(
        servers,
        conditions,
        ClientWindow.between(start, ClientWindow.Reading.now(workers)),
        recorder,
        spanSeconds,
        averageUsers,
        concurrency,
        sharedMachine);
  }
}
