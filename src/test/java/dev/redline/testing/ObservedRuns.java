package dev.redline.testing;

import dev.redline.protocol.RedlineRun;
import dev.redline.protocol.RunObserver;
import java.util.Optional;

/**
 * The runs Redline made in this test JVM (registered through {@code META-INF/services}), so that a
 * test can read a run's recorder after Gatling returns. Tests run one Gatling run at a time.
 */
public final class ObservedRuns implements RunObserver {
  private static volatile RedlineRun lastStarted;

  @Override
  public void started(RedlineRun run) {
    lastStarted = run;
  }

  /** The run started most recently in this JVM, if any. */
  public static Optional<RedlineRun> lastStarted() {
    return Optional.ofNullable(lastStarted);
  }
}
