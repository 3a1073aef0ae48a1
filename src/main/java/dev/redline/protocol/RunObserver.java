package dev.redline.protocol;

/**
 * Watches Redline's runs in a JVM that drives Gatling itself (Redline's own tests and benchmarks, a
 * CI wrapper): register an implementation with {@link java.util.ServiceLoader} ({@code
 * META-INF/services/dev.redline.protocol.RunObserver}). It is told when a run's components exist
 * (the load is about to start) and when the run has finished (Redline's report written). A
 * simulation reads the run's files instead.
 */
public interface RunObserver {
  /** The run's first components were made: it is about to load Redis. */
  default void started(RedlineRun run) {}

  /** The load has ended and Redline's report is written. */
  default void finished(RedlineRun run) {}
}
