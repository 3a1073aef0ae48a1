package dev.redline.client;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import redis.clients.jedis.commands.ProtocolCommand;

/**
 * Which commands only read, as the server itself flags them ({@code readonly} in its {@code
 * COMMAND} reply): those may go to a replica. A command the server does not flag (a write, an admin
 * command, one it does not know, a container such as OBJECT whose subcommands carry the flags) goes
 * to the primary.
 */
public final class ReadCommands {
  private final Set<String> reads;
  private final Map<ProtocolCommand, Boolean> byCommand = new ConcurrentHashMap<>();

  private ReadCommands(Set<String> reads) {
    this.reads = Set.copyOf(reads);
  }

  /** Reads the flags from a {@code COMMAND} reply (Jedis's raw reply). */
  public static ReadCommands fromCommandReply(Object reply) {
    Set<String> reads = new HashSet<>();
    if (reply instanceof List<?> entries) {
      for (Object entry : entries) {
        if (entry instanceof List<?> info
            && info.size() >= 3
            && info.get(2) instanceof List<?> flags
            && flags.stream().anyMatch(f -> text(f).equals("readonly"))) {
          reads.add(text(info.get(0)).toLowerCase(Locale.ROOT));
        }
      }
    }
    return new ReadCommands(reads);
  }

  /** Whether a command only reads (looked up once per command object). */
  public boolean isRead(ProtocolCommand command) {
    return byCommand.computeIfAbsent(
        command,
        c ->
            reads.contains(
                new String(c.getRaw(), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT)));
  }

  /** Whether a command, by its name in {@code INFO commandstats} ("get"), only reads. */
  public boolean isRead(String serverName) {
    return reads.contains(serverName);
  }

  /** Whether every command of a batch only reads. */
  public boolean allRead(ProtocolCommand[] commands) {
    for (ProtocolCommand command : commands) {
      if (!isRead(command)) {
        return false;
      }
    }
    return true;
  }

  private static String text(Object raw) {
    return raw instanceof byte[] bytes
        ? new String(bytes, StandardCharsets.UTF_8)
        : String.valueOf(raw);
  }
}
