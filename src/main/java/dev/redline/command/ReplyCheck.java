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

  /**
   * Checks a reply knowing the arguments the command was sent with; what every action calls. Only
   * checks that account for what was sent (tracked PUBLISH) need more than {@link #check(Object, Session)}.
   *
   * @param reply the decoded reply
   * @param session the session the request ran with
   * @param sent the command's resolved arguments, as sent
   * @return the session to continue with
   */
  default Session check(Object reply, Session session, String[] sent) {
    return check(reply, session);
  }
}
