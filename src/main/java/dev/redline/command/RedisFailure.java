package dev.redline.command;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.NoSuchElementException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * Why a request failed, as Gatling's response code ({@code kind}) and the first line of the cause
 * ({@code message}).
 *
 * <p>Kinds: the Redis error prefix for error replies ({@code WRONGTYPE}, {@code NOAUTH}, {@code
 * ERR}, ...); {@code TIMEOUT} when the socket timeout expired; {@code CONNECTION} when the server
 * could not be reached or dropped the connection; {@code MAXCLIENTS} when the server refused a new
 * connection because it has its maxclients; {@code POOL_TIMEOUT} when no pooled connection became
 * free in time; {@code TLS} when the TLS handshake failed (certificate not trusted, hostname not
 * matching, no TLS on the other side); {@code CHECK} for a failed check; {@code EL} for an argument
 * that could not be resolved; {@code CLIENT} for anything else.
 *
 * <p>{@code summary} is what Gatling's error table gets: the message itself, or — where each
 * failure's message differs (a verification mismatch names the values) — one line for the kind, so
 * that Gatling shows one row per kind and Redline's report keeps the examples.
 */
public record RedisFailure(String kind, String message, String summary) {

  public RedisFailure(String kind, String message) {
    this(kind, message, message);
  }

  /** Classifies an exception thrown while running a request. */
  public static RedisFailure of(Throwable error) {
    if (error instanceof CheckFailure check) {
      String message = firstLine(error.getMessage());
      return new RedisFailure(
          check.kind(), message, check.summary() == null ? message : check.summary());
    }
    if (error instanceof ExpressionFailure) {
      return new RedisFailure("EL", firstLine(error.getMessage()));
    }
    if (error instanceof JedisDataException) {
      String message = firstLine(error.getMessage());
      if (message.contains("max number of clients reached")) {
        return new RedisFailure("MAXCLIENTS", message);
      }
      // one row per error in Gatling's table, not one per key: "ERR unknown command 'GET', with
      // args beginning with: 'user:1'" names its arguments
      return new RedisFailure(
          errorPrefix(message),
          message,
          message.replaceFirst(",? with args beginning with:.*$", ""));
    }
    Throwable tls = findCause(error, javax.net.ssl.SSLException.class);
    if (tls != null) {
      return new RedisFailure("TLS", firstLine(tls.getMessage()));
    }
    if (hasCause(error, SocketTimeoutException.class)
        || hasSuppressed(error, SocketTimeoutException.class)) {
      return new RedisFailure("TIMEOUT", firstLine(deepestMessage(error)));
    }
    if (hasCause(error, ConnectException.class)) {
      return new RedisFailure(
          "CONNECTION", firstLine(findCause(error, ConnectException.class).getMessage()));
    }
    Throwable connection = findCause(error, JedisConnectionException.class);
    if (connection != null) {
      for (Throwable suppressed : connection.getSuppressed()) {
        if (suppressed instanceof ConnectException) {
          return new RedisFailure("CONNECTION", firstLine(suppressed.getMessage()));
        }
        if (suppressed instanceof SocketTimeoutException) {
          return new RedisFailure("TIMEOUT", firstLine(deepestMessage(connection)));
        }
      }
      String message = firstLine(deepestMessage(connection));
      return new RedisFailure(
          message.contains("max number of clients reached") ? "MAXCLIENTS" : "CONNECTION", message);
    }
    if (hasCause(error, NoSuchElementException.class)) {
      return new RedisFailure("POOL_TIMEOUT", "no pooled connection became free in time");
    }
    return new RedisFailure(
        "CLIENT", error.getClass().getSimpleName() + ": " + firstLine(error.getMessage()));
  }

  /** The first word of a Redis error reply when it is an upper-case error code, else ERR. */
  static String errorPrefix(String message) {
    int end = 0;
    while (end < message.length()) {
      char c = message.charAt(end);
      if (!(c >= 'A' && c <= 'Z') && c != '_') {
        break;
      }
      end++;
    }
    boolean wordEnds = end == message.length() || message.charAt(end) == ' ';
    return end >= 2 && wordEnds ? message.substring(0, end) : "ERR";
  }

  static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int newline = message.indexOf('\n');
    String line = newline < 0 ? message : message.substring(0, newline);
    return line.strip();
  }

  private static String deepestMessage(Throwable error) {
    String message = error.getMessage();
    for (Throwable suppressed : error.getSuppressed()) {
      if (suppressed.getMessage() != null) {
        return message + " (" + suppressed.getMessage() + ")";
      }
    }
    String deepest = null;
    for (Throwable t = error.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
      if (t.getMessage() != null) {
        deepest = t.getMessage();
      }
    }
    // a wrapper's message is often its cause's toString(): say the cause's words once, no class
    String own = message == null ? null : message.replaceFirst("^([a-z]\\w*\\.)+[A-Z]\\w*: ", "");
    if (deepest == null || (own != null && own.contains(deepest))) {
      return own;
    }
    return own == null ? deepest : own + ": " + deepest;
  }

  private static boolean hasSuppressed(Throwable error, Class<? extends Throwable> type) {
    for (Throwable suppressed : error.getSuppressed()) {
      if (type.isInstance(suppressed)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
    return findCause(error, type) != null;
  }

  private static Throwable findCause(Throwable error, Class<? extends Throwable> type) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return t;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }
}
