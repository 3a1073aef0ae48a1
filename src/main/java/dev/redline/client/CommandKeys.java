package dev.redline.client;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import redis.clients.jedis.commands.ProtocolCommand;

/**
 * Which arguments of a command are keys, as the server itself says in its {@code COMMAND} reply
 * (first key, last key, step), so that a cluster client can route any command — module commands
 * included — by its key's slot. Scripts and functions ({@code EVAL}, {@code FCALL}, ...) name their
 * keys with a key count. A command the server does not know has no keys (it goes to any node).
 */
public final class CommandKeys {
  private static final Set<String> NUMKEYS_AT_SECOND =
      Set.of("eval", "evalsha", "eval_ro", "evalsha_ro", "fcall", "fcall_ro");
  private static final Set<String> KEYS_AFTER_STREAMS = Set.of("xread", "xreadgroup");
  private static final int[] NONE = new int[0];

  private final Map<String, Spec> specs;
  private final Map<ProtocolCommand, Spec> byCommand = new ConcurrentHashMap<>();

  /**
   * @param movable keys the first/last/step triple does not place (flag {@code movablekeys})
   * @param subcommands whether its keys are its subcommands' (OBJECT, XINFO, MEMORY, ...)
   */
  private record Spec(
      String name, int first, int last, int step, boolean movable, boolean subcommands) {}

  private CommandKeys(Map<String, Spec> specs) {
    this.specs = specs;
  }

  /** Reads the key positions from a {@code COMMAND} reply (Jedis's raw reply). */
  public static CommandKeys fromCommandReply(Object reply) {
    Map<String, Spec> specs = new HashMap<>();
    if (reply instanceof List<?> entries) {
      for (Object entry : entries) {
        if (entry instanceof List<?> info && info.size() >= 6) {
          String name = text(info.get(0)).toLowerCase(Locale.ROOT);
          boolean movable =
              info.get(2) instanceof List<?> flags
                  && flags.stream().anyMatch(f -> text(f).equals("movablekeys"));
          boolean subcommands =
              info.size() >= 10 && info.get(9) instanceof List<?> subs && !subs.isEmpty();
          specs.put(
              name,
              new Spec(
                  name,
                  number(info.get(3)),
                  number(info.get(4)),
                  number(info.get(5)),
                  movable,
                  subcommands));
        }
      }
    }
    return new CommandKeys(specs);
  }

  /**
   * Reads the table once, from the first cluster client that asks, and shares it with the others
   * (one {@code COMMAND} per protocol, sent while the pool is made, before the server cross-check's
   * first snapshot).
   */
  public static final class Source {
    private CommandKeys keys;

    synchronized CommandKeys from(redis.clients.jedis.UnifiedJedis client) {
      if (keys == null) {
        keys =
            fromCommandReply(
                client.executeCommand(
                    new redis.clients.jedis.CommandObject<>(
                        new redis.clients.jedis.CommandArguments(
                            redis.clients.jedis.Protocol.Command.COMMAND),
                        redis.clients.jedis.BuilderFactory.RAW_OBJECT)));
      }
      return keys;
    }
  }

  /**
   * Whether {@link #keyPositions} places every key of {@code command}: false for a command the
   * server does not know, one whose keys move (flag {@code movablekeys}: SORT ... STORE,
   * ZUNIONSTORE, LMPOP, ...) other than scripts and XREAD, and one whose keys are its subcommands'.
   */
  public boolean placesEveryKey(ProtocolCommand command) {
    Spec spec =
        specs.get(new String(command.getRaw(), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT));
    if (spec == null) {
      return false;
    }
    boolean handled =
        NUMKEYS_AT_SECOND.contains(spec.name) || KEYS_AFTER_STREAMS.contains(spec.name);
    return !spec.subcommands && (!spec.movable || handled);
  }

  /** How many commands the table knows. */
  public int size() {
    return specs.size();
  }

  /**
   * The positions (0-based, in {@code arguments}, which excludes the command name) of the keys.
   * Empty for a keyless command.
   */
  public int[] keyPositions(ProtocolCommand command, String[] arguments) {
    Spec spec =
        byCommand.computeIfAbsent(
            command,
            c ->
                specs.getOrDefault(
                    new String(c.getRaw(), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT),
                    new Spec("?", 0, 0, 0, false, false)));
    if (NUMKEYS_AT_SECOND.contains(spec.name)) {
      return scriptKeys(arguments);
    }
    if (KEYS_AFTER_STREAMS.contains(spec.name)) {
      return streamKeys(arguments);
    }
    if (spec.first <= 0 || spec.step <= 0) {
      return NONE;
    }
    int first = spec.first - 1;
    int last = spec.last < 0 ? arguments.length + spec.last : spec.last - 1;
    List<Integer> positions = new ArrayList<>();
    for (int i = first; i <= last && i < arguments.length; i += spec.step) {
      positions.add(i);
    }
    return positions.stream().mapToInt(Integer::intValue).toArray();
  }

  /** XREAD ... STREAMS key... id...: the first half of what follows STREAMS. */
  private static int[] streamKeys(String[] arguments) {
    for (int i = 0; i < arguments.length; i++) {
      if ("STREAMS".equalsIgnoreCase(arguments[i])) {
        int keys = (arguments.length - i - 1) / 2;
        int[] positions = new int[keys];
        for (int k = 0; k < keys; k++) {
          positions[k] = i + 1 + k;
        }
        return positions;
      }
    }
    return NONE;
  }

  /** EVAL script numkeys key... arg...: the keys follow the key count. */
  private static int[] scriptKeys(String[] arguments) {
    if (arguments.length < 2) {
      return NONE;
    }
    int count;
    try {
      count = Integer.parseInt(arguments[1]);
    } catch (NumberFormatException e) {
      return NONE; // the server will say what is wrong with the key count
    }
    int n = Math.max(0, Math.min(count, arguments.length - 2));
    int[] positions = new int[n];
    for (int i = 0; i < n; i++) {
      positions[i] = 2 + i;
    }
    return positions;
  }

  private static String text(Object raw) {
    return raw instanceof byte[] bytes
        ? new String(bytes, StandardCharsets.UTF_8)
        : String.valueOf(raw);
  }

  private static int number(Object raw) {
    return raw instanceof Long l ? l.intValue() : Integer.parseInt(text(raw));
  }
}
