package dev.redline.testing;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Something a test needs beyond a JDK and Maven (a redis-server 7, Prometheus). On a developer's
 * machine without it the test is skipped and says what to install; in CI ({@code CI=true}, set by
 * the CI runner; {@code .ci/run} installs both) it fails instead, so CI never passes on a test that
 * did not run.
 */
public final class Requirement {
  private Requirement() {}

  /** Skips (fails in CI) the calling test unless {@code met}. */
  public static void need(boolean met, String missing) {
    if (met) {
      return;
    }
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      Assertions.fail(missing + " (CI must have it: .ci/run installs it)");
    }
    Assumptions.assumeTrue(false, missing);
  }
}
