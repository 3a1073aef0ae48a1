package dev.redline.limits;

import dev.redline.client.ServerTime;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one server spent between the start and the end of the measured window.
 *
 * @param node the server (host:port)
 * @param start its snapshot when measuring started
 * @param end its snapshot when the load ended
 */
public record ServerWindow(String node, ServerTime start, ServerTime end) {

  /** Wall-clock seconds between the two snapshots. */
  public double wallSeconds() {
    return Math.max(1e-3, (end.takenNanos() - start.takenNanos()) / 1e9);
  }

  /** CPU seconds of the whole server process in the window. */
  public double cpuSeconds() {
    return Math.max(0, end.cpuSeconds() - start.cpuSeconds());
  }

  /** CPU seconds of the main thread (which runs every command); NaN when not reported. */
  public double mainThreadCpuSeconds() {
    return Math.max(0, end.mainThreadCpuSeconds() - start.mainThreadCpuSeconds());
  }

  /** How busy the main thread was: its CPU over the window (the process's when not reported). */
  public double mainThreadBusy() {
    double main = mainThreadCpuSeconds();
    return (Double.isNaN(main) ? cpuSeconds() : main) / wallSeconds();
  }

  /** Per command, {calls, total µs} in the window. */
  public Map<String, long[]> commands() {
    Map<String, long[]> delta = new TreeMap<>();
    end.commands()
        .forEach(
            (command, after) -> {
              long[] before = start.commands().getOrDefault(command, new long[2]);
              if (after[0] > before[0]) {
                delta.put(command, new long[] {after[0] - before[0], after[1] - before[1]});
              }
            });
    return delta;
  }

  /** Per command, its latency histogram in the window; empty when the server has none. */
  public Map<String, ServerTime.Cumulative> latency() {
    Map<String, ServerTime.Cumulative> delta = new TreeMap<>();
    if (!end.histogramsAvailable() || !start.histogramsAvailable()) {
      return delta;
    }
    end.latencyHistograms()
        .forEach(
            (command, after) -> {
              ServerTime.Cumulative before =
                  start
                      .latencyHistograms()
                      .getOrDefault(command, new ServerTime.Cumulative(0, new TreeMap<>()));
              ServerTime.Cumulative window = after.minus(before);
              if (window.calls() > 0) {
                delta.put(command, window);
              }
            });
    return delta;
  }
}
