package dev.redline.config;

import static dev.redline.config.ConfigValueParsers.TEXT;

import java.nio.file.Path;
import java.util.List;

/**
 * The settings of a replay ({@code replay.*}): the MONITOR capture to replay, at what multiple of
 * its recorded pace, which commands left out by default it may run, and the prefix its keys take.
 * One section of {@link ConfigKeys#ALL}.
 */
final class ReplayKeys {

  static final ConfigKey<Path> FILE =
      new ConfigKey<>(
          "replay.file",
          "REDLINE_REPLAY_FILE",
          "a readable file of MONITOR output (redis-cli MONITOR > capture.txt)",
          ConfigValueParsers::readableFile,
          false);

  static final ConfigKey<Double> SPEED =
      new ConfigKey<>(
          "replay.speed",
          "REDLINE_REPLAY_SPEED",
          "a multiple of the recorded pace (1: as recorded, 2: twice as fast; from 0.001), 0 for as"
              + " fast as possible",
          ConfigValueParsers::speed,
          false);

  static final ConfigKey<List<String>> ALLOW =
      new ConfigKey<>(
          "replay.allow",
          "REDLINE_REPLAY_ALLOW",
          "command names a replay leaves out by default, e.g. FLUSHDB,CONFIG",
          ConfigValueParsers::names,
          false);

  static final ConfigKey<String> KEY_PREFIX =
      new ConfigKey<>(
          "replay.key_prefix", "REDLINE_REPLAY_KEY_PREFIX", "a key prefix", TEXT, false);

  private ReplayKeys() {}

  /** The keys, in YAML order; built once, into {@link ConfigKeys#ALL}. */
  static List<ConfigKey<?>> keys() {
    return List.of(FILE, SPEED, ALLOW, KEY_PREFIX);
  }
}
