package dev.redline.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Every setting Redline knows, in YAML order: {@code app_name}, then the keys of {@code RedisKeys},
 * {@code TestKeys}, {@code ReportKeys} and {@code ReplayKeys}. The sections never refer to this
 * class, so whichever of them is initialized first, {@link #ALL} holds their constants.
 */
public final class ConfigKeys {

  /** The app name for the summary and, unless set, the metrics' service name. */
  static final ConfigKey<String> APP_NAME =
      new ConfigKey<>("app_name", "APP_NAME", "a name", ConfigValueParsers.TEXT, false);

  /** Every key, in YAML order; declared after {@code APP_NAME}, which it holds first. */
  public static final List<ConfigKey<?>> ALL = all();

  private ConfigKeys() {}

  private static List<ConfigKey<?>> all() {
    List<ConfigKey<?>> all = new ArrayList<>();
    all.add(APP_NAME);
    all.addAll(RedisKeys.keys());
    all.addAll(TestKeys.keys());
    all.addAll(ReportKeys.keys());
    all.addAll(ReplayKeys.keys());
    return List.copyOf(all);
  }

  /** The key at a path, or null. */
  public static ConfigKey<?> at(String path) {
    for (ConfigKey<?> key : ALL) {
      if (key.path().equals(path)) {
        return key;
      }
    }
    return null;
  }

  /** Every path, for suggestions. */
  public static List<String> paths() {
    return ALL.stream().map(ConfigKey::path).toList();
  }
}
