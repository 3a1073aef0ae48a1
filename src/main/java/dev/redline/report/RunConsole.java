package dev.redline.report;

import dev.redline.config.Durations;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Everything a run says on the console, written in one place as Gatling's console writer writes its
 * own: the settings as they took effect, what the run is doing (warm-up, users sharing workers),
 * errors once a second, and the end of the run. Lines of Redline's own begin with "Redline".
 */
public final class RunConsole {
  /** A line of its own, prefixed "Redline: ". */
  public void say(String text) {
    out().println("Redline: " + text);
  }

  /** Lines made elsewhere (the settings echo, a table), as they are. */
  public void print(Collection<String> lines) {
    lines.forEach(out()::println);
  }

  /** A block made elsewhere (a table ending in a line break), as it is. */
  public void block(String text) {
    out().print(text);
  }

  /** One line per kind of error of the last second, with an example of its message. */
  public void errorsOfLastSecond(Map<String, Long> counts, UnaryOperator<String> example) {
    counts.forEach(
        (kind, count) ->
            out()
                .printf(
                    Locale.ROOT,
                    "Redline: %,d x %s in the last second (e.g. %s)%n",
                    count,
                    kind,
                    example.apply(kind)));
  }

  public void sharedWorkers(long users, long workers, int perCore) {
    out()
        .printf(
            Locale.ROOT,
            "Redline: %,d virtual users share %,d worker threads (at most %d per core on this"
                + " %d-core machine); the time a user waits for its worker is its WAIT in Redline's"
                + " report%n",
            users,
            workers,
            perCore,
            Runtime.getRuntime().availableProcessors());
  }

  public void warmingUp(Duration warmup) {
    say("warming up for " + Durations.describe(warmup) + "; nothing is measured until it is over");
  }

  public void warmupOver(Duration warmup) {
    say("warm-up over (" + Durations.describe(warmup) + "); measuring from now");
  }

  /** Assertions decided after the load, outside any gate: Gatling's result does not hold them. */
  public void ungated(List<String> ungated) {
    if (ungated.isEmpty()) {
      return;
    }
    boolean one = ungated.size() == 1;
    String them = one ? "it" : "them";
    say(
        String.join("; ", ungated)
            + (one ? " was" : " were")
            + " decided outside any gate, so Gatling's result does not include "
            + them
            + "; to fail the run on "
            + them
            + ", start a RedisAssertions population that lists "
            + them
            + " after the load and add its assertions (docs/ci-gates.md)");
  }

  public void reportWritten(Path index) {
    out().println("Redline report: " + index.toAbsolutePath().toUri());
  }

  // the stream of the moment: a test or an embedding program may have replaced System.out
  private static PrintStream out() {
    return System.out;
  }
}
