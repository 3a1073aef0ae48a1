package dev.redline.protocol;

import dev.redline.measure.LatencyRecorder;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Reads the replicas' lag of every protocol whose reads go to replicas, once a second, on a thread
 * and a lock of its own: a primary that stops answering holds this thread, never the run's sampler
 * nor a protocol's start. Once {@link #stop} returns, no lag read is under way or to come.
 */
final class ReplicationLagSampler {
  private final List<ReadNodeWatch> watches = new CopyOnWriteArrayList<>();
  private final Object lock = new Object();
  private ScheduledExecutorService thread; // guarded by lock
  private boolean sampling = true; // guarded by lock
  private volatile long readNanos; // written by the sampling thread only

  /** Samples this protocol's replicas too, from now on; each INFO counted in {@code sent}. */
  void add(ReadNodeWatch watch, LatencyRecorder sent) {
    watches.add(watch);
    synchronized (lock) {
      if (thread == null && sampling) {
        thread =
            Executors.newSingleThreadScheduledExecutor(
                task -> {
                  Thread sampler = new Thread(task, "redline-replication-lag");
                  sampler.setDaemon(true);
                  return sampler;
                });
        thread.scheduleWithFixedDelay(() -> sample(sent), 1, 1, TimeUnit.SECONDS);
      }
    }
  }

  private void sample(LatencyRecorder sent) {
    synchronized (lock) {
      if (!sampling) {
        return;
      }
      long started = System.nanoTime();
      watches.forEach(watch -> watch.sample(sent));
      readNanos += System.nanoTime() - started;
    }
  }

  /** Stops sampling; waits for a sample under way. */
  void stop() {
    synchronized (lock) {
      sampling = false;
      if (thread != null) {
        thread.shutdownNow();
      }
    }
  }

  /** The protocols' watches, in the order they started. */
  List<ReadNodeWatch> watches() {
    return watches;
  }

  /** Time spent reading the lag so far. */
  long readNanos() {
    return readNanos;
  }
}
