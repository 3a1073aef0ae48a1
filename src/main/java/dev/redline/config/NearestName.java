package dev.redline.config;

import java.util.Collection;
import java.util.Set;

/**
 * Suggests the known name closest to a misspelt one (edit distance) — only when it is close enough
 * to be the name the user meant; a far-off "did you mean" misleads more than it helps.
 */
final class NearestName {
  private NearestName() {}

  /** The closest known name, or null when none is within a typo's reach of {@code wrong}. */
  static String suggest(String wrong, Collection<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known) {
      int d = distance(wrong, candidate);
      if (d < bestDistance) {
        bestDistance = d;
        best = candidate;
      }
    }
    if (best != null && bestDistance <= reach(wrong)) {
      return best;
    }
    // "basic" for basic_rw: the start of a name (or a name and more) is that name
    String onlyPrefix = null;
    for (String candidate : known) {
      boolean prefix =
          wrong.length() >= 3 && (candidate.startsWith(wrong) || wrong.startsWith(candidate));
      if (prefix) {
        if (onlyPrefix != null) {
          return null;
        }
        onlyPrefix = candidate;
      }
    }
    return onlyPrefix != null ? onlyPrefix : sameSectionAndLeaf(wrong, known);
  }

  /**
   * {@code test.value_size} for {@code test.workload.value_size}: a dotted name whose first and
   * last parts are those of exactly one known name, with a part left out or put in between.
   */
  private static String sameSectionAndLeaf(String wrong, Collection<String> known) {
    String[] parts = wrong.split("\\.");
    if (parts.length < 2) {
      return null;
    }
    String only = null;
    for (String candidate : known) {
      String[] theirs = candidate.split("\\.");
      if (theirs.length >= 2
          && theirs.length != parts.length
          && theirs[0].equals(parts[0])
          && theirs[theirs.length - 1].equals(parts[parts.length - 1])) {
        if (only != null) {
          return null;
        }
        only = candidate;
      }
    }
    return only;
  }

  /**
   * "; did you mean X?" with the nearest name spelt as the user writes it, or what there is to
   * choose from when no name is near.
   */
  static String hint(
      String wrong, Collection<String> known, java.util.function.UnaryOperator<String> spelt) {
    String nearest = suggest(wrong, known);
    if (nearest != null) {
      return "; did you mean " + spelt.apply(nearest) + "?";
    }
    Set<String> tops = new java.util.TreeSet<>();
    known.forEach(k -> tops.add(k.split("[.:]", 2)[0]));
    return "; Redline's settings begin with one of "
        + String.join(", ", tops)
        + " (docs/configuration.md lists them all)";
  }

  /** Typos a person makes: up to a third of the name, at least two edits. */
  private static int reach(String wrong) {
    return Math.max(2, wrong.length() / 3);
  }

  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
