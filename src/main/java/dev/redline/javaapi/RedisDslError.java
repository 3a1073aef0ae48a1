package dev.redline.javaapi;

import dev.redline.config.Refusal;

/**
 * A mistake in a simulation's use of the Redis DSL (a missing argument, a setting out of range),
 * found when the simulation is built. Its message is the one line that says which method and what
 * is allowed; it carries no stack trace, so that Gatling's "Failed to create the Simulation
 * instance" shows that line and nothing else.
 */
public final class RedisDslError extends IllegalArgumentException implements Refusal {
  private static final long serialVersionUID = 1L;

  /**
   * The error, said once: thrown while Gatling makes the simulation, Gatling logs it, and the JVM
   * does not repeat it as Gatling's main thread ends ({@link Refusal#saidOnce}).
   */
  public RedisDslError(String message) {
    super(message);
    Refusal.saidOnce(this);
  }

  /** {@code value}, or this error naming {@code what} when it is null. */
  static <T> T notNull(T value, String what) {
    if (value == null) {
      throw new RedisDslError(what + " is null; give a value");
    }
    return value;
  }

  @Override
  public synchronized Throwable fillInStackTrace() {
    return this; // the message is the whole story
  }

  @Override
  public String toString() {
    return "Redline: " + getMessage();
  }
}
