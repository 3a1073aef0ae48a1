package dev.redline.protocol;

import dev.redline.config.Refusal;

/** Redline cannot start the run (Redis unreachable, bad credentials, bad settings). */
public final class RedlineStartupException extends RuntimeException implements Refusal {
  private static final long serialVersionUID = 1L;

  public RedlineStartupException(String message) {
    super("Redline: " + message, null, false, false);
  }

  /**
   * What refuses a run that failed to start with {@code e}: a mistake of the user's (a refusal, or
   * an argument Redline or Jedis rejected) as its one line, said once; anything else as it is, with
   * its stack trace.
   */
  static RuntimeException refusing(RuntimeException e) {
    if (e instanceof IllegalArgumentException) {
      return Refusal.saidOnce(new RedlineStartupException(e.getMessage()));
    }
    return e instanceof Refusal ? Refusal.saidOnce(e) : e;
  }

  @Override
  public String toString() {
    return getMessage(); // the JVM prints this when the error ends Gatling's main thread
  }
}
