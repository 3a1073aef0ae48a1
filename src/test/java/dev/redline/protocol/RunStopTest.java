package dev.redline.protocol;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A run's shutdown hook stays while Gatling may still be writing its report and leaves the JVM
 * afterwards, so a JVM that runs simulation after simulation does not collect one hook per run.
 * What the hook does on Ctrl+C is tested by the forked runs (ForkedJvmLifetimeTest).
 */
class RunStopTest {
  private static final Runtime JVM = Runtime.getRuntime();

  @Test
  void theHookStaysWhileGatlingsReportMayBeUnderWay() {
    RunStop stop = new RunStop(Duration.ofMinutes(5));
    stop.loadEnded(1_000);
    assertTrue(
        JVM.removeShutdownHook(stop.shutdownHook()),
        "the hook must hold a Ctrl+C that comes during Gatling's report step");
  }

  @Test
  void theHookLeavesTheJvmOnceTheReportDeadlineHasPassed() throws InterruptedException {
    RunStop stop = new RunStop(Duration.ofMillis(200));
    stop.loadEnded(0);
    long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    boolean stillRegistered = true;
    while (stillRegistered && System.nanoTime() < until) {
      Thread.sleep(50);
      stillRegistered = hookRegistered(stop);
    }
    assertFalse(stillRegistered, "the hook is still registered 10 s after its 200 ms deadline");
  }

  @Test
  void aRunRefusedBeforeAnyLoadLeavesNoHook() {
    RunStop stop = new RunStop();
    stop.abandon();
    assertFalse(JVM.removeShutdownHook(stop.shutdownHook()));
  }

  /** Whether the JVM holds the hook, asked without taking it away. */
  private static boolean hookRegistered(RunStop stop) {
    try {
      JVM.addShutdownHook(stop.shutdownHook());
    } catch (IllegalArgumentException alreadyRegistered) {
      return true;
    }
    JVM.removeShutdownHook(stop.shutdownHook());
    return false;
  }
}
