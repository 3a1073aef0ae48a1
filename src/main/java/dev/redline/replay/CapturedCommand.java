package dev.redline.replay;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One command of a {@code MONITOR} capture: when the server ran it (µs since the epoch), the
 * database and client it ran for, its name, and its words byte for byte (the name first).
 *
 * @param name the first word, upper case ({@code SET}, {@code CLIENT}); a subcommand is a word
 */
public record CapturedCommand(
    long epochMicros, int database, String client, String name, byte[][] words) {

  /** The command of these words, named by the first. */
  static CapturedCommand of(long epochMicros, int database, String client, byte[][] words) {
    return new CapturedCommand(
        epochMicros,
        database,
        client,
        new String(words[0], StandardCharsets.ISO_8859_1).toUpperCase(Locale.ROOT),
        words);
  }

  /**
   * How long it may wait on the server, in ms: 0 when it does not block, {@link Long#MAX_VALUE}
   * when it blocks for ever (a timeout of 0).
   */
  public long blockMillis() {
    return ReplaySafety.blockMillis(name(), words);
  }

  /** The words after the name. */
  public byte[][] arguments() {
    byte[][] arguments = new byte[words.length - 1][];
    System.arraycopy(words, 1, arguments, 0, arguments.length);
    return arguments;
  }
}
