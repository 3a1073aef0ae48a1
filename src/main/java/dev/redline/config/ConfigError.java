package dev.redline.config;

/**
 * A setting a user gave is wrong: the message names the key, the bad value, where it came from and
 * what is allowed. Thrown before any load starts.
 */
public final class ConfigError extends RuntimeException implements Refusal {
  private static final long serialVersionUID = 1L;

  public ConfigError(String message) {
    super("Redline configuration error: " + message, null, false, false);
  }

  @Override
  public String toString() {
    return getMessage(); // the JVM prints this when the error ends Gatling's main thread
  }
}
