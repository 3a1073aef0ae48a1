package dev.redline.bench;

import dev.redline.replay.CaptureFile;
import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a replay reads a capture of several GB with a flat heap: writes a MONITOR capture of
 * {@code --gb N} (default 2) of SETs with 100-byte values, reads it through the replay's
 * CaptureFile, and prints the heap in use after GC every 10 % and the largest seen. Run with {@code
 * bench/capture-heap}, which gives the JVM a 256 MB heap.
 */
public final class CaptureHeap {
  private CaptureHeap() {}

  public static void main(String[] args) throws Exception {
    double gb = args.length >= 2 && args[0].equals("--gb") ? Double.parseDouble(args[1]) : 2;
    Path file = Files.createTempFile("capture-heap", ".txt");
    long target = (long) (gb * 1e9);
    String value = "v".repeat(100);
    long lines = 0;
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.ISO_8859_1)) {
      long written = 0;
      while (written < target) {
        String line =
            String.format(
                Locale.ROOT,
                "%d.%06d [0 127.0.0.1:53422] \"SET\" \"key:%d\" \"%s\"%n",
                1733582400 + lines / 1_000_000,
                lines % 1_000_000,
                lines,
                value);
        out.write(line);
        written += line.length();
        lines++;
      }
    }
    System.out.printf(Locale.ROOT, "capture: %,d bytes, %,d lines%n", Files.size(file), lines);
    long max = 0;
    long read = 0;
    long start = System.nanoTime();
    try (CaptureFile capture = new CaptureFile(file, Set.of())) {
      while (capture.hasNext()) {
        capture.next();
        read++;
        if (read % (lines / 10) == 0) {
          System.gc();
          long used = heapUsed();
          max = Math.max(max, used);
          System.out.printf(
              Locale.ROOT,
              "  %3d %%: heap in use after GC %,d KB%n",
              read * 100 / lines,
              used / 1024);
        }
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "read %,d commands in %.1f s (%.0f MB/s); largest heap in use after GC %,d KB; max heap %,d MB%n",
        read,
        seconds,
        Files.size(file) / 1e6 / seconds,
        max / 1024,
        Runtime.getRuntime().maxMemory() / 1024 / 1024);
    Files.delete(file);
  }

  private static long heapUsed() {
    long used = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        used += pool.getUsage().getUsed();
      }
    }
    return used;
  }
}
