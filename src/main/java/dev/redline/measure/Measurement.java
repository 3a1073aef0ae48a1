package dev.redline.measure;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run's measurement: the microsecond recorder, its once-a-second sampler thread, the warm-up that
 * keeps the measuring window closed, and the users active while it is open (for Little's law).
 */
public final class Measurement {
  private static final Logger LOG = LoggerFactory.getLogger(Measurement.class);

  private final LatencyRecorder recorder = new LatencyRecorder();
  private final long startEpochMillis = System.currentTimeMillis();
  private final AtomicLong activeUsers = new AtomicLong();
  private final ScheduledExecutorService sampler =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "redline-sampler");
            thread.setDaemon(true);
            return thread;
          });
  private volatile long userSeconds; // active users summed once a second while measuring
  private volatile long userSamples;
  // the whole machine's CPU load (every process), summed once a second while measuring; the JDK
  // reads it from the operating system
  private final com.sun.management.OperatingSystemMXBean os =
      ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class);
  private volatile double machineLoadSum;
  private volatile long machineSamples;

  /**
   * Starts the sampler: once a second it folds the recorder's second, hands the errors of that
   * second (count by kind) to {@code errors}, then runs {@code alsoEverySecond}.
   */
  public Measurement(Consumer<Map<String, Long>> errors, Runnable alsoEverySecond) {
    sampler.scheduleAtFixedRate(
        () -> {
          try {
            errors.accept(recorder.sample());
            alsoEverySecond.run();
            if (recorder.window().isOpen()) {
              userSeconds += activeUsers.get();
              userSamples++;
              double load = os == null ? -1 : os.getCpuLoad(); // since the last call
              if (load >= 0) {
                machineLoadSum += load;
                machineSamples++;
              }
            }
          } catch (RuntimeException e) {
            LOG.warn("Redline sampler failed", e);
          }
        },
        1,
        1,
        TimeUnit.SECONDS);
  }

  public LatencyRecorder recorder() {
    return recorder;
  }

  /** When the run started, epoch milliseconds. */
  public long startEpochMillis() {
    return startEpochMillis;
  }

  public void userStarted() {
    activeUsers.incrementAndGet();
  }

  public void userEnded() {
    activeUsers.decrementAndGet();
  }

  /** Virtual users that have started and not yet exited. */
  public long activeUsers() {
    return activeUsers.get();
  }

  /** The users active on average while measuring (now, if no second was measured). */
  public double averageUsers() {
    return userSamples == 0 ? activeUsers.get() : (double) userSeconds / userSamples;
  }

  /**
   * Keeps the measuring window closed for {@code warmup}, once per run (the first protocol with a
   * warm-up sets it: the load of every protocol starts together), then opens it and runs {@code
   * opened} on the sampler thread.
   *
   * @return whether this call started the warm-up
   */
  public boolean warmUp(Duration warmup, Runnable opened) {
    if (warmup.isZero() || recorder.window().hadWarmup()) {
      return false;
    }
    recorder.window().warmUp();
    sampler.schedule(
        () -> {
          recorder.window().open();
          opened.run();
        },
        warmup.toNanos(),
        TimeUnit.NANOSECONDS);
    return true;
  }

  /** Measuring starts now: the users' and the machine's averages start over. */
  public void measuringStarted() {
    userSeconds = 0;
    userSamples = 0;
    if (os != null) {
      os.getCpuLoad(); // the next reading covers the time from now
    }
    machineLoadSum = 0;
    machineSamples = 0;
  }

  /** The cores the whole machine (every process) used on average while measuring; NaN if unread. */
  public double machineCoresBusy() {
    return machineSamples == 0
        ? Double.NaN
        : machineLoadSum / machineSamples * Runtime.getRuntime().availableProcessors();
  }

  /** The seconds requests ran (at least 1), or since the run started when none ran yet. */
  public double spanSeconds() {
    return recorder
        .span()
        .map(span -> Math.max(1, span[1] - span[0]) / 1000.0)
        .orElse(Math.max(1, System.currentTimeMillis() - startEpochMillis) / 1000.0);
  }

  /** Runs {@code task} on the sampler thread after {@code delayMillis}. */
  public void later(Runnable task, long delayMillis) {
    sampler.schedule(
        () -> {
          try {
            task.run();
          } catch (RuntimeException e) {
            LOG.error("Redline: a scheduled task failed", e);
          }
        },
        delayMillis,
        TimeUnit.MILLISECONDS);
  }

  /** Stops the sampler and folds the last second. */
  public void stop() {
    sampler.shutdownNow();
    recorder.sample();
  }

  /** Stops the sampler of a run that never ran. */
  public void abandon() {
    sampler.shutdownNow();
  }
}
