package dev.redline.workload;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** Each key pattern draws the distribution it names. */
class KeyChooserTest {
  private static int[] histogram(String pattern, int range, int draws) {
    KeyChooser chooser = KeyChooser.of(pattern, range);
    int[] counts = new int[range];
    for (int i = 0; i < draws; i++) {
      counts[chooser.next()]++;
    }
    return counts;
  }

  @Test
  void uniformCoversTheRangeEvenly() {
    int[] counts = histogram("uniform", 10, 100_000);
    for (int c : counts) {
      assertEquals(10_000, c, 600);
    }
  }

  @Test
  void sequentialGoesRoundTheRange() {
    KeyChooser chooser = KeyChooser.of("sequential", 3);
    assertArrayEquals(
        new int[] {0, 1, 2, 0, 1},
        new int[] {chooser.next(), chooser.next(), chooser.next(), chooser.next(), chooser.next()});
  }

  @Test
  void gaussianCentresOnTheMiddle() {
    int[] counts = histogram("gaussian", 100, 100_000);
    int middle = counts[48] + counts[49] + counts[50] + counts[51];
    int edge = counts[0] + counts[1] + counts[98] + counts[99];
    assertTrue(middle > 20 * Math.max(1, edge), "middle " + middle + " vs edges " + edge);
  }

  @Test
  void zipfMakesTheFirstKeysHot() {
    int[] counts = histogram("zipf", 1000, 200_000);
    // exponent 1: key 0 is drawn about twice as often as key 1 and ten times as often as key 9
    assertEquals(2.0, counts[0] / (double) counts[1], 0.2);
    assertEquals(10.0, counts[0] / (double) counts[9], 2.0);
  }

  @Test
  void verificationValuesDependOnlyOnKeyAndSeed() {
    ValueSource a = new ValueSource(10, 50, true, 7);
    ValueSource b = new ValueSource(10, 50, true, 7);
    assertEquals(a.valueFor("k:1"), b.expected("k:1"));
    assertNotEquals(a.expected("k:1"), a.expected("k:2"));
    assertNotEquals(a.expected("k:1"), new ValueSource(10, 50, true, 8).expected("k:1"));
    assertTrue(a.expected("k:1").length() >= 10 && a.expected("k:1").length() <= 50);
  }
}
