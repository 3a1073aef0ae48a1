package dev.redline.compare;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * A run's seconds of one request name cut into consecutive blocks, the units a bootstrap draws: its
 * first and last seconds are left out (cut short by the run's start and end: a rate over a part of
 * a second, or a handful of JIT-cold requests, is not the run's own spread), a second in which
 * nothing of the request ended still counts as a second (a server stalled for two seconds is two
 * seconds of no requests), and a run longer than {@value #MOST} seconds is cut into {@value #MOST}
 * blocks whose lengths differ by one second at most.
 */
final class SecondBlocks {
  /** Blocks a run is cut into at most: enough for the bootstrap, few enough to stay quick. */
  static final int MOST = 30;

  /**
   * One block.
   *
   * @param ok its OK service times (ns)
   * @param ko how many requests failed in it
   * @param seconds how many seconds it spans
   */
  record Block(Histogram ok, long ko, int seconds) {}

  private SecondBlocks() {}

  /**
   * The blocks of a request name's seconds, in order; none when it ended in fewer than three
   * seconds (nothing is left between its first and last).
   */
  static List<Block> of(List<RunMeasures.Second> all) {
    if (all.size() < 3) {
      return List.of();
    }
    List<RunMeasures.Second> inner = all.subList(1, all.size() - 1);
    long first = inner.get(0).epochSecond();
    int span = (int) (inner.get(inner.size() - 1).epochSecond() - first + 1);
    int count = Math.min(span, MOST);
    List<Block> blocks = new ArrayList<>(count);
    int next = 0;
    for (int b = 0; b < count; b++) {
      // block b spans seconds [b·span/count, (b+1)·span/count): lengths differ by one at most
      long end = (long) (b + 1) * span / count;
      int seconds = (int) (end - (long) b * span / count);
      Histogram ok = new Histogram(3);
      long ko = 0;
      while (next < inner.size() && inner.get(next).epochSecond() - first < end) {
        ok.add(inner.get(next).ok());
        ko += inner.get(next).ko().getTotalCount();
        next++;
      }
      blocks.add(new Block(ok, ko, seconds));
    }
    return blocks;
  }
}
