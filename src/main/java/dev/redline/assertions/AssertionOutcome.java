package dev.redline.assertions;

import dev.redline.config.MicrosAssertion;

/**
 * How one assertion came out.
 *
 * @param assertion the assertion
 * @param passed whether it held
 * @param actual what was measured, as a report shows it ({@code 731.2 µs}, {@code +23.4 % (noise
 *     ±6.1 %)})
 * @param skipped whether it compared nothing (a {@code vs baseline} without a baseline): it holds,
 *     and a CI report shows it skipped
 */
public record AssertionOutcome(
    MicrosAssertion assertion, boolean passed, String actual, boolean skipped) {

  /** An outcome that was judged. */
  public AssertionOutcome(MicrosAssertion assertion, boolean passed, String actual) {
    this(assertion, passed, actual, false);
  }

  /** {@code GET p99 < 500us: KO (actual 731.2 µs)}. */
  public String describe() {
    return assertion.text()
        + ": "
        + (skipped ? "SKIPPED" : passed ? "OK" : "KO")
        + " (actual "
        + actual
        + ")";
  }
}
