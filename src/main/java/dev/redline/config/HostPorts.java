package dev.redline.config;

import java.util.List;
import redis.clients.jedis.HostAndPort;

/** Node addresses as settings give them: {@code host:port}, IPv6 hosts in brackets. */
public final class HostPorts {
  private HostPorts() {}

  /**
   * Parses {@code host:port} addresses, e.g. {@code "10.0.0.1:7000"} or {@code "[::1]:7000"}.
   *
   * @throws IllegalArgumentException naming the address that is not host:port
   */
  public static List<HostAndPort> parse(List<String> texts) {
    if (texts.isEmpty()) {
      throw new IllegalArgumentException("no node given: expected host:port, e.g. 10.0.0.1:7000");
    }
    return texts.stream().map(HostPorts::address).toList();
  }

  private static HostAndPort address(String text) {
    String s = text == null ? "" : text.strip();
    int colon = s.lastIndexOf(':');
    if (colon <= 0 || colon == s.length() - 1) {
      throw new IllegalArgumentException("'" + s + "' is not host:port, e.g. 10.0.0.1:7000");
    }
    String host = s.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port;
    try {
      port = Integer.parseInt(s.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + s + "' is not host:port: the port is not a number");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("'" + s + "': port " + port + " is out of range 1..65535");
    }
    return new HostAndPort(host, port);
  }
}
