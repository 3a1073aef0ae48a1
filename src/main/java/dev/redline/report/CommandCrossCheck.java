package dev.redline.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What Redline sent, per command, against what the server(s) counted in {@code INFO commandstats}
 * between the start and the end of the run.
 *
 * <p>Connection setup (AUTH, HELLO, SELECT, CLIENT SETNAME/SETINFO — sent by Jedis once per new
 * connection) and a cluster client's slot-map reads are listed apart and not compared. Redline's
 * own two reads of commandstats add one INFO per server to the server's count; that one is
 * subtracted. Any other difference is flagged: on a private server there is none; on a shared
 * server other clients' commands are a legitimate cause.
 *
 * @param available false when the server could not be read (then {@code reason} says why)
 * @param rows one row per command Redline sent or the server counted
 * @param connectionSetup server counts of connection-setup commands
 * @param reason why the cross-check is unavailable, or null
 * @param redirections in a cluster, the MOVED and ASK replies the primaries gave during the run
 *     ({@code INFO errorstats}); empty otherwise
 * @param errorReplies every error reply the servers gave during the run, by error code ({@code INFO
 *     errorstats}): a command the server does not know is counted only there
 */
public record CommandCrossCheck(
    boolean available,
    List<Row> rows,
    List<Row> connectionSetup,
    String reason,
    Map<String, Long> redirections,
    Map<String, Long> errorReplies) {

  /**
   * Server-side names of the commands the client sends on its own: when it opens a connection, and,
   * in a cluster, to learn the slot map (and Redline's own listing of the primaries); a cluster
   * client also PINGs a node when it is made. A primary also counts its replicas' replication
   * commands. Listed apart only when Redline itself sent none of them (a standalone run's start
   * check PINGs are compared).
   */
  public static final Set<String> CONNECTION_SETUP =
      Set.of(
          "auth",
          "hello",
          "select",
          "client",
          "client|setname",
          "client|setinfo",
          "cluster",
          "cluster|slots",
          "cluster|shards",
          "cluster|nodes",
          "readonly",
          "ping",
          // a primary's replicas acknowledge the stream (REPLCONF ACK, once a second) and sync
          "replconf",
          "psync",
          "sync");

  /**
   * One command.
   *
   * @param command server-side name ("set", "client|list")
   * @param sent what Redline sent
   * @param counted what the server counted (calls + rejected_calls)
   */
  public record Row(String command, long sent, long counted) {
    /** counted - sent. */
    public long difference() {
      return counted - sent;
    }
  }

  /** A cross-check that could not be made. */
  public static CommandCrossCheck unavailable(String reason) {
    return new CommandCrossCheck(false, List.of(), List.of(), reason, Map.of(), Map.of());
  }

  /**
   * Compares.
   *
   * @param sent what Redline sent, by server-side name
   * @param serverDelta what the servers counted during the run, summed over servers
   * @param servers how many servers were read (each adds one INFO of Redline's own)
   */
  public static CommandCrossCheck compare(
      Map<String, Long> sent, Map<String, Long> serverDelta, int servers) {
    Set<String> names = new TreeSet<>(sent.keySet());
    names.addAll(serverDelta.keySet());
    List<Row> rows = new ArrayList<>();
    List<Row> setup = new ArrayList<>();
    for (String name : names) {
      long counted = serverDelta.getOrDefault(name, 0L);
      long redline = sent.getOrDefault(name, 0L);
      if (name.equals("info")) {
        counted -= servers;
      }
      if (CONNECTION_SETUP.contains(name) && redline == 0) {
        setup.add(new Row(name, 0, counted));
      } else if (counted != 0 || redline != 0) {
        rows.add(new Row(name, redline, counted));
      }
    }
    return new CommandCrossCheck(true, rows, setup, null, Map.of(), Map.of());
  }

  /**
   * The same cross-check with the error replies the servers gave (MOVED and ASK are its
   * redirections).
   */
  public CommandCrossCheck withErrorReplies(Map<String, Long> byCode) {
    Map<String, Long> redirections = new java.util.TreeMap<>();
    for (String code : new String[] {"MOVED", "ASK"}) {
      redirections.put(code, byCode.getOrDefault(code, 0L));
    }
    return new CommandCrossCheck(
        available, rows, connectionSetup, reason, redirections, Map.copyOf(byCode));
  }

  /** Commands Redline sent that the servers did not count as calls. */
  public long shortfall() {
    return rows.stream().mapToLong(r -> Math.max(0, -r.difference())).sum();
  }

  /** Error replies the servers gave, redirections aside. */
  public long refusals() {
    return errorReplies.entrySet().stream()
        .filter(e -> !e.getKey().equals("MOVED") && !e.getKey().equals("ASK"))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  /** How many redirections (MOVED + ASK) the primaries answered. */
  public long redirectionCount() {
    return redirections.values().stream().mapToLong(Long::longValue).sum();
  }

  /**
   * True when the servers counted more than Redline sent by exactly the redirections: Redis (6.2
   * on) counts a command it answers with MOVED or ASK as a rejected call, and Jedis sends it again
   * to the right node, where it runs.
   */
  public boolean differenceIsTheRedirections() {
    long extra = rows.stream().mapToLong(Row::difference).sum();
    return available
        && !allMatch()
        && redirectionCount() > 0
        && extra == redirectionCount()
        && rows.stream().allMatch(r -> r.difference() >= 0);
  }

  /** True when every compared command matches. */
  public boolean allMatch() {
    return available && rows.stream().allMatch(r -> r.difference() == 0);
  }

  /** A sentence saying what a mismatch means, or that everything matched. */
  public String verdict() {
    if (!available) {
      return "Server cross-check unavailable: " + reason;
    }
    if (allMatch()) {
      return "Every command Redline sent was counted by the server, and nothing else was.";
    }
    if (differenceIsTheRedirections()) {
      return "The servers counted "
          + redirectionCount()
          + " more commands than Redline sent: exactly the MOVED/ASK"
          + " redirections, each counted once as rejected by the node that redirected it and once where it ran.";
    }
    if (shortfall() > 0
        && shortfall() <= refusals()
        && rows.stream().allMatch(r -> r.difference() <= 0)) {
      return "The servers counted "
          + shortfall()
          + " fewer commands than Redline sent, and answered "
          + refusals()
          + " with an error reply "
          + errorReplies.keySet().stream()
              .filter(c -> !c.equals("MOVED") && !c.equals("ASK"))
              .toList()
          + ": a server counts a command it refuses before running it (one it does not know, a"
          + " renamed one) only among its errors, not as a call.";
    }
    return "Some counts differ: "
        + differences()
        + ". The server counting more than Redline sent usually means other "
        + "clients used the same server during the run; counting less means commands were lost "
        + "with a dropped connection before reaching it.";
  }

  /** The commands whose counts differ, the five largest differences first. */
  private String differences() {
    List<Row> differing =
        rows.stream()
            .filter(r -> r.difference() != 0)
            .sorted(Comparator.comparingLong((Row r) -> -Math.abs(r.difference())))
            .toList();
    String shown =
        differing.stream()
            .limit(5)
            .map(
                r ->
                    String.format(
                        Locale.ROOT,
                        "%s sent %,d, the server counted %,d (%+,d)",
                        r.command(),
                        r.sent(),
                        r.counted(),
                        r.difference()))
            .collect(Collectors.joining("; "));
    return differing.size() > 5 ? shown + "; and " + (differing.size() - 5) + " more" : shown;
  }
}
