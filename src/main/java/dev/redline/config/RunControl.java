package dev.redline.config;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Graceful stop on Ctrl+C (SIGINT) or SIGTERM, in Gatling's own JVM: a shutdown hook asks every
 * virtual user to finish its current iteration and leave, so that in-flight requests complete, and
 * holds the JVM until Gatling has written its report (Redline's is written when the load ends). If
 * the load has not ended {@link #STOP_DEADLINE} after the signal (a frozen server, a wedged
 * machine), the JVM ends then. Plain Java: no {@code sun.misc.Signal}, so the JVM's own handlers
 * stay in place; once shutdown has begun Java delivers no further signal, so a second Ctrl+C does
 * not cut the wait short ({@code kill -9} does).
 */
public final class RunControl {
  private static final AtomicBoolean STOP = new AtomicBoolean();
  private static final AtomicBoolean INSTALLED = new AtomicBoolean();
  private static final AtomicBoolean WATCHING = new AtomicBoolean();
  private static final AtomicBoolean LOAD_ENDED = new AtomicBoolean();

  private RunControl() {}

  /** Installs the graceful-stop shutdown hook, in Gatling's own JVM only (once per JVM). */
  public static void installStopHook() {
    if (!isGatlingsOwnJvm() || !INSTALLED.compareAndSet(false, true)) {
      return;
    }
    Runtime.getRuntime()
        .addShutdownHook(new Thread(RunControl::stopGracefully, "redline-graceful-stop"));
  }

  /**
   * The shutdown hook. A shutdown that a signal began runs on the JVM's "SIGINT handler" (or
   * "SIGTERM handler") thread; any other shutdown (Gatling's own exit at the end of a run) goes on
   * at once.
   */
  private static void stopGracefully() {
    String signal = signalBeingHandled();
    if (signal == null) {
      return;
    }
    STOP.set(true);
    System.out.println(
        "\nRedline: "
            + signal
            + " received: finishing in-flight requests, then writing the reports");
    long deadline = System.nanoTime() + STOP_DEADLINE.toNanos();
    Thread main = gatlingsMainThread();
    while (main != null && main.isAlive() && !isExiting(main)) {
      if (!LOAD_ENDED.get() && System.nanoTime() > deadline) {
        System.out.println(
            "Redline: the load did not end within "
                + STOP_DEADLINE.toSeconds()
                + " s of the stop signal: ending the JVM now");
        Runtime.getRuntime().halt(143);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** "SIGINT" or "SIGTERM" when a signal began the shutdown, else null. */
  private static String signalBeingHandled() {
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      String name = thread.getName();
      if (name.startsWith("SIG") && name.endsWith(" handler")) {
        return name.substring(0, name.length() - " handler".length());
      }
    }
    return null;
  }

  /** The thread Gatling runs on (the JVM's "main"), or null when it is gone already. */
  private static Thread gatlingsMainThread() {
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.getName().equals("main")) {
        return thread;
      }
    }
    return null;
  }

  /**
   * Whether the thread called System.exit: Gatling has written its report (the exit waits for this
   * hook).
   */
  private static boolean isExiting(Thread thread) {
    for (StackTraceElement frame : thread.getStackTrace()) {
      if (frame.getClassName().equals("java.lang.Shutdown")
          && frame.getMethodName().equals("exit")) {
        return true;
      }
    }
    return false;
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
    // "io.gatling.app.Gatling -s ...", or the Gatling plugin's "<booter jar> io.gatling.app.Gatling
    // -s ..."
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
    Thread watch =
        new Thread(
            () -> {
              while (true) {
                try {
                  Thread.sleep(500);
                } catch (InterruptedException e) {
                  return;
                }
                java.util.Optional<ProcessHandle> now = ProcessHandle.current().parent();
                if (now.isEmpty() || now.get().pid() != parentPid || !now.get().isAlive()) {
                  System.out.println(
                      "Redline: the process that started this run (pid "
                          + parentPid
                          + ") is gone: stopping;"
                          + " this JVM ends within "
                          + grace.toSeconds()
                          + " s");
                  STOP.set(true);
                  try {
                    Thread.sleep(grace.toMillis());
                  } catch (InterruptedException e) {
                    // end now
                  }
                  Runtime.getRuntime().halt(143);
                }
              }
            },
            "redline-parent-watch");
    watch.setDaemon(true);
    watch.start();
  }

  /** How long the load may take to end after a stop signal before the JVM is ended at once. */
  public static final java.time.Duration STOP_DEADLINE = java.time.Duration.ofSeconds(10);

  /**
   * Says that the load has ended (the reports are being written): a stop deadline no longer
   * applies.
   */
  public static void loadEnded() {
    LOAD_ENDED.set(true);
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
