package dev.redline.command;

import io.gatling.commons.validation.Failure;
import io.gatling.commons.validation.Validation;
import io.gatling.core.check.Check;
import io.gatling.core.check.CheckResult;
import io.gatling.core.session.Session;
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

  /** Runs the check; returns the session it leaves (a {@code saveAs} sets its attribute), or throws when it fails. */
  Session apply(Object reply, Session session, java.util.Map<Object, Object> preparedCache) {
    Validation<CheckResult> result = check.check(reply, session, preparedCache);
    if ((Object) result instanceof Failure failure) {
      throw new CheckFailure(kind, failure.message(), summary);
    }
    return ((io.gatling.commons.validation.Success<CheckResult>) result).value().update(session);
  }
}
