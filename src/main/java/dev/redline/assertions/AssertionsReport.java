package dev.redline.assertions;

import dev.redline.html.Html;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How the assertions read: on the console, in the summary, in the report. */
public final class AssertionsReport {
  private AssertionsReport() {}

  /** One line per assertion, as Gatling prints its own. */
  public static String console(List<AssertionOutcome> outcomes) {
    StringBuilder out = new StringBuilder("Redline assertions:").append(System.lineSeparator());
    for (AssertionOutcome outcome : outcomes) {
      out.append("  ").append(outcome.describe()).append(System.lineSeparator());
    }
    return out.toString();
  }

  /** The summary's {@code assertions} field. */
  public static List<Map<String, Object>> summary(List<AssertionOutcome> outcomes) {
    List<Map<String, Object>> all = new ArrayList<>();
    for (AssertionOutcome outcome : outcomes) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("assertion", outcome.assertion().text());
      one.put("passed", outcome.passed());
      one.put("skipped", outcome.skipped());
      one.put("actual", outcome.actual());
      all.add(one);
    }
    return all;
  }

  /** The report's section. */
  public static String html(List<AssertionOutcome> outcomes) {
    long failed = outcomes.stream().filter(o -> !o.passed()).count();
    StringBuilder h =
        new StringBuilder("<section><h2>Assertions</h2><p class=\"note\">")
            .append(failed == 0 ? "All held." : failed + " of " + outcomes.size() + " failed.")
            .append(" JUnit XML: <a href=\"assertions.xml\">assertions.xml</a>.</p>")
            .append("<table><tr><th>assertion</th><th>result</th><th>actual</th></tr>");
    for (AssertionOutcome o : outcomes) {
      h.append("<tr><td>")
          .append(Html.escape(o.assertion().text()))
          .append("</td><td>")
          .append(o.skipped() ? "skipped" : o.passed() ? "OK" : "<b>KO</b>")
          .append("</td><td>")
          .append(Html.escape(o.actual()))
          .append("</td></tr>");
    }
    return h.append("</table></section>").toString();
  }
}
