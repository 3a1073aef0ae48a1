package dev.redline.config;

import java.util.Locale;

/**
 * Where a run sends its reads (commands the server flags {@code readonly} in its {@code COMMAND}
 * reply). Writes always go to the primary.
 */
public enum ReadFrom {
  /** Every command to the primary (the default). */
  PRIMARY,
  /** Reads to the replicas only, spread evenly over them. */
  REPLICA,
  /** Reads spread evenly over the primary and its replicas. */
  ANY;

  /** The setting's spelling: primary, replica or any. */
  public String setting() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Reads the setting's spelling.
   *
   * @throws IllegalArgumentException naming the three values
   */
  public static ReadFrom parse(String text) {
    for (ReadFrom value : values()) {
      if (value.setting().equalsIgnoreCase(text == null ? "" : text.strip())) {
        return value;
      }
    }
    throw new IllegalArgumentException(
        "read_from must be one of primary, replica, any; got '" + text + "'");
  }
}
