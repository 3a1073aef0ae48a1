package dev.redline.replay;

import java.util.List;

/**
 * What one replayed request sends: a single command, or the commands a client ran between MULTI and
 * EXEC, sent as one transaction. Its time and database are its first command's.
 */
public record ReplayItem(List<CapturedCommand> commands, boolean transaction) {

  public ReplayItem {
    commands = List.copyOf(commands);
  }

  /** When the server ran it, µs since the epoch. */
  public long epochMicros() {
    return commands.get(0).epochMicros();
  }

  /** The database it ran in. */
  public int database() {
    return commands.get(0).database();
  }
}
