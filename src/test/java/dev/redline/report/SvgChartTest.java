package dev.redline.report;

import static org.junit.jupiter.api.Assertions.*;

import dev.redline.html.SvgChart;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Charts of long runs stay small and keep what matters in them. */
class SvgChartTest {

  private static List<double[]> seconds(int count, double value) {
    List<double[]> points = new ArrayList<>();
    for (int s = 0; s < count; s++) {
      points.add(new double[] {s, value});
    }
    return points;
  }

  @Test
  void aShortRunIsDrawnPointByPoint() {
    List<double[]> minute = seconds(60, 5);
    assertSame(minute, SvgChart.onePixelApart(minute, 0, 59, 810));
  }

  @Test
  void aDayLongRunKeepsItsSpikeAndItsOutageAndStaysSmall() {
    int day = 86_400;
    List<double[]> points = seconds(day, 1000);
    points.get(40_000)[1] = 9000; // one slow second
    points.get(70_000)[1] = 0; // one second without an OK
    List<double[]> drawn = SvgChart.onePixelApart(points, 0, day - 1, 810);

    assertTrue(drawn.size() <= 2 * 811, "at most two points a pixel column: " + drawn.size());
    assertTrue(drawn.stream().anyMatch(p -> p[0] == 40_000 && p[1] == 9000), "the spike is drawn");
    assertTrue(drawn.stream().anyMatch(p -> p[0] == 70_000 && p[1] == 0), "the dip is drawn");
    for (int i = 1; i < drawn.size(); i++) {
      assertTrue(drawn.get(i)[0] > drawn.get(i - 1)[0], "in time order");
    }
    String svg =
        SvgChart.render(
            "OK requests per second",
            "ops/s",
            0,
            day - 1,
            List.of(new SvgChart.Line("SET", points)),
            List.of());
    assertTrue(svg.length() < 100_000, "a day's chart is " + svg.length() + " characters");
  }
}
