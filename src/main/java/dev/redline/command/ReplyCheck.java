package dev.redline.command;

import io.gatling.core.check.Check;
import java.util.Objects;

/**
 * One of Gatling's checks, built for a decoded Redis reply (see {@link Replies#decode(Object)}),
 * with the KO code it gives when it fails: {@code CHECK}, or {@code VERIFY} for data verification.
 *
 * @param check Gatling's check on the decoded reply
 * @param kind the KO code of a failure
 * @param summary one line for Gatling's error table for every failure of this check, or null to
 *     show each failure's own message there
 */
public record ReplyCheck(Check<Object> check, String kind, String summary) {

  public ReplyCheck {
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(kind, "kind");
  }

  /** This check's failure, with Gatling's message. */
  CheckFailure failure(String message) {
    return new CheckFailure(kind, message, summary);
  }
}
