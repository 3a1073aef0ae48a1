package dev.redline.replay;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Which captured commands a replay leaves out. Some must never run against a shared server unless
 * the user allows them by name: they erase or reconfigure it, stop it, change its replication, or
 * block a connection for ever. Others belong to the captured connection, not to the load: the
 * replay's own connections log in, select the database and run transactions themselves.
 */
final class ReplaySafety {
  private ReplaySafety() {}

  /** Skipped unless allowed by name. */
  static final Set<String> DANGEROUS =
      Set.of(
          "FLUSHALL",
          "FLUSHDB",
          "SHUTDOWN",
          "CONFIG",
          "DEBUG",
          "MONITOR",
          "SWAPDB",
          "REPLICAOF",
          "SLAVEOF",
          "FAILOVER",
          "CLUSTER",
          "ACL",
          "SAVE",
          "BGSAVE",
          "BGREWRITEAOF",
          "MODULE",
          "SCRIPT",
          "FUNCTION",
          "SYNC",
          "PSYNC",
          "MIGRATE");

  /** The connection's own state: never replayed. */
  static final Set<String> CONNECTION =
      Set.of(
          "SELECT",
          "AUTH",
          "HELLO",
          "QUIT",
          "RESET",
          "WATCH",
          "UNWATCH",
          "SUBSCRIBE",
          "PSUBSCRIBE",
          "SSUBSCRIBE",
          "UNSUBSCRIBE",
          "PUNSUBSCRIBE",
          "SUNSUBSCRIBE",
          "READONLY",
          "READWRITE",
          "ASKING",
          "CLIENT");

  /** Blocking commands whose timeout is their last word: 0 blocks for ever. */
  private static final Set<String> BLOCKING_LAST =
      Set.of("BLPOP", "BRPOP", "BRPOPLPUSH", "BLMOVE", "BZPOPMIN", "BZPOPMAX");

  /** Blocking commands whose timeout is their first argument. */
  private static final Set<String> BLOCKING_FIRST = Set.of("BLMPOP", "BZMPOP");

  /**
   * Why {@code command} is left out: {@code "dangerous"}, {@code "connection"}, or null to replay
   * it. A blocking command without a timeout counts as dangerous.
   */
  static String skipReason(CapturedCommand command, Set<String> allowed) {
    String name = command.name();
    if (CONNECTION.contains(name)) {
      return "connection";
    }
    if ((DANGEROUS.contains(name) || blocksForEver(name, command.words()))
        && !allowed.contains(name)) {
      return "dangerous";
    }
    return null;
  }

  private static boolean blocksForEver(String name, byte[][] words) {
    if (BLOCKING_LAST.contains(name)) {
      return isZero(words[words.length - 1]);
    }
    if (BLOCKING_FIRST.contains(name)) {
      return words.length > 1 && isZero(words[1]);
    }
    if (name.equals("XREAD") || name.equals("XREADGROUP")) {
      for (int i = 1; i + 1 < words.length; i++) {
        if (text(words[i]).equals("BLOCK")) {
          return isZero(words[i + 1]);
        }
      }
    }
    return false;
  }

  private static boolean isZero(byte[] word) {
    try {
      return Double.parseDouble(text(word)) == 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static String text(byte[] word) {
    return new String(word, StandardCharsets.ISO_8859_1).toUpperCase(Locale.ROOT);
  }
}
