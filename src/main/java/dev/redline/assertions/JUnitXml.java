package dev.redline.assertions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The assertions as a JUnit XML report ({@code assertions.xml}), one test case each, so that CI
 * servers show them like tests: a failed one carries its actual value.
 */
public final class JUnitXml {
  private JUnitXml() {}

  /** Writes the report. */
  public static void write(Path file, List<AssertionOutcome> outcomes, double seconds)
      throws IOException {
    Files.writeString(file, of(outcomes, seconds), StandardCharsets.UTF_8);
  }

  /** The report's content. */
  public static String of(List<AssertionOutcome> outcomes, double seconds) {
    long failures = outcomes.stream().filter(o -> !o.passed()).count();
    long skipped = outcomes.stream().filter(AssertionOutcome::skipped).count();
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    xml.append(
        String.format(
            java.util.Locale.ROOT,
            "<testsuite name=\"Redline assertions\" tests=\"%d\" failures=\"%d\" errors=\"0\""
                + " skipped=\"%d\" time=\"%.3f\">%n",
            outcomes.size(),
            failures,
            skipped,
            seconds));
    for (AssertionOutcome outcome : outcomes) {
      xml.append("  <testcase classname=\"redline.assertions\" name=\"")
          .append(escape(outcome.assertion().text()))
          .append("\"");
      if (outcome.skipped()) {
        xml.append(">\n    <skipped message=\"")
            .append(escape(outcome.actual()))
            .append("\"/>\n  </testcase>\n");
      } else if (outcome.passed()) {
        xml.append(">\n    <system-out>")
            .append(escape("actual " + outcome.actual()))
            .append("</system-out>\n  </testcase>\n");
      } else {
        xml.append(">\n    <failure message=\"")
            .append(escape("actual " + outcome.actual()))
            .append("\" type=\"AssertionFailed\">")
            .append(escape(outcome.describe()))
            .append("</failure>\n  </testcase>\n");
      }
    }
    xml.append("</testsuite>\n");
    return xml.toString();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
