package dev.redline.replay;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
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
  private final Path path;
  private final BufferedReader reader;
  private final Set<String> allowed;
  private final Map<String, List<CapturedCommand>> openTransactions = new HashMap<>();
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
    next = null;
    while (next == null) {
      String line = pending != null ? pending : readLine();
      pending = null;
      if (line == null) {
        end();
        return;
      }
      if (line.isBlank()) {
        continue;
      }
      CapturedCommand command;
      try {
        command = MonitorLine.parse(line);
      } catch (IllegalArgumentException e) {
        notMonitorLines++;
        continue;
      }
      next = itemOf(command);
    }
  }

  /** The item a command completes, or null while a transaction is open or it is skipped. */
  private ReplayItem itemOf(CapturedCommand command) {
    String name = command.name();
    String client = command.client();
    List<CapturedCommand> open = openTransactions.get(client);
    switch (name) {
      case "MULTI" -> {
        openTransactions.put(client, new ArrayList<>());
        return null;
      }
      case "EXEC" -> {
        List<CapturedCommand> commands = openTransactions.remove(client);
        if (commands == null || commands.isEmpty()) {
          return null;
        }
        replayed += commands.size();
        return new ReplayItem(commands, true);
      }
      case "DISCARD" -> {
        openTransactions.remove(client);
        return null;
      }
      default -> {}
    }
    if (client.equals("lua")) {
      scriptCommands++; // run again by the EVAL or FCALL that ran it, when that is replayed
      return null;
    }
    String reason = ReplaySafety.skipReason(command, allowed);
    if (reason != null) {
      skipped.merge(name, 1L, Long::sum);
      return null;
    }
    if (open != null) {
      open.add(command);
      return null;
    }
    replayed++;
    return new ReplayItem(List.of(command), false);
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
