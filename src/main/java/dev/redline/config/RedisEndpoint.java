package dev.redline.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Where a Redis server is and how to log in: {@code redis://[user:password@]host:port[/db]}, or
 * {@code rediss://...} for TLS. {@link #toString()} never shows the password.
 */
public record RedisEndpoint(
    String host, int port, String username, String password, int database, boolean tls) {

  /** The port Redis listens on unless told otherwise. */
  public static final int DEFAULT_PORT = 6379;

  public RedisEndpoint {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("Redis host must not be blank");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException(
          "Redis port " + port + " is out of range: allowed 1..65535");
    }
    if (database < 0) {
      throw new IllegalArgumentException(
          "Redis database " + database + " is negative: allowed 0 and up");
    }
  }

  /**
   * Parses a Redis URL.
   *
   * @throws IllegalArgumentException naming what is wrong and the allowed form
   */
  public static RedisEndpoint parse(String url) {
    Objects.requireNonNull(url, "Redis URL");
    String form =
        "expected redis://[user:password@]host:port[/db] or rediss://..."
            + (url.indexOf('@') >= 0 || url.indexOf('#') >= 0 || url.indexOf(' ') >= 0
                ? " (in a user name or password, write @ as %40, : as %3A, / as %2F, # as %23,"
                    + " % as %25, a space as %20)"
                : "");
    if (!url.contains("://")) {
      throw new IllegalArgumentException(
          "malformed Redis URL '"
              + maskCredentials(url)
              + "': no scheme; write redis://"
              + maskCredentials(url.strip())
              + " ("
              + form
              + ")");
    }
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "malformed Redis URL '" + maskCredentials(url) + "': " + e.getReason() + "; " + form);
    }
    String scheme = uri.getScheme();
    if (!"redis".equals(scheme) && !"rediss".equals(scheme)) {
      throw new IllegalArgumentException(
          "malformed Redis URL '"
              + maskCredentials(url)
              + "': scheme must be redis or rediss; "
              + form);
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException(
          "malformed Redis URL '"
              + maskCredentials(url)
              + "': no host (or a port that is not a number); "
              + form);
    }
    int port = uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort();
    String username = null;
    String password = null;
    String userInfo = uri.getRawUserInfo();
    if (userInfo != null && !userInfo.isEmpty()) {
      int colon = userInfo.indexOf(':');
      if (colon < 0) {
        password = decode(userInfo);
      } else {
        username = colon == 0 ? null : decode(userInfo.substring(0, colon));
        password = decode(userInfo.substring(colon + 1));
      }
    }
    int database = 0;
    String path = uri.getPath();
    if (path != null && path.length() > 1) {
      try {
        database = Integer.parseInt(path.substring(1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "malformed Redis URL '"
                + maskCredentials(url)
                + "': database '"
                + path.substring(1)
                + "' is not a number; "
                + form);
      }
    }
    return new RedisEndpoint(
        uri.getHost(), port, username, password, database, "rediss".equals(scheme));
  }

  /** The same endpoint with other credentials. */
  public RedisEndpoint withCredentials(String newUsername, String newPassword) {
    return new RedisEndpoint(host, port, newUsername, newPassword, database, tls);
  }

  /** The same endpoint using another database number. */
  public RedisEndpoint withDatabase(int newDatabase) {
    return new RedisEndpoint(host, port, username, password, newDatabase, tls);
  }

  /** The same endpoint over TLS. */
  public RedisEndpoint withTls() {
    return new RedisEndpoint(host, port, username, password, database, true);
  }

  /** The URL with the real password (for handing to a client; never print it). */
  public String toUrl() {
    StringBuilder s = new StringBuilder(tls ? "rediss://" : "redis://");
    if (username != null || password != null) {
      if (username != null) {
        s.append(encode(username));
      }
      if (password != null) {
        s.append(':').append(encode(password));
      }
      s.append('@');
    }
    return s.append(address()).append('/').append(database).toString();
  }

  /** {@code host:port}. */
  public String address() {
    return host + ":" + port;
  }

  /** The URL with the password replaced by {@code ***}. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(tls ? "rediss://" : "redis://");
    if (username != null || password != null) {
      if (username != null) {
        s.append(username);
      }
      if (password != null) {
        s.append(":***");
      }
      s.append('@');
    }
    s.append(address());
    if (database != 0) {
      s.append('/').append(database);
    }
    return s.toString();
  }

  /**
   * A URL that could not be parsed, with everything between {@code ://} and its last {@code @}
   * hidden: with a raw {@code @} in the password no parser can tell where the password ends, so no
   * part of it, nor the user name, is shown.
   */
  public static String maskCredentials(String url) {
    int at = url.lastIndexOf('@');
    if (at < 0) {
      return url;
    }
    int scheme = url.indexOf("://");
    int from = scheme >= 0 && scheme < at ? scheme + 3 : 0;
    return url.substring(0, from) + "***" + url.substring(at);
  }

  /** A URL as text with any password replaced by {@code ***}. */
  public static String redact(String url) {
    if (url == null) {
      return null;
    }
    return url.replaceAll("(?<=://)([^:@/]*):[^@/]*@", "$1:***@");
  }

  /** Percent-encoding for a URL's user part: a space is %20 (URLEncoder's '+' would stay a '+'). */
  private static String encode(String part) {
    return java.net.URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String decode(String part) {
    // percent-decoding only: a '+' in a password is a '+', not a space
    return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
