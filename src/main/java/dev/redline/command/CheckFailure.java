package dev.redline.command;

/** A reply did not pass a check: the request is KO with code CHECK and this message. */
public final class CheckFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CheckFailure(String message) {
    super(message, null, false, false);
  }
}
