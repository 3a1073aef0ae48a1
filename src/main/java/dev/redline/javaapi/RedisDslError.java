package dev.redline.javaapi;

/**
 * A mistake in a simulation's use of the Redis DSL (a missing argument, a setting out of range),
 * found when the simulation is built. Its message is the one line that says which method and what
 * is allowed; it carries no stack trace, so that Gatling's "Failed to create the Simulation
 * instance" shows that line and nothing else.
 */
public final class RedisDslError extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public RedisDslError(String message) {
    super(message);
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
