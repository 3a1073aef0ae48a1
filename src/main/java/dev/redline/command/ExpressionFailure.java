package dev.redline.command;

/**
 * A request argument could not be resolved against the session (missing EL attribute, a session
 * function that threw). The request is recorded as KO with this message; the run goes on.
 */
public final class ExpressionFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ExpressionFailure(String message) {
    super(message, null, false, false);
  }
}
