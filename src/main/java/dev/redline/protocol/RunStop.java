package dev.redline.protocol;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How one run stops early and still writes both reports: on Ctrl+C or SIGTERM (the JVM's shutdown
 * hooks), and when the process that started the JVM (Maven) has ended ({@link ProcessHandle}).
 *
 * <p>A stop is a request: the next Redis request of any user hands its session to Gatling's own
 * {@code stopLoadGenerator}, which ends the run as maxDuration does. Requests in flight finish,
 * Gatling flushes its stats, Redline writes its report when the load has ended, then Gatling writes
 * its own. During a shutdown the JVM ends when its shutdown hooks return, so this run's hook holds
 * it while that happens: until the load has ended (at most {@link #STOP_DEADLINE}), then until the
 * thread that runs Gatling has finished its report (it then calls {@code System.exit}, which waits
 * for the hooks). Redline never ends the JVM itself.
 *
 * <p>Once Gatling's report can no longer be under way (its deadline has passed, or the run was
 * refused before any load), the hook is removed again, so a JVM that runs many simulations (JUnit,
 * an embedding application) does not collect one hook per run; the watch on the parent process then
 * holds this object only weakly.
 */
final class RunStop {
  /** How long a stopped load may take to end before the JVM is let go without Gatling's report. */
  static final Duration STOP_DEADLINE = Duration.ofSeconds(10);

  /** Gatling's report step per record: its measured cost (docs/performance.md), with a margin. */
  private static final long REPORT_NANOS_PER_RECORD = 3_000;

  private static final Duration REPORT_MARGIN = Duration.ofSeconds(30);

  /**
   * How long Gatling's thread must stay parked before its report step counts as over: right after a
   * stopped load it parks while its actors and event loops shut down; once the load had ended
   * before the shutdown began, a parked thread is one that called {@code System.exit} itself.
   */
  private static final long PARKED_AFTER_STOPPED_LOAD_NANOS = TimeUnit.SECONDS.toNanos(2);

  static final long PARKED_AFTER_ENDED_LOAD_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  /**
   * How long Gatling's thread must stay blocked on a monitor to count as being in {@code
   * System.exit} (which blocks it for good while the hooks run). Writing the report it blocks for
   * moments too: on a class-loading lock that other shutdown hooks hold while they load classes, on
   * the console's lock. A hook that took such a moment for the exit would let the JVM end in the
   * middle of Gatling's report.
   */
  private static final long BLOCKED_IN_EXIT_NANOS = TimeUnit.SECONDS.toNanos(1);

  /**
   * How long Gatling's thread must run on after a shutdown began to count as writing its report.
   */
  private static final long STILL_WRITING_NANOS = TimeUnit.MILLISECONDS.toNanos(300);

  private final long reportMarginNanos;
  private final Thread gatling = Thread.currentThread();
  private final Thread hook = new Thread(this::onJvmShutdown, "redline-graceful-stop");
  private final AtomicBoolean said = new AtomicBoolean();
  private final CountDownLatch loadEnded = new CountDownLatch(1);
  private volatile boolean requested;
  private volatile long reportDeadlineNanos;

  /**
   * Watches this JVM's shutdown and its launching process for the run that Gatling's current thread
   * is building.
   */
  RunStop() {
    this(REPORT_MARGIN);
  }

  /** As {@link #RunStop()}, with the time Gatling's report step is given beyond its records. */
  RunStop(Duration reportMargin) {
    this.reportMarginNanos = reportMargin.toNanos();
    Runtime.getRuntime().addShutdownHook(hook);
    WeakReference<RunStop> watching = new WeakReference<>(this);
    ProcessHandle.current()
        .parent()
        .filter(ProcessHandle::isAlive)
        .ifPresent(
            parent ->
                parent
                    .onExit()
                    .thenRun(
                        () -> {
                          RunStop stop = watching.get();
                          if (stop != null) {
                            stop.parentEnded(parent.pid());
                          }
                        }));
  }

  /**
   * The launching process (Maven) has ended: on Ctrl+C it returns the prompt at once, while this
   * JVM goes on writing the reports, so its further lines need saying where they come from.
   */
  private void parentEnded(long parentPid) {
    String where =
        "Gatling and Redline go on writing their reports in this process (pid "
            + ProcessHandle.current().pid()
            + "), which then ends by itself";
    if (loadEnded.getCount() > 0 && said.compareAndSet(false, true)) {
      requested = true;
      System.out.println(
          "\nRedline: the process that started this run (pid "
              + parentPid
              + ", e.g. Maven) has ended: stopping the load; "
              + where);
    } else if (gatlingStillBusy()) {
      requested = true;
      System.out.println(
          "\nRedline: the process that started this run (pid "
              + parentPid
              + ") has ended; "
              + where);
    }
  }

  /** Whether Gatling's thread has yet to finish the run (its load or its report). */
  private boolean gatlingStillBusy() {
    Thread.State state = gatling.getState();
    return state != Thread.State.TERMINATED
        && state != Thread.State.BLOCKED // in System.exit: the run is over
        && (loadEnded.getCount() > 0 || System.nanoTime() < reportDeadlineNanos);
  }

  /** Whether the run was asked to stop. */
  boolean requested() {
    return requested;
  }

  /** Asks the run to stop, saying why once. */
  void request(String why) {
    if (loadEnded.getCount() == 0) {
      return;
    }
    requested = true;
    if (said.compareAndSet(false, true)) {
      System.out.println("\nRedline: " + why);
    }
  }

  /**
   * The load has ended and Redline's report is written; Gatling writes its report next, which takes
   * time in proportion to the records it was given.
   */
  void loadEnded(long gatlingRecords) {
    long reportNanos = reportMarginNanos + gatlingRecords * REPORT_NANOS_PER_RECORD;
    reportDeadlineNanos = System.nanoTime() + reportNanos;
    loadEnded.countDown();
    CompletableFuture.delayedExecutor(reportNanos, TimeUnit.NANOSECONDS).execute(this::release);
  }

  /** The run was refused before any load: nothing to wait for at shutdown. */
  void abandon() {
    reportDeadlineNanos = System.nanoTime();
    loadEnded.countDown();
    release();
  }

  /**
   * Past the report deadline the hook would return at once: it is removed, unless the JVM is
   * already shutting down (then it runs, and returns at once).
   */
  private void release() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shutdownUnderWay) {
      // the hooks are running: this one returns at once past its deadline
    }
  }

  /** The shutdown hook this run registered, for a test to ask the JVM about it. */
  Thread shutdownHook() {
    return hook;
  }

  private void onJvmShutdown() {
    long parkedNanos = PARKED_AFTER_ENDED_LOAD_NANOS;
    if (loadEnded.getCount() > 0) {
      parkedNanos = PARKED_AFTER_STOPPED_LOAD_NANOS;
      request(
          "the JVM is shutting down (Ctrl+C or a signal): stopping the load; requests in flight"
              + " finish, then Gatling and Redline write their reports");
      try {
        if (!loadEnded.await(STOP_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
          System.out.printf(
              Locale.ROOT,
              "Redline: the load did not stop within %d s; the JVM ends without the reports%n",
              STOP_DEADLINE.toSeconds());
          return;
        }
      } catch (InterruptedException e) {
        return;
      }
    } else if (staysRunnable(STILL_WRITING_NANOS) && System.nanoTime() < reportDeadlineNanos) {
      System.out.println(
          "\nRedline: the JVM is shutting down while Gatling writes its report: it ends when the"
              + " report is written (kill -9 ends it at once)");
    }
    awaitGatlingsReport(parkedNanos);
  }

  /**
   * Whether Gatling's thread keeps running for {@code nanos}: one that called {@code System.exit}
   * itself (the run is over) is still runnable for the moment it takes to start the hooks, then
   * waits for them; one that writes its report runs on.
   */
  private boolean staysRunnable(long nanos) {
    long until = System.nanoTime() + nanos;
    while (System.nanoTime() < until) {
      if (gatling.getState() != Thread.State.RUNNABLE) {
        return false;
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        return false;
      }
    }
    return true;
  }

  /**
   * Waits while the thread that runs Gatling is still busy after the load: it is done when it ends,
   * stays blocked (in {@code System.exit}: a shutdown is under way), or stays parked (it called
   * {@code System.exit} itself and waits for the hooks, or it went on to other work); at most until
   * the report deadline.
   */
  void awaitGatlingsReport(long parkedNanos) {
    Boolean stillBlocked = null; // not running since stillSince: blocked, or else parked
    long stillSince = 0;
    while (System.nanoTime() < reportDeadlineNanos) {
      Thread.State state = gatling.getState();
      if (state == Thread.State.TERMINATED) {
        return;
      }
      boolean blocked = state == Thread.State.BLOCKED;
      if (state == Thread.State.RUNNABLE) {
        stillBlocked = null;
      } else if (stillBlocked == null || stillBlocked != blocked) {
        stillBlocked = blocked;
        stillSince = System.nanoTime();
      } else if (System.nanoTime() - stillSince > (blocked ? BLOCKED_IN_EXIT_NANOS : parkedNanos)) {
        return;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        return;
      }
    }
  }
}
