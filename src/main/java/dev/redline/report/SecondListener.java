package dev.redline.report;

import java.util.Map;
import org.HdrHistogram.Histogram;

/** Sees each second of each request name as the recorder samples it (on the sampler's thread). */
@FunctionalInterface
public interface SecondListener {

  /**
   * One second of one request name.
   *
   * @param series the request name's series (its name, whether it is a batch)
   * @param okLatencies the OK latencies of that second, in ns (valid only during the call)
   * @param errorsByKind the KOs of that second by kind
   */
  void second(RequestSeries series, Histogram okLatencies, Map<String, Long> errorsByKind);
}
