package dev.redline.mirror;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * The types and sizes of a bounded sample of a server's keys, read with {@code SCAN}, {@code TYPE}
 * and the type's size command (STRLEN for strings, LLEN, HLEN, SCARD, ZCARD for the others): never
 * {@code KEYS}, never more than {@code limit} keys.
 *
 * @param keysByType sampled keys by type (string, list, hash, set, zset, stream, ...)
 * @param stringLengths the sampled strings' lengths in bytes, sorted
 * @param itemsByType the sampled collections' item counts by type, each list sorted
 */
public record ValueSample(
    Map<String, Long> keysByType, List<Long> stringLengths, Map<String, List<Long>> itemsByType) {

  /** Samples up to {@code limit} keys of the connection's database. */
  public static ValueSample of(Jedis jedis, int limit) {
    Map<String, Long> types = new TreeMap<>();
    List<Long> lengths = new ArrayList<>();
    Map<String, List<Long>> items = new TreeMap<>();
    String cursor = ScanParams.SCAN_POINTER_START;
    int seen = 0;
    do {
      ScanResult<String> page = jedis.scan(cursor, new ScanParams().count(100));
      for (String key : page.getResult()) {
        if (seen++ >= limit) {
          break;
        }
        String type = jedis.type(key);
        types.merge(type, 1L, Long::sum);
        switch (type) {
          case "string" -> lengths.add(jedis.strlen(key));
          case "list" -> items.computeIfAbsent(type, t -> new ArrayList<>()).add(jedis.llen(key));
          case "hash" -> items.computeIfAbsent(type, t -> new ArrayList<>()).add(jedis.hlen(key));
          case "set" -> items.computeIfAbsent(type, t -> new ArrayList<>()).add(jedis.scard(key));
          case "zset" -> items.computeIfAbsent(type, t -> new ArrayList<>()).add(jedis.zcard(key));
          default -> {}
        }
      }
      cursor = page.getCursor();
    } while (!cursor.equals(ScanParams.SCAN_POINTER_START) && seen < limit);
    Collections.sort(lengths);
    items.values().forEach(Collections::sort);
    return new ValueSample(types, lengths, items);
  }

  /** No sample (a mix read from saved text). */
  public static ValueSample none() {
    return new ValueSample(Map.of(), List.of(), Map.of());
  }

  /** The median sampled string length, or -1 when no string was sampled. */
  public long medianStringLength() {
    return stringLengths.isEmpty() ? -1 : stringLengths.get(stringLengths.size() / 2);
  }

  /** Keys sampled. */
  public long size() {
    return keysByType.values().stream().mapToLong(Long::longValue).sum();
  }
}
