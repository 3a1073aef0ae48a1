package dev.redline.command;

import io.gatling.core.session.Session;

/**
 * A value a request needs, resolved against the virtual user's session when the request runs: a
 * constant, a Gatling EL string such as {@code "user:#{id}"}, or a function of the session.
 *
 * @param <T> the resolved type
 */
@FunctionalInterface
public interface SessionValue<T> {

  /**
   * Resolves the value.
   *
   * @throws ExpressionFailure when an EL attribute is missing or a session function throws
   */
  T resolve(Session session);
}
