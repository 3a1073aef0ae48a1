package dev.redline.html;

import java.util.Locale;

/** HTML escaping for the companion report, and the opening every chart shares. */
public final class Html {
  private Html() {}

  /** The text, safe inside HTML. */
  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** A new chart: its figure, caption and the opening of its {@code width × height} SVG. */
  static StringBuilder chartStart(String title, int width, int height) {
    return new StringBuilder("<figure><figcaption>")
        .append(escape(title))
        .append("</figcaption>")
        .append(
            String.format(
                Locale.ROOT,
                "<svg viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">",
                width,
                height,
                escape(title)));
  }
}
