package dev.redline.compare;

/** What a comparison of one metric says. */
public enum Verdict {
  SLOWER("slower"),
  FASTER("faster"),
  WITHIN_NOISE("within noise"),
  UNKNOWN("too few samples to tell");

  private final String words;

  Verdict(String words) {
    this.words = words;
  }

  /** As a report says it. */
  public String words() {
    return words;
  }
}
