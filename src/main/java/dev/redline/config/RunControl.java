package dev.redline.config;

import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;

/**
 * Graceful stop on Ctrl+C (SIGINT) or SIGTERM: the first signal asks every virtual user to finish
 * its current iteration and leave, so that in-flight requests complete and Gatling's report and
 * Redline's summary are written. A second signal stops the JVM at once.
 */
public final class RunControl {
  private static final AtomicBoolean STOP = new AtomicBoolean();
  private static final AtomicBoolean INSTALLED = new AtomicBoolean();
  private static final AtomicBoolean WATCHING = new AtomicBoolean();
  private static final AtomicBoolean LOAD_ENDED = new AtomicBoolean();

  private RunControl() {}

  /** Installs the signal handlers (once per JVM). */
  public static void installSignalHandlers() {
    if (!INSTALLED.compareAndSet(false, true)) {
      return;
    }
    for (String name : new String[] {"INT", "TERM"}) {
      try {
        Signal.handle(new Signal(name), signal -> {
          if (STOP.compareAndSet(false, true)) {
            System.out.println("\nRedline: SIG" + name + " received: finishing in-flight requests, then writing the reports"
                + " (send it again to stop at once)");
            haltUnlessLoadEndsWithin(STOP_DEADLINE);
          } else {
            Runtime.getRuntime().halt(130);
          }
        });
      } catch (IllegalArgumentException unsupported) {
        // no such signal on this platform
      }
    }
  }

  /**
   * True when this JVM is Gatling's own launch (the JVM {@code mvn gatling:test} forks, or {@code
   * java io.gatling.app.Gatling}), which Redline may end; false in a test, a benchmark or an IDE
   * that runs Gatling inside its own JVM. {@code -Dredline.own_jvm=true|false} overrides.
   */
  public static boolean isGatlingsOwnJvm() {
    String setting = System.getProperty("redline.own_jvm");
    if (setting != null) {
      return Boolean.parseBoolean(setting);
    }
    // "io.gatling.app.Gatling -s ...", or the Gatling plugin's "<booter jar> io.gatling.app.Gatling -s ..."
    String[] command = System.getProperty("sun.java.command", "").split(" ");
    String main = command.length > 1 && command[0].endsWith(".jar") ? command[1] : command[0];
    return main.equals("io.gatling.app.Gatling") || main.equals("io.gatling.plugin.util.ForkMain");
  }

  /**
   * In Gatling's own JVM, watches the process that started it (Maven): when it is gone, the run
   * stops as on Ctrl+C, and the JVM ends at the latest {@code grace} later, so a forked load
   * generator never outlives its Maven. Once per JVM.
   */
  public static void watchParent(java.time.Duration grace) {
    if (!isGatlingsOwnJvm() || !WATCHING.compareAndSet(false, true)) {
      return;
    }
    java.util.Optional<ProcessHandle> parent = ProcessHandle.current().parent();
    if (parent.isEmpty()) {
      return;
    }
    long parentPid = parent.get().pid();
    Thread watch = new Thread(() -> {
      while (true) {
        try {
          Thread.sleep(500);
        } catch (InterruptedException e) {
          return;
        }
        java.util.Optional<ProcessHandle> now = ProcessHandle.current().parent();
        if (now.isEmpty() || now.get().pid() != parentPid || !now.get().isAlive()) {
          System.out.println("Redline: the process that started this run (pid " + parentPid + ") is gone: stopping;"
              + " this JVM ends within " + grace.toSeconds() + " s");
          STOP.set(true);
          try {
            Thread.sleep(grace.toMillis());
          } catch (InterruptedException e) {
            // end now
          }
          Runtime.getRuntime().halt(143);
        }
      }
    }, "redline-parent-watch");
    watch.setDaemon(true);
    watch.start();
  }

  /** How long the load may take to end after a stop signal before the JVM is ended at once. */
  public static final java.time.Duration STOP_DEADLINE = java.time.Duration.ofSeconds(10);

  /** Says that the load has ended (the reports are being written): a stop deadline no longer applies. */
  public static void loadEnded() {
    LOAD_ENDED.set(true);
  }

  /** Ends the JVM when the load is still running {@code deadline} from now (a wedged machine, a frozen server). */
  private static void haltUnlessLoadEndsWithin(java.time.Duration deadline) {
    Thread timer = new Thread(() -> {
      try {
        Thread.sleep(deadline.toMillis());
      } catch (InterruptedException e) {
        return;
      }
      if (!LOAD_ENDED.get() && isGatlingsOwnJvm()) {
        System.out.println("Redline: the load did not end within " + deadline.toSeconds() + " s of the stop signal: ending the JVM now");
        Runtime.getRuntime().halt(143);
      }
    }, "redline-stop-deadline");
    timer.setDaemon(true);
    timer.start();
  }

  /** True once a stop was asked for. */
  public static boolean stopRequested() {
    return STOP.get();
  }

  /** Asks the run to stop, as a signal would (for embedding and tests). */
  public static void requestStop() {
    STOP.set(true);
  }

  /** Forgets a stop request (for the next run in the same JVM). */
  public static void reset() {
    STOP.set(false);
    LOAD_ENDED.set(false);
  }
}
