package dev.redline.report;

import dev.redline.html.Html;
import java.util.Map;

/**
 * The report's list of the files written beside it (the summary and each histogram file), with the
 * note on how latencies are measured.
 */
final class FileListHtml {
  private FileListHtml() {}

  /** Appends the list; {@code hgrmFiles} maps each file to the request and status it holds. */
  static void appendTo(StringBuilder h, Map<String, String> hgrmFiles) {
    h.append(
        "<section><h2>Files</h2><ul><li><a href=\"summary.json\">summary.json</a>"
            + " — the run summary</li>");
    hgrmFiles.forEach(
        (file, request) ->
            h.append("<li><a href=\"")
                .append(Html.escape(file))
                .append("\">")
                .append(Html.escape(file))
                .append("</a> — ")
                .append(Html.escape(request))
                .append("</li>"));
    h.append(
        "</ul><p class=\"note\">Latencies are measured around each Jedis call with"
            + " System.nanoTime(), in microseconds. Commands inside a pipeline or transaction get"
            + " the round-trip time divided by the number of commands (amortized); the BATCH /"
            + " MULTI/EXEC rows are the measured round trips.</p></section>");
  }
}
