package dev.redline.config;

import java.time.Duration;

/**
 * How each connection talks to Redis: how long opening it and one reply may take, the name it gives
 * itself (CLIENT SETNAME, the client index appended), the RESP version it says HELLO with (0: none,
 * Jedis's RESP2) and its TLS options. Checked here once for the DSL and the settings alike.
 */
public record ConnectionOptions(
    Duration connectTimeout,
    Duration socketTimeout,
    String clientName,
    int respVersion,
    TlsSettings tls) {

  /** 2 s timeouts, named "redline", no HELLO, no TLS option. */
  public static final ConnectionOptions DEFAULTS =
      new ConnectionOptions(
          Duration.ofSeconds(2), Duration.ofSeconds(2), "redline", 0, TlsSettings.NONE);

  /**
   * @throws IllegalArgumentException naming the option that cannot work
   */
  public ConnectionOptions {
    positive("connectTimeout", connectTimeout);
    positive("socketTimeout", socketTimeout);
    if (respVersion != 0 && respVersion != 2 && respVersion != 3) {
      throw new IllegalArgumentException("protocolVersion must be 2 or 3, got " + respVersion);
    }
  }

  public ConnectionOptions withConnectTimeout(Duration timeout) {
    return new ConnectionOptions(timeout, socketTimeout, clientName, respVersion, tls);
  }

  public ConnectionOptions withSocketTimeout(Duration timeout) {
    return new ConnectionOptions(connectTimeout, timeout, clientName, respVersion, tls);
  }

  public ConnectionOptions withClientName(String name) {
    return new ConnectionOptions(connectTimeout, socketTimeout, name, respVersion, tls);
  }

  public ConnectionOptions withRespVersion(int version) {
    return new ConnectionOptions(connectTimeout, socketTimeout, clientName, version, tls);
  }

  public ConnectionOptions withTls(TlsSettings options) {
    return new ConnectionOptions(connectTimeout, socketTimeout, clientName, respVersion, options);
  }

  /** A positive duration; whether a socket can hold it is {@code ClientSettings}'s to say. */
  static void positive(String name, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be a positive duration, got " + value);
    }
  }
}
