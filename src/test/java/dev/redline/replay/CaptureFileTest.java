package dev.redline.replay;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How a capture becomes items: transactions, clients that share a name, and what is refused. */
class CaptureFileTest {

  private static Path capture(String... lines) throws Exception {
    Path file = Files.createTempFile("capture", ".txt");
    Files.writeString(file, String.join("\n", lines) + "\n");
    return file;
  }

  private static List<String> items(Path file) {
    List<String> items = new ArrayList<>();
    try (CaptureFile capture = new CaptureFile(file, Set.of())) {
      while (capture.hasNext()) {
        ReplayItem item = capture.next();
        items.add(
            (item.transaction() ? "tx" : "")
                + item.commands().stream().map(CapturedCommand::name).toList());
      }
    }
    return items;
  }

  @Test
  void aTransactionIsItsClientsCommandsBackToBackBeforeExec() throws Exception {
    assertEquals(
        List.of("[GET]", "tx[INCR, SET]", "[DEL]"),
        items(
            capture(
                "1.0 [0 1.1.1.1:1] \"MULTI\"",
                "1.1 [0 2.2.2.2:2] \"GET\" \"a\"",
                "1.2 [0 1.1.1.1:1] \"INCR\" \"n\"",
                "1.2 [0 1.1.1.1:1] \"SET\" \"k\" \"v\"",
                "1.2 [0 1.1.1.1:1] \"EXEC\"",
                "1.3 [0 1.1.1.1:1] \"MULTI\"",
                "1.4 [0 1.1.1.1:1] \"DISCARD\"",
                "1.5 [0 2.2.2.2:2] \"DEL\" \"a\"")));
  }

  @Test
  void clientsThatShareANameDoNotJoinAnothersTransaction() throws Exception {
    // every client of a Unix socket shows as unix:<path>; a MULTI whose EXEC never came
    assertEquals(
        List.of("[SET]", "[GET]", "tx[INCR]", "[SET]"),
        items(
            capture(
                "1.0 [0 unix:/tmp/r.sock] \"MULTI\"",
                "1.1 [0 unix:/tmp/r.sock] \"SET\" \"x\" \"1\"",
                "1.2 [0 1.1.1.1:1] \"GET\" \"a\"",
                "1.3 [0 unix:/tmp/r.sock] \"MULTI\"",
                "1.4 [0 unix:/tmp/r.sock] \"INCR\" \"y\"",
                "1.4 [0 unix:/tmp/r.sock] \"EXEC\"",
                "1.5 [0 unix:/tmp/r.sock] \"MULTI\"",
                "1.6 [0 unix:/tmp/r.sock] \"SET\" \"z\" \"2\"")));
  }

  @Test
  void scriptsAndModulesRunTheirOwnCommands() throws Exception {
    Path file =
        capture(
            "1.0 [0 1.1.1.1:1] \"EVALSHA\" \"abc\" \"1\" \"k\"",
            "1.0 [0 lua] \"incr\" \"k\"",
            "1.1 [0 ] \"set\" \"m\" \"1\"",
            "1.2 [0 1.1.1.1:1] \"SCRIPT\" \"LOAD\" \"return 1\"",
            "1.3 [0 1.1.1.1:1] \"SCRIPT\" \"FLUSH\"");
    assertEquals(List.of("[EVALSHA]", "[SCRIPT]"), items(file));
    try (CaptureFile capture = new CaptureFile(file, Set.of())) {
      while (capture.hasNext()) {
        capture.next();
      }
      assertTrue(capture.summary().contains("2 commands of scripts"), capture.summary());
      assertTrue(capture.summary().contains("SCRIPT 1"), capture.summary());
    }
  }

  @Test
  void whatCannotBeReplayedIsOneLine() throws Exception {
    Path folder = Files.createTempDirectory("captures");
    Path onlyLeftOut = capture("OK", "1.0 [0 1.1.1.1:1] \"SELECT\" \"2\"");
    for (Object[] bad :
        new Object[][] {
          {folder, "is a folder"},
          {folder.resolve("missing.txt"), "does not exist"},
          {onlyLeftOut, "holds no command to replay"},
          {capture("cmdstat_get:calls=1"), "is not MONITOR output"},
        }) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class, () -> new CaptureFile((Path) bad[0], Set.of()));
      assertTrue(e.getMessage().contains((String) bad[1]), e.getMessage());
      assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ReplaySafety.allowed(List.of("SELCT")));
    assertTrue(e.getMessage().contains("not a command a replay leaves out"), e.getMessage());
    assertEquals(Set.of("FLUSHDB", "BLPOP"), ReplaySafety.allowed(List.of("flushdb", "BLPOP")));
  }
}
