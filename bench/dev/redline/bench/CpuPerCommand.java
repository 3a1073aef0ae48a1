package dev.redline.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * This JVM's CPU time and voluntary context switches per command over the steady part of a load
 * (its first and last second left out): what one command costs the client, apart from the cores it
 * shares with redis-server. Context switches are summed over all the JVM's threads from Linux's
 * {@code /proc/self/task/<tid>/status} (this is the benchmark, not Redline: Redline never reads
 * /proc); a thread that ended in the window takes its switches with it.
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
  private volatile long switchesAtStart;
  private volatile long switchesAtEnd;

  /**
   * Samples at {@code fromMillis} and {@code toMillis} from now; {@code commands} reads the load's
   * live command count.
   */
  CpuPerCommand(long fromMillis, long toMillis, LongSupplier commands) {
    timer.schedule(
        () -> {
          switchesAtStart = voluntarySwitches();
          cpuAtStart = processCpuNanos();
          commandsAtStart = commands.getAsLong();
        },
        fromMillis,
        TimeUnit.MILLISECONDS);
    timer.schedule(
        () -> {
          cpuAtEnd = processCpuNanos();
          commandsAtEnd = commands.getAsLong();
          switchesAtEnd = voluntarySwitches();
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

  /** Voluntary context switches of this JVM's threads per command in the steady window. */
  double switchesPerCommand() {
    long commands = commandsAtEnd - commandsAtStart;
    return commands <= 0 || switchesAtEnd == 0
        ? Double.NaN
        : (double) (switchesAtEnd - switchesAtStart) / commands;
  }

  private static long voluntarySwitches() {
    long sum = 0;
    try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
      for (Path task : (Iterable<Path>) tasks::iterator) {
        try {
          for (String line : Files.readAllLines(task.resolve("status"))) {
            if (line.startsWith("voluntary_ctxt_switches:")) {
              sum += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
            }
          }
        } catch (IOException ended) {
          // the thread ended while we read
        }
      }
    } catch (IOException e) {
      return 0; // not Linux
    }
    return sum;
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
