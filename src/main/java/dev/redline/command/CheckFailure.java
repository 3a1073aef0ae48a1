package dev.redline.command;

/**
 * A reply did not pass a check: the request is KO with code CHECK (or another kind, such as
 * VERIFY for data verification) and this message.
 */
public final class CheckFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String kind;

  public CheckFailure(String message) {
    this("CHECK", message);
  }

  public CheckFailure(String kind, String message) {
    super(message, null, false, false);
    this.kind = kind;
  }

  /** The KO code: CHECK, VERIFY, ... */
  public String kind() {
    return kind;
  }
}
