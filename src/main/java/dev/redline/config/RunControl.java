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
          } else {
            Runtime.getRuntime().halt(130);
          }
        });
      } catch (IllegalArgumentException unsupported) {
        // no such signal on this platform
      }
    }
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
  }
}
