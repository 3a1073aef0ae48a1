package dev.redline.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the per-request totals from the statistics table of Gatling's HTML report. */
public final class GatlingReport {
  private static final Pattern ROW =
      Pattern.compile(
          "class=\"ellipsed-name\">([^<]+)</span>.*?col-2\">(\\d+)</td>\\s*<td class=\"value ok col-3\">(\\d+)</td>\\s*<td class=\"value ko col-4\">(\\d+)</td>",
          Pattern.DOTALL);

  /** Request name → {total, ok, ko}; "All Requests" is the global row. */
  public static Map<String, long[]> counts(Path reportFolder) throws IOException {
    String html = Files.readString(reportFolder.resolve("index.html"));
    Map<String, long[]> counts = new LinkedHashMap<>();
    Matcher m = ROW.matcher(html);
    while (m.find()) {
      counts.put(
          m.group(1),
          new long[] {
            Long.parseLong(m.group(2)), Long.parseLong(m.group(3)), Long.parseLong(m.group(4))
          });
    }
    return counts;
  }

  private GatlingReport() {}
}
