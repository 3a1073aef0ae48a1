package dev.redline.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Merged throughput is over the union of the runs' measured spans: overlaps count once, gaps not at
 * all.
 */
class MergeRunsGapsTest {

  @Test
  void overlappingRunsLeaveNoGap() {
    assertEquals(
        0,
        MergeRuns.gaps(
            spans(new long[] {0, 10_000}, new long[] {2_000, 12_000}, new long[] {1_000, 11_000}),
            0,
            12_000));
  }

  @Test
  void runsOneAfterAnotherWithAPauseLeaveThatPause() {
    assertEquals(
        5_000,
        MergeRuns.gaps(spans(new long[] {0, 10_000}, new long[] {15_000, 25_000}), 0, 25_000));
  }

  @Test
  void aRunInsideAnotherAddsNothing() {
    assertEquals(
        0, MergeRuns.gaps(spans(new long[] {0, 30_000}, new long[] {5_000, 10_000}), 0, 30_000));
  }

  private static List<long[]> spans(long[]... spans) {
    return new ArrayList<>(List.of(spans));
  }
}
