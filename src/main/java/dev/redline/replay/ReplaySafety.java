package dev.redline.replay;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which captured commands a replay leaves out. Some must never run against a shared server unless
 * the user allows them by name: they erase or reconfigure it, stop it, change its replication, or
 * block a connection for ever. Others belong to the captured connection, not to the load: the
 * replay's own connections log in, select the database and run transactions themselves.
 */
public final class ReplaySafety {
  private ReplaySafety() {}

  /**
   * The names a replay may run although it leaves them out by default, upper case.
   *
   * @throws IllegalArgumentException for a name a replay never leaves out by default (a typo, or
   *     the connection's own commands, which are never replayed)
   */
  public static Set<String> allowed(Collection<String> names) {
    Set<String> allowed = new TreeSet<>();
    for (String name : names) {
      String upper = String.valueOf(name).strip().toUpperCase(Locale.ROOT);
      if (!DANGEROUS.contains(upper)
          && !upper.equals("SCRIPT")
          && !upper.equals("FUNCTION")
          && !BLOCKING_LAST.contains(upper)
          && !BLOCKING_FIRST.contains(upper)
          && !upper.equals("XREAD")
          && !upper.equals("XREADGROUP")
          && !upper.equals("WAIT")
          && !upper.equals("WAITAOF")) {
        throw new IllegalArgumentException(
            "'"
                + name
                + "' is not a command a replay leaves out; those are "
                + String.join(", ", new TreeSet<>(DANGEROUS))
                + ", SCRIPT and FUNCTION FLUSH, KILL, DELETE, RESTORE, and blocking commands"
                + " without a timeout");
      }
      allowed.add(upper);
    }
    return Set.copyOf(allowed);
  }

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
          "SYNC",
          "PSYNC",
          "MIGRATE");

  /** Subcommands of SCRIPT and FUNCTION that erase or stop what the server runs. */
  private static final Set<String> DANGEROUS_SCRIPT_SUBCOMMANDS =
      Set.of("FLUSH", "KILL", "DELETE", "RESTORE");

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
    if ((DANGEROUS.contains(name)
            || dangerousScriptSubcommand(name, command.words())
            || blocksForEver(name, command.words()))
        && !allowed.contains(name)) {
      return "dangerous";
    }
    return null;
  }

  private static boolean dangerousScriptSubcommand(String name, byte[][] words) {
    return (name.equals("SCRIPT") || name.equals("FUNCTION"))
        && words.length > 1
        && DANGEROUS_SCRIPT_SUBCOMMANDS.contains(text(words[1]));
  }

  private static boolean blocksForEver(String name, byte[][] words) {
    return blockMillis(name, words) == Long.MAX_VALUE;
  }

  /**
   * How long a blocking command may wait on the server, in ms: 0 for a command that does not block,
   * {@link Long#MAX_VALUE} for one that blocks for ever (a timeout of 0).
   */
  static long blockMillis(String name, byte[][] words) {
    if (BLOCKING_LAST.contains(name)) {
      return seconds(words[words.length - 1]);
    }
    if (BLOCKING_FIRST.contains(name)) {
      return words.length > 1 ? seconds(words[1]) : 0;
    }
    if (name.equals("XREAD") || name.equals("XREADGROUP")) {
      for (int i = 1; i + 1 < words.length; i++) {
        if (text(words[i]).equals("BLOCK")) {
          return millis(words[i + 1]);
        }
      }
    }
    if (name.equals("WAIT") && words.length > 2) {
      return millis(words[2]);
    }
    if (name.equals("WAITAOF") && words.length > 3) {
      return millis(words[3]);
    }
    return 0;
  }

  private static long seconds(byte[] word) {
    try {
      double seconds = Double.parseDouble(text(word));
      return seconds == 0 ? Long.MAX_VALUE : (long) Math.ceil(seconds * 1000);
    } catch (NumberFormatException e) {
      return 0; // the server will say what is wrong with the timeout
    }
  }

  private static long millis(byte[] word) {
    try {
      long millis = Long.parseLong(text(word));
      return millis == 0 ? Long.MAX_VALUE : millis;
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static String text(byte[] word) {
    return new String(word, StandardCharsets.ISO_8859_1).toUpperCase(Locale.ROOT);
  }
}
