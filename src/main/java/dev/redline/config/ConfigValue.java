package dev.redline.config;

/**
 * One setting as a layer gave it: the raw value (text from the environment or a system property, a
 * YAML scalar, list or map) and where it came from, for error messages and the settings echo.
 */
public record ConfigValue(Object raw, String origin) {}
