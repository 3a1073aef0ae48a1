package dev.redline.limits;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

/**
 * The load generator's own CPU over the measured window: this JVM's process CPU (all of it:
 * Gatling, Redline's workers, the JIT and the collector) and Redline's worker threads' CPU, against
 * the cores it has. Read through the JVM's management beans.
 *
 * @param processCpuNanos process CPU in the window; negative when the JVM does not say
 * @param workerCpuNanos the worker threads' CPU in the window
 * @param wallNanos wall-clock time of the window
 * @param cores the processors this JVM may use
 */
public record ClientWindow(long processCpuNanos, long workerCpuNanos, long wallNanos, int cores) {

  /** One reading, to subtract from a later one. */
  public record Reading(long processCpuNanos, long workerCpuNanos, long atNanos) {
    /** Now, for the given worker threads. */
    public static Reading now(List<Thread> workers) {
      long process = -1;
      if (ManagementFactory.getOperatingSystemMXBean()
          instanceof com.sun.management.OperatingSystemMXBean os) {
        process = os.getProcessCpuTime();
      }
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      long workerCpu = 0;
      if (threads.isThreadCpuTimeSupported()) {
        for (Thread worker : workers) {
          long cpu = threads.getThreadCpuTime(worker.getId());
          workerCpu += Math.max(0, cpu);
        }
      }
      return new Reading(process, workerCpu, System.nanoTime());
    }
  }

  /** The window between two readings. */
  public static ClientWindow between(Reading start, Reading end) {
    return new ClientWindow(
        start.processCpuNanos < 0 || end.processCpuNanos < 0
            ? -1
            : end.processCpuNanos - start.processCpuNanos,
        Math.max(0, end.workerCpuNanos - start.workerCpuNanos),
        Math.max(1, end.atNanos - start.atNanos),
        Runtime.getRuntime().availableProcessors());
  }

  /** The share of its cores the process used, 0 to 1; NaN when unknown. */
  public double busy() {
    return processCpuNanos < 0 ? Double.NaN : (double) processCpuNanos / wallNanos / cores;
  }

  /** CPU seconds of the process. */
  public double processCpuSeconds() {
    return processCpuNanos / 1e9;
  }

  /** CPU seconds of the worker threads. */
  public double workerCpuSeconds() {
    return workerCpuNanos / 1e9;
  }

  /** Wall-clock seconds of the window. */
  public double wallSeconds() {
    return wallNanos / 1e9;
  }
}
