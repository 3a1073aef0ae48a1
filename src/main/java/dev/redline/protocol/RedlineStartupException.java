package dev.redline.protocol;

import dev.redline.config.Refusal;

/** Redline cannot start the run (Redis unreachable, bad credentials, bad settings). */
public final class RedlineStartupException extends RuntimeException implements Refusal {
  private static final long serialVersionUID = 1L;

  public RedlineStartupException(String message) {
    super("Redline: " + message, null, false, false);
  }

  @Override
  public String toString() {
    return getMessage(); // the JVM prints this when the error ends Gatling's main thread
  }
}
