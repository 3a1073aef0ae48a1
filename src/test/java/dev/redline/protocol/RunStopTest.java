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

  /**
   * Writing its report, Gatling's thread blocks for moments on locks that others hold (class
   * loading while other shutdown hooks load classes, the console): the hook waits on through them
   * until the thread ends, and only a thread that stays blocked (in System.exit) lets it go.
   */
  @Test
  void aMomentBlockedOnALockIsNotTheEndOfGatlingsReport() throws Exception {
    Object lock = new Object();
    java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);
    Thread holder =
        new Thread(
            () -> {
              synchronized (lock) {
                held.countDown();
                sleep(400);
              }
            });
    holder.start();
    held.await();
    java.util.concurrent.atomic.AtomicReference<RunStop> made =
        new java.util.concurrent.atomic.AtomicReference<>();
    java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(1);
    Thread gatling =
        new Thread(
            () -> {
              RunStop stop = new RunStop(Duration.ofSeconds(20));
              stop.loadEnded(0);
              made.set(stop);
              ready.countDown();
              synchronized (lock) { // blocked for about 0.4 s, as on a class-loading lock
                spin(300); // then writes on
              }
            },
            "gatling-like");
    gatling.start();
    ready.await();
    made.get().awaitGatlingsReport(RunStop.PARKED_AFTER_ENDED_LOAD_NANOS);
    assertFalse(gatling.isAlive(), "the hook let go while Gatling's thread was still writing");
    JVM.removeShutdownHook(made.get().shutdownHook());
    holder.join();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void spin(long millis) {
    long until = System.nanoTime() + millis * 1_000_000;
    while (System.nanoTime() < until) {
      Thread.onSpinWait();
    }
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
