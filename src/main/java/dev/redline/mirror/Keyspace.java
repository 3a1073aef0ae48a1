package dev.redline.mirror;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How many keys each database holds, from {@code INFO keyspace} ({@code db0:keys=1000,...}). */
public record Keyspace(Map<Integer, Long> keysByDatabase) {
  private static final Pattern LINE = Pattern.compile("^db(\\d+):keys=(\\d+)");

  /** The keyspace in an INFO text; empty when it names no database (an empty server). */
  public static Keyspace parse(String info) {
    Map<Integer, Long> keys = new TreeMap<>();
    for (String line : info.split("\\R")) {
      Matcher m = LINE.matcher(line.strip());
      if (m.find()) {
        keys.put(Integer.parseInt(m.group(1)), Long.parseLong(m.group(2)));
      }
    }
    return new Keyspace(Map.copyOf(keys));
  }

  /** The keyspace of database {@code db} alone. */
  public Keyspace only(int db) {
    Long keys = keysByDatabase.get(db);
    return new Keyspace(keys == null ? Map.of() : Map.of(db, keys));
  }

  /** Keys in every database. */
  public long total() {
    return keysByDatabase.values().stream().mapToLong(Long::longValue).sum();
  }
}
