package dev.redline.replay;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;

/**
 * A {@code MONITOR} capture read as it is replayed, one line at a time, so that a capture of any
 * size replays with a flat heap: each command to replay, or a client's MULTI … EXEC as one
 * transaction (a DISCARDed one is dropped; the server ran none of it). Commands a replay leaves out
 * ({@link ReplaySafety}) and lines that are not MONITOR output (a capture cut mid-line) are
 * counted, and said in one line once the capture ends.
 */
public final class CaptureFile implements Iterator<ReplayItem>, AutoCloseable {
  /** The most commands held for one transaction before its EXEC is taken not to come. */
  static final int MAX_TRANSACTION = 10_000;

  private final Path path;
  private final BufferedReader reader;
  private final Set<String> allowed;
  private final Set<String> openMulti = new HashSet<>(); // clients whose EXEC is to come
  private final List<CapturedCommand> held = new ArrayList<>(); // runClient's, since its MULTI
  private final ArrayDeque<ReplayItem> ready = new ArrayDeque<>();
  private String runClient; // whose commands are held, or null
  private final Map<String, Long> skipped = new TreeMap<>();
  private long lineNumber;
  private long replayed;
  private long notMonitorLines;
  private long scriptCommands;
  private String pending; // the first line, read to check the file
  private ReplayItem next;
  private boolean ended;

  /**
   * Opens {@code path} and reads its first command.
   *
   * @param allowed names of commands to replay although they are dangerous (FLUSHALL, ...)
   * @throws IllegalArgumentException when the file cannot be read or does not begin as MONITOR
   *     output
   */
  public CaptureFile(Path path, Set<String> allowed) {
    this.path = path;
    this.allowed = Set.copyOf(allowed.stream().map(n -> n.toUpperCase(Locale.ROOT)).toList());
    if (Files.isDirectory(path)) {
      throw new IllegalArgumentException(path + " is a folder, not a capture file");
    }
    if (!Files.isReadable(path)) {
      throw new IllegalArgumentException(
          path.toAbsolutePath() + " does not exist or cannot be read");
    }
    try {
      this.reader =
          new BufferedReader(
              new InputStreamReader(Files.newInputStream(path), StandardCharsets.ISO_8859_1),
              1 << 16);
    } catch (IOException e) {
      throw new IllegalArgumentException(path + " cannot be read: " + e.getMessage());
    }
    String first = firstLine();
    if (first != null) {
      try {
        MonitorLine.parse(first);
      } catch (IllegalArgumentException e) {
        close();
        throw new IllegalArgumentException(
            path
                + " is not MONITOR output ("
                + e.getMessage()
                + " on line "
                + lineNumber
                + "; a line reads 1733582400.123456 [0 127.0.0.1:53422] \"SET\" \"k\" \"v\")");
      }
      pending = first;
    }
    advance();
    if (next == null) {
      throw new IllegalArgumentException(
          path + " holds no command to replay (" + summary().replaceFirst("^[^:]*: ", "") + ")");
    }
  }

  private String firstLine() {
    String line;
    while ((line = readLine()) != null) {
      String stripped = line.strip();
      if (!stripped.isEmpty() && !stripped.equals("OK")) {
        return line;
      }
    }
    return null;
  }

  private String readLine() {
    try {
      String line = reader.readLine();
      if (line != null) {
        lineNumber++;
      }
      return line;
    } catch (IOException e) {
      throw new UncheckedIOException(path + " line " + (lineNumber + 1), e);
    }
  }

  private void advance() {
    while (ready.isEmpty()) {
      String line = pending != null ? pending : readLine();
      pending = null;
      if (line == null) {
        releaseHeld(); // a MULTI whose EXEC the capture does not hold
        if (ready.isEmpty()) {
          end();
          next = null;
          return;
        }
        break;
      }
      if (line.isBlank()) {
        continue;
      }
      try {
        itemsOf(MonitorLine.parse(line));
      } catch (IllegalArgumentException e) {
        notMonitorLines++;
      }
    }
    next = ready.poll();
  }

  /**
   * The items a command completes (none while a transaction's commands are held, or when it is left
   * out). MONITOR prints MULTI when it runs and a transaction's commands back to back just before
   * its EXEC: the held run is the commands, since the last line of another client, of a client with
   * a MULTI open. A line of any other client means the run was not a transaction's (clients on one
   * Unix socket share a name, a MULTI's EXEC may never come), so it is replayed command by command.
   */
  private void itemsOf(CapturedCommand command) {
    String name = command.name();
    String client = command.client();
    if (client.equals("lua") || client.isEmpty()) {
      scriptCommands++; // run again by the EVAL, FCALL or module call that ran it, when replayed
      return;
    }
    if (runClient != null && !runClient.equals(client)) {
      releaseHeld();
    }
    switch (name) {
      case "MULTI" -> {
        releaseHeld();
        openMulti.add(client);
        return;
      }
      case "EXEC" -> {
        if (openMulti.remove(client) && client.equals(runClient)) {
          replayed += held.size();
          ready.add(new ReplayItem(held, true));
          held.clear();
          runClient = null;
        }
        return;
      }
      case "DISCARD" -> {
        openMulti.remove(client);
        releaseHeld(); // a discarded transaction's commands never ran: these were not its
        return;
      }
      default -> {}
    }
    String reason = ReplaySafety.skipReason(command, allowed);
    if (reason != null) {
      skipped.merge(name, 1L, Long::sum);
      return;
    }
    if (openMulti.contains(client)) {
      runClient = client;
      held.add(command);
      if (held.size() > MAX_TRANSACTION) {
        releaseHeld(); // no transaction is this long: its EXEC did not come
        openMulti.remove(client);
      }
      return;
    }
    replayed++;
    ready.add(new ReplayItem(List.of(command), false));
  }

  /** The held run, as single items: it was not a transaction's. */
  private void releaseHeld() {
    for (CapturedCommand command : held) {
      replayed++;
      ready.add(new ReplayItem(List.of(command), false));
    }
    held.clear();
    runClient = null;
  }

  private void end() {
    if (!ended) {
      ended = true;
      close();
    }
  }

  @Override
  public synchronized boolean hasNext() {
    return next != null;
  }

  @Override
  public synchronized ReplayItem next() {
    if (next == null) {
      throw new NoSuchElementException(path + " has been replayed");
    }
    ReplayItem item = next;
    advance();
    return item;
  }

  /** Whether the whole capture has been read. */
  public boolean ended() {
    return ended;
  }

  /** What was replayed and left out, in one line (once the capture has ended). */
  public String summary() {
    StringBuilder line =
        new StringBuilder(
            String.format(Locale.ROOT, "Redline replay of %s: %,d commands", path, replayed));
    Map<String, Long> dangerous = new TreeMap<>(skipped);
    dangerous.keySet().removeIf(ReplaySafety.CONNECTION::contains);
    Map<String, Long> connection = new TreeMap<>(skipped);
    connection.keySet().removeAll(dangerous.keySet());
    if (!dangerous.isEmpty()) {
      line.append("; left out, as they must not run against a shared server:");
      dangerous.forEach((name, n) -> line.append(' ').append(name).append(' ').append(n));
      line.append(" (redline.replay.allow names those to run anyway)");
    }
    if (!connection.isEmpty()) {
      line.append("; left out, as the captured connection's own:");
      connection.forEach((name, n) -> line.append(' ').append(name).append(' ').append(n));
    }
    if (scriptCommands > 0) {
      line.append(
          String.format(
              Locale.ROOT,
              "; %,d commands of scripts, run again by their EVAL or FCALL",
              scriptCommands));
    }
    if (notMonitorLines > 0) {
      line.append(String.format(Locale.ROOT, "; %,d lines not MONITOR output", notMonitorLines));
    }
    return line.toString();
  }

  /** Commands left out by name. */
  public Map<String, Long> skipped() {
    return Map.copyOf(skipped);
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (IOException e) {
      // nothing more will be read
    }
  }
}
