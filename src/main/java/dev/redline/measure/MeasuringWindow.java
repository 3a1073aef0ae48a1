package dev.redline.measure;

/**
 * Whether the run is measuring yet. Open from the start unless the run warms up first: closed by
 * {@link #warmUp()} before the load starts, then the load runs at full rate but nothing reaches the
 * microsecond recorder, Gatling's records or the summary until {@link #open()}.
 */
public final class MeasuringWindow {
  private volatile boolean open = true;
  private volatile boolean warmedUp;
  private volatile long openedEpochMillis = System.currentTimeMillis();

  /** Closes the window for a warm-up (before the load starts); {@link #open()} ends it. */
  public synchronized void warmUp() {
    if (!warmedUp) {
      warmedUp = true;
      open = false;
    }
  }

  /** True when the run had a warm-up. */
  public boolean hadWarmup() {
    return warmedUp;
  }

  /** True once measuring has started. */
  public boolean isOpen() {
    return open;
  }

  /** Starts measuring now (once; later calls change nothing). */
  public synchronized void open() {
    if (!open) {
      openedEpochMillis = System.currentTimeMillis();
      open = true;
    }
  }

  /** When measuring started (epoch ms): the run's start, or the warm-up's end. */
  public long openedEpochMillis() {
    return openedEpochMillis;
  }
}
