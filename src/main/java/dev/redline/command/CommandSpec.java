package dev.redline.command;

import io.gatling.commons.validation.Failure;
import io.gatling.commons.validation.Success;
import io.gatling.commons.validation.Validation;
import io.gatling.core.check.CheckResult;
import io.gatling.core.session.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.commands.ProtocolCommand;

/**
 * One Redis command as data: the request name it is reported under, the command that goes on the
 * wire, its argument expressions and the checks on its reply. Immutable; nothing here touches the
 * network. Every action sends commands through {@link #command()} and {@link
 * #resolveArguments(Session)}, the one place that turns a request into wire arguments.
 */
public final class CommandSpec {
  private final String requestName;
  private final String commandName;
  private final ProtocolCommand command;
  private final List<SessionValue<String>> arguments;
  private final List<ReplyCheck> checks;
  // a tracked PUBLISH: its message is the run's next numbered message, padded with this; else null
  private final String deliveryPadding;
  // a blocking command's own timeout (BLPOP ...), by which its socket timeout is extended; 0 else
  private final long blockMillis;
  // resolveArguments runs for every command sent: constants are resolved here once, and only the
  // positions that depend on the session are resolved per request
  private final String[] constants;
  private final int[] dynamicPositions;
  private final SessionValue<String>[] dynamicValues;

  @SuppressWarnings("unchecked")
  private CommandSpec(
      String requestName,
      String commandName,
      ProtocolCommand command,
      List<SessionValue<String>> arguments,
      List<ReplyCheck> checks,
      String deliveryPadding,
      long blockMillis) {
    this.deliveryPadding = deliveryPadding;
    this.blockMillis = blockMillis;
    this.requestName = Objects.requireNonNull(requestName, "requestName");
    this.commandName = commandName;
    this.command = command;
    this.arguments = List.copyOf(arguments);
    this.checks = List.copyOf(checks);
    this.constants = new String[this.arguments.size()];
    List<Integer> dynamic = new ArrayList<>();
    for (int i = 0; i < constants.length; i++) {
      if (this.arguments.get(i) instanceof SessionValues.Constant constant) {
        constants[i] = constant.text();
      } else {
        dynamic.add(i);
      }
    }
    this.dynamicPositions = dynamic.stream().mapToInt(Integer::intValue).toArray();
    this.dynamicValues = dynamic.stream().map(this.arguments::get).toArray(SessionValue[]::new);
  }

  /** The name the request is reported under ("SET", or the name given with named()). */
  public String requestName() {
    return requestName;
  }

  /** The command's upper-case name ("SET"). */
  public String commandName() {
    return commandName;
  }

  /** The command that goes on the wire. */
  public ProtocolCommand command() {
    return command;
  }

  /** The argument expressions, in order. */
  public List<SessionValue<String>> arguments() {
    return arguments;
  }

  /** The checks on the reply, in order. */
  public List<ReplyCheck> checks() {
    return checks;
  }

  /** A command by name ("SET", "CLIENT", "JSON.GET"), reported under its upper-case name. */
  public static CommandSpec of(String commandName, List<SessionValue<String>> arguments) {
    String upper =
        Objects.requireNonNull(commandName, "command name").strip().toUpperCase(Locale.ROOT);
    if (upper.isEmpty() || upper.contains(" ")) {
      throw new IllegalArgumentException(
          "a Redis command name is one word, e.g. command(\"CLIENT\", \"LIST\"); got \""
              + commandName
              + "\"");
    }
    return new CommandSpec(upper, upper, protocolCommand(upper), arguments, List.of(), null, 0);
  }

  /**
   * A PUBLISH whose delivery the run's subscribers measure: its message is the run's next numbered,
   * timestamped message of about {@code size} bytes (made by the action, which knows the run).
   */
  public static CommandSpec trackedPublish(SessionValue<String> channel, int size) {
    if (size < 0) {
      throw new IllegalArgumentException(
          "a tracked message's size must not be negative, got " + size);
    }
    return new CommandSpec(
        "PUBLISH",
        "PUBLISH",
        Protocol.Command.PUBLISH,
        List.of(channel, SessionValues.constant("")),
        List.of(),
        "x".repeat(Math.max(0, size - 40)),
        0);
  }

  /**
   * The same command as a blocking one that waits up to {@code timeout} on the server ({@code
   * ZERO}: for ever): its socket timeout is extended by that much.
   */
  public CommandSpec blockingFor(java.time.Duration timeout) {
    long millis = timeout.isZero() ? Long.MAX_VALUE : timeout.toMillis();
    return new CommandSpec(
        requestName, commandName, command, arguments, checks, deliveryPadding, millis);
  }

  /**
   * How long the command may block on the server, in ms ({@code Long.MAX_VALUE}: for ever); 0 for a
   * command that does not block.
   */
  public long blockMillis() {
    return blockMillis;
  }

  /** Whether this is a tracked PUBLISH (see {@link #trackedPublish}). */
  public boolean tracksDelivery() {
    return deliveryPadding != null;
  }

  /** The padding of a tracked PUBLISH's message. */
  public String deliveryPadding() {
    return deliveryPadding;
  }

  /** The same command reported under another request name. */
  public CommandSpec named(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a request name must not be blank");
    }
    return new CommandSpec(
        name, commandName, command, arguments, checks, deliveryPadding, blockMillis);
  }

  /** The same command with one more check on its reply. */
  public CommandSpec withCheck(ReplyCheck check) {
    List<ReplyCheck> more = new ArrayList<>(checks);
    more.add(Objects.requireNonNull(check, "check"));
    return new CommandSpec(
        requestName, commandName, command, arguments, more, deliveryPadding, blockMillis);
  }

  @Override
  public String toString() {
    return "CommandSpec["
        + requestName
        + ": "
        + commandName
        + " with "
        + arguments.size()
        + " arguments, "
        + checks.size()
        + " checks]";
  }

  /** Resolves every argument against the session. */
  public String[] resolveArguments(Session session) {
    String[] resolved = constants.clone();
    for (int i = 0; i < dynamicPositions.length; i++) {
      resolved[dynamicPositions[i]] = dynamicValues[i].resolve(session);
    }
    return resolved;
  }

  /**
   * Runs the checks on the raw reply, in order, the way Gatling runs an HTTP request's checks: each
   * check that passes may save into the session; the first that fails decides the KO (thrown as a
   * {@link CheckFailure}), the others still run.
   *
   * @return the session to continue with
   * @throws CheckFailure when a check failed
   */
  public Session applyChecks(Object rawReply, Session session) {
    if (checks.isEmpty()) {
      return session;
    }
    Object reply = Replies.decode(rawReply);
    java.util.Map<Object, Object> prepared = checks.size() > 1 ? new java.util.HashMap<>(2) : null;
    Session current = session;
    CheckFailure first = null;
    for (ReplyCheck check : checks) {
      Validation<CheckResult> result = check.check().check(reply, current, prepared);
      if (result instanceof Success<CheckResult> passed) {
        current = passed.value().update(current);
      } else if (first == null) {
        first = check.failure(((Failure) (Object) result).message());
      }
    }
    if (first != null) {
      throw first.withSession(current); // what the passing checks saved stays, as in Gatling
    }
    return current;
  }

  private static ProtocolCommand protocolCommand(String upper) {
    try {
      return Protocol.Command.valueOf(upper);
    } catch (IllegalArgumentException notBuiltIn) {
      return new NamedCommand(upper);
    }
  }

  /** A command Jedis has no constant for (module commands, new commands). */
  private record NamedCommand(String name) implements ProtocolCommand {
    @Override
    public byte[] getRaw() {
      return name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
  }
}
