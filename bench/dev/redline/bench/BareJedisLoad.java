package dev.redline.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;

/** What the client library alone can do: one plain Java thread per connection, looping. */
final class BareJedisLoad {
  private BareJedisLoad() {}

  static Measurement run(int port, Setting s, long millis) throws InterruptedException {
    String value = "x".repeat(s.valueSize());
    LongAdder ops = new LongAdder();
    List<Histogram> histograms = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    long deadline = System.nanoTime() + millis * 1_000_000;
    for (int t = 0; t < s.connections(); t++) {
      Histogram h = new Histogram(3);
      histograms.add(h);
      Thread thread =
          new Thread(
              () -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                try (Jedis jedis = new Jedis("127.0.0.1", port, 5000)) {
                  boolean set = s.command().equals("SET");
                  while (System.nanoTime() < deadline) {
                    long start = System.nanoTime();
                    if (s.pipeline() == 1) {
                      String key = Setting.key(random.nextInt(s.keyspace()));
                      if (set) {
                        jedis.set(key, value);
                      } else {
                        jedis.get(key);
                      }
                    } else {
                      Pipeline p = jedis.pipelined();
                      for (int i = 0; i < s.pipeline(); i++) {
                        String key = Setting.key(random.nextInt(s.keyspace()));
                        if (set) {
                          p.set(key, value);
                        } else {
                          p.get(key);
                        }
                      }
                      p.sync();
                    }
                    h.recordValue(System.nanoTime() - start);
                    ops.add(s.pipeline());
                  }
                }
              });
      threads.add(thread);
    }
    long start = System.nanoTime();
    double cpu;
    double switches;
    try (CpuPerCommand sampler = new CpuPerCommand(1000, millis - 1000, ops::sum)) {
      threads.forEach(Thread::start);
      for (Thread thread : threads) {
        thread.join();
      }
      cpu = sampler.microsPerCommand();
      switches = sampler.switchesPerCommand();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Histogram all = new Histogram(3);
    histograms.forEach(all::add);
    return new Measurement(
        "bare Jedis",
        s,
        ops.sum() / seconds,
        all.getValueAtPercentile(50) / 1000.0,
        all.getValueAtPercentile(99) / 1000.0,
        cpu,
        switches);
  }
}
