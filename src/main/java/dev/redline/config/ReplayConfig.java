package dev.redline.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * What a ready replay runs ({@code replay.*}, from {@code -Dredline.replay.*}, the environment or
 * the YAML file): the capture, the pace (1: as recorded; 0: as fast as the users go), the commands
 * allowed although a replay leaves them out by default, and the prefix its keys take.
 */
public record ReplayConfig(
    Optional<Path> file, double speed, List<String> allow, Optional<String> keyPrefix) {

  /** The replay settings of this JVM's system properties and environment. */
  public static ReplayConfig load() {
    return load(System.getProperties(), System.getenv());
  }

  /** The replay settings of these system properties and this environment (and their YAML). */
  public static ReplayConfig load(Properties properties, Map<String, String> environment) {
    ParsedSettings settings =
        ParsedSettings.parse(
            RedlineConfig.mergedLayers(properties, environment), ReplayKeys.keys());
    Double speed = settings.get(ReplayKeys.SPEED);
    List<String> allow = settings.get(ReplayKeys.ALLOW);
    return new ReplayConfig(
        Optional.ofNullable(settings.get(ReplayKeys.FILE)),
        speed != null ? speed : 1,
        allow != null ? allow : List.of(),
        Optional.ofNullable(settings.get(ReplayKeys.KEY_PREFIX)));
  }
}
