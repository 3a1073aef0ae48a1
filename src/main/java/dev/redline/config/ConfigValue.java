package dev.redline.config;

/**
 * One setting as a layer gave it: the raw value (text from the environment or a system property, a
 * YAML scalar, list or map) and where it came from, for error messages and the settings echo.
 *
 * @param caution what the layer noticed that may explain a failure later, said only then (a YAML
 *     comment that may have cut a password short); null when nothing
 */
public record ConfigValue(Object raw, String origin, String caution) {

  /** A value with nothing to caution about. */
  public ConfigValue(Object raw, String origin) {
    this(raw, origin, null);
  }
}
