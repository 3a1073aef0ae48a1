package dev.redline.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redline.measure.LatencyRecorder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every request name gets .hgrm files of its own: no two names share a file, whatever they hold.
 */
class HistogramFilesTest {

  @Test
  void namesThatDifferOnlyInCharactersOutsideAsciiOrInCaseGetFilesOfTheirOwn(@TempDir Path folder)
      throws Exception {
    LatencyRecorder recorder = new LatencyRecorder();
    Map<String, Long> micros =
        Map.of("GET ü", 200L, "GET ö", 400L, "GET_20_c3_bc", 800L, "get ü", 1600L, "GET", 3200L);
    micros.forEach((name, us) -> recorder.ok(name, us * 1000));
    recorder.sample();
    RunFacts facts =
        new RunFacts(
            "app",
            "host",
            "run",
            "1.0",
            "w",
            1_000_000L,
            1_010_000L,
            1_000_000L,
            List.of(),
            List.of(),
            0,
            0,
            Optional.empty(),
            Map.of(),
            0,
            Optional.empty());

    Path index =
        CompanionReport.write(
            folder, facts, recorder, CommandCrossCheck.unavailable("not in this test"));

    List<Path> files;
    try (Stream<Path> all = Files.list(folder)) {
      files = all.filter(f -> f.toString().endsWith(".hgrm")).toList();
    }
    assertEquals(micros.size(), files.size(), "one file per request name: " + files);
    Set<String> lowerCased = new HashSet<>();
    Set<Long> maxima = new HashSet<>();
    for (Path file : files) {
      assertTrue(lowerCased.add(file.getFileName().toString().toLowerCase()), "case apart");
      maxima.add(maxMicros(file));
    }
    assertEquals(Set.copyOf(micros.values()), maxima, "each file holds its own request's times");
    String html = Files.readString(index);
    for (Path file : files) {
      assertEquals(
          1, html.split(java.util.regex.Pattern.quote(file.getFileName() + "\""), -1).length - 1);
    }
    assertTrue(html.contains("GET ü OK") && html.contains("GET ö OK"), "links name the request");
  }

  /** The largest value an .hgrm file lists, in µs, to the nearest 100 µs. */
  private static long maxMicros(Path hgrm) throws Exception {
    double max = 0;
    for (String line : Files.readAllLines(hgrm)) {
      String[] cells = line.trim().split("\\s+");
      if (cells.length == 4 && Character.isDigit(cells[0].charAt(0))) {
        max = Math.max(max, Double.parseDouble(cells[0]));
      }
    }
    return Math.round(max / 100) * 100;
  }
}
