package dev.redline.config;

/**
 * A run Redline refuses before any load: its message is the one line that says why, and it carries
 * no stack trace. Gatling logs it under its own "Failed to ..." line and rethrows it; {@link
 * #saidOnce} keeps the JVM from printing it a second time as it ends Gatling's main thread.
 */
public interface Refusal {
  /**
   * Returns {@code refusal} to be thrown, once the calling thread's uncaught-exception handler lets
   * a refusal end it quietly (Gatling has logged it). Anything else reaches the handler the thread
   * had, which prints it as before.
   */
  static <T extends RuntimeException> T saidOnce(T refusal) {
    if (!gatlingIsRunning()) {
      return refusal; // no Gatling to log it: the JVM's own printing is the only one
    }
    Thread thread = Thread.currentThread();
    Thread.UncaughtExceptionHandler had = thread.getUncaughtExceptionHandler();
    if (!(had instanceof QuietForRefusals)) {
      thread.setUncaughtExceptionHandler(new QuietForRefusals(had));
    }
    return refusal;
  }

  /**
   * Whether Gatling made this JVM's simulation (it then logs what ended the simulation's start).
   */
  private static boolean gatlingIsRunning() {
    try {
      io.gatling.core.Predef.configuration(); // Gatling sets it before it makes a simulation
      return true;
    } catch (IllegalStateException notByGatling) {
      return false;
    }
  }

  /** The handler of a thread that may end with a refusal Gatling has logged already. */
  record QuietForRefusals(Thread.UncaughtExceptionHandler had)
      implements Thread.UncaughtExceptionHandler {
    @Override
    public void uncaughtException(Thread thread, Throwable error) {
      if (!(error instanceof Refusal)) {
        had.uncaughtException(thread, error);
      }
    }
  }
}
