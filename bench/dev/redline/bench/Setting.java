package dev.redline.bench;

/**
 * One load shape, the same for every tool: command, pipeline depth, connections, value size and
 * keyspace (keys {@code key:%012d}, random in [0, keyspace), as redis-benchmark's {@code -r}).
 */
record Setting(String command, int pipeline, int connections, int valueSize, int keyspace) {
  @Override
  public String toString() {
    return command + " P" + pipeline + " c" + connections;
  }

  private static final String[] KEYS = new String[1_000_000];

  /** The key redis-benchmark's {@code key:__rand_int__} makes of {@code n}, made once. */
  static String key(int n) {
    String key = KEYS[n];
    if (key == null) {
      String digits = Integer.toString(n);
      key = "key:" + "0".repeat(12 - digits.length()) + digits;
      KEYS[n] = key;
    }
    return key;
  }
}
