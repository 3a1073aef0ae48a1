package dev.redline.assertions;

import dev.redline.config.MicrosAssertion;

/**
 * How one assertion came out.
 *
 * @param assertion the assertion
 * @param passed whether it held
 * @param actual what was measured, as a report shows it ({@code 731.2 µs}, {@code +23.4 % (noise
 *     ±6.1 %)})
 */
public record AssertionOutcome(MicrosAssertion assertion, boolean passed, String actual) {

  /** {@code GET p99 < 500us: KO (actual 731.2 µs)}. */
  public String describe() {
    return assertion.text() + ": " + (passed ? "OK" : "KO") + " (actual " + actual + ")";
  }
}
