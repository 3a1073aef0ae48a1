package dev.redline.protocol;

import java.util.List;

/**
 * Where a protocol's settings came from, for what the run says: where the endpoint was named (the
 * start line), where the login came from and any caution about it (a refused login's message; null
 * when the simulation named it), and the lines that describe the settings, printed once the server
 * has answered (a refused start prints only its reason).
 */
public record SettingsOrigin(String endpointOrigin, String loginOrigin, List<String> echo) {

  /** Everything named by the simulation; nothing to echo. */
  public static final SettingsOrigin SIMULATION =
      new SettingsOrigin("named by the simulation", null, List.of());

  public SettingsOrigin {
    echo = List.copyOf(echo);
  }

  public SettingsOrigin withEndpointOrigin(String origin) {
    return new SettingsOrigin(origin, loginOrigin, echo);
  }

  public SettingsOrigin withLoginOrigin(String origin) {
    return new SettingsOrigin(endpointOrigin, origin, echo);
  }

  public SettingsOrigin withEcho(List<String> lines) {
    return new SettingsOrigin(endpointOrigin, loginOrigin, lines);
  }
}
