package dev.redline.replay;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one line of {@code MONITOR} output, {@code 1733582400.123456 [0 127.0.0.1:53422] "SET" "k"
 * "v"}: the time, the database and client in brackets, then each word quoted as the server quotes
 * it ({@code \\}, {@code \"}, {@code \n}, {@code \r}, {@code \t}, {@code \a}, {@code \b} and {@code
 * \xHH} for any other byte that is not printable), so that every word comes back byte for byte. The
 * line is read as ISO-8859-1: one char per byte.
 */
final class MonitorLine {
  private MonitorLine() {}

  /**
   * The command on {@code line}.
   *
   * @throws IllegalArgumentException saying what is not MONITOR output
   */
  static CapturedCommand parse(String line) {
    int space = line.indexOf(' ');
    int dot = line.indexOf('.');
    if (space < 0 || dot < 0 || dot > space || line.length() <= space + 1) {
      throw new IllegalArgumentException("no time and [database client] first");
    }
    long micros;
    try {
      long seconds = Long.parseLong(line.substring(0, dot));
      String fraction = (line.substring(dot + 1, space) + "000000").substring(0, 6);
      micros = seconds * 1_000_000 + Long.parseLong(fraction);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("the time is not seconds.micros");
    }
    if (line.charAt(space + 1) != '[') {
      throw new IllegalArgumentException("no [database client] after the time");
    }
    int dbEnd = line.indexOf(' ', space + 2);
    int close = line.indexOf("] \"", space + 2);
    if (dbEnd < 0 || close < 0 || dbEnd > close) {
      throw new IllegalArgumentException("no [database client] after the time");
    }
    int database;
    try {
      database = Integer.parseInt(line.substring(space + 2, dbEnd));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("the database is not a number");
    }
    String client = line.substring(dbEnd + 1, close);
    List<byte[]> words = new ArrayList<>();
    int i = close + 2;
    while (i < line.length()) {
      if (line.charAt(i) != '"') {
        throw new IllegalArgumentException("word " + (words.size() + 1) + " is not quoted");
      }
      ByteArrayOutputStream word = new ByteArrayOutputStream();
      i++;
      while (true) {
        if (i >= line.length()) {
          throw new IllegalArgumentException("word " + (words.size() + 1) + " is not closed");
        }
        char c = line.charAt(i);
        if (c == '"') {
          i++;
          break;
        }
        if (c == '\\' && i + 1 < line.length()) {
          char e = line.charAt(i + 1);
          switch (e) {
            case 'n' -> word.write('\n');
            case 'r' -> word.write('\r');
            case 't' -> word.write('\t');
            case 'a' -> word.write(7);
            case 'b' -> word.write('\b');
            case 'x' -> {
              if (i + 3 >= line.length()) {
                throw new IllegalArgumentException("a \\x escape without two hex digits");
              }
              word.write(hexByte(line.substring(i + 2, i + 4)));
              i += 2;
            }
            default -> word.write(e); // \\ and \"
          }
          i += 2;
        } else {
          word.write(c);
          i++;
        }
      }
      words.add(word.toByteArray());
      if (i < line.length()) {
        if (line.charAt(i) != ' ') {
          throw new IllegalArgumentException("words are not separated by a space");
        }
        i++;
      }
    }
    if (words.isEmpty()) {
      throw new IllegalArgumentException("no command");
    }
    return CapturedCommand.of(micros, database, client, words.toArray(byte[][]::new));
  }

  private static int hexByte(String digits) {
    try {
      return Integer.parseInt(digits, 16);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("a \\x escape without two hex digits: \\x" + digits);
    }
  }
}
