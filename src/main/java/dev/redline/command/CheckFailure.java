package dev.redline.command;

/**
 * A reply did not pass a check: the request is KO with code CHECK (or another kind, such as VERIFY
 * for data verification) and this message.
 */
public final class CheckFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String kind;
  private final String summary;

  /** The session with what the checks that passed saved, as Gatling keeps it; null if none. */
  private transient io.gatling.core.session.Session session;

  public CheckFailure(String message) {
    this("CHECK", message);
  }

  public CheckFailure(String kind, String message) {
    this(kind, message, null);
  }

  /**
   * @param summary one line for every failure of this kind, for Gatling's error table (the message,
   *     which may name values, goes to Redline's report as an example); null for the message
   */
  public CheckFailure(String kind, String message, String summary) {
    super(message, null, false, false);
    this.kind = kind;
    this.summary = summary;
  }

  /**
   * The session a request goes on with after {@code failure}: the one its passing checks saved
   * into, when the failure was a check's, else {@code otherwise}.
   */
  public static io.gatling.core.session.Session sessionAfter(
      RuntimeException failure, io.gatling.core.session.Session otherwise) {
    return failure instanceof CheckFailure check && check.session != null
        ? check.session
        : otherwise;
  }

  CheckFailure withSession(io.gatling.core.session.Session session) {
    this.session = session;
    return this;
  }

  /** What Gatling's error table shows for this failure, or null for the message. */
  public String summary() {
    return summary;
  }

  /** The KO code: CHECK, VERIFY, ... */
  public String kind() {
    return kind;
  }
}
