package dev.redline.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Settings parsed by their keys, with where each came from: only the keys some layer set. Each
 * value was made by its own key's parser, so reading it by that key gives the key's type.
 * Immutable.
 */
final class ParsedSettings {
  private final Map<ConfigKey<?>, Object> values;
  private final Map<ConfigKey<?>, String> origins;

  private ParsedSettings(Map<ConfigKey<?>, Object> values, Map<ConfigKey<?>, String> origins) {
    this.values = Collections.unmodifiableMap(values);
    this.origins = Collections.unmodifiableMap(origins);
  }

  /**
   * The merged raw values of these keys, parsed in this order; a key no layer set stays unset.
   *
   * @param merged raw values by path, every layer merged
   * @throws ConfigError for the first value its key does not allow
   */
  static ParsedSettings parse(Map<String, ConfigValue> merged, List<ConfigKey<?>> keys) {
    Map<ConfigKey<?>, Object> values = new LinkedHashMap<>();
    Map<ConfigKey<?>, String> origins = new LinkedHashMap<>();
    for (ConfigKey<?> key : keys) {
      ConfigValue value = merged.get(key.path());
      if (value == null) {
        continue;
      }
      values.put(key, key.parse(value));
      origins.put(key, value.origin());
    }
    return new ParsedSettings(values, origins);
  }

  /** The value of a key, or null when it is unset. */
  <T> T get(ConfigKey<T> key) {
    // put only as key.parse(...), which is a T
    @SuppressWarnings("unchecked")
    T value = (T) values.get(key);
    return value;
  }

  /** The value of a key, or the fallback when it is unset. */
  <T> T getOrDefault(ConfigKey<T> key, T fallback) {
    return has(key) ? get(key) : fallback;
  }

  /** Whether some layer set the key. */
  boolean has(ConfigKey<?> key) {
    return values.containsKey(key);
  }

  /** Where the key's value came from (its layer and name there), or null when it is unset. */
  String origin(ConfigKey<?> key) {
    return origins.get(key);
  }

  /** Where each set value came from, by path, in the order the keys were parsed: a new map. */
  Map<String, String> originsByPath() {
    Map<String, String> byPath = new LinkedHashMap<>();
    origins.forEach((key, origin) -> byPath.put(key.path(), origin));
    return byPath;
  }
}
