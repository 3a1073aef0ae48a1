package dev.redline.command;

import io.gatling.core.session.Session;

/** A check on a decoded Redis reply; may also save the reply into the session. */
@FunctionalInterface
public interface ReplyCheck {

  /**
   * Checks a reply.
   *
   * @param reply the decoded reply (see {@link Replies#decode(Object)})
   * @param session the session the request ran with
   * @return the session to continue with (changed when the check saves a value)
   * @throws CheckFailure when the reply is not what was expected
   * @throws ExpressionFailure when the expected value could not be resolved
   */
  Session check(Object reply, Session session);
}
