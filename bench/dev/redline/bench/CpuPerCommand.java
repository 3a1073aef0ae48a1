package dev.redline.bench;

import java.lang.management.ManagementFactory;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * This JVM's CPU time per command over the steady part of a load (its first and last second left
 * out): what one command costs the client, apart from the cores it shares with redis-server.
 */
final class CpuPerCommand implements AutoCloseable {
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "bench-cpu-sampler");
            t.setDaemon(true);
            return t;
          });
  private volatile long cpuAtStart;
  private volatile long commandsAtStart;
  private volatile long cpuAtEnd;
  private volatile long commandsAtEnd;

  /**
   * Samples at {@code fromMillis} and {@code toMillis} from now; {@code commands} reads the load's
   * live command count.
   */
  CpuPerCommand(long fromMillis, long toMillis, LongSupplier commands) {
    timer.schedule(
        () -> {
          cpuAtStart = processCpuNanos();
          commandsAtStart = commands.getAsLong();
        },
        fromMillis,
        TimeUnit.MILLISECONDS);
    timer.schedule(
        () -> {
          cpuAtEnd = processCpuNanos();
          commandsAtEnd = commands.getAsLong();
        },
        Math.max(fromMillis + 500, toMillis),
        TimeUnit.MILLISECONDS);
  }

  /** Microseconds of this process's CPU per command in the steady window, NaN if not sampled. */
  double microsPerCommand() {
    long commands = commandsAtEnd - commandsAtStart;
    return commands <= 0 || cpuAtEnd == 0
        ? Double.NaN
        : (cpuAtEnd - cpuAtStart) / 1000.0 / commands;
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
