package dev.redline.measure;

import java.util.Map;
import org.HdrHistogram.Histogram;

/** Sees each second of each request name as the recorder samples it (on the sampler's thread). */
@FunctionalInterface
public interface SecondListener {

  /** One second of one request name; the histograms (ns) are valid only during the call. */
  void second(Second second);

  /**
   * What one request name recorded in one second.
   *
   * @param series the request name's series (its name, whether it is a batch)
   * @param epochSecond the second that just ended (epoch seconds)
   * @param ok OK service times
   * @param ko KO service times
   * @param okResponse OK response times (wait + service)
   * @param waits waits before the worker started requests
   * @param errorsByKind KOs by kind
   */
  record Second(
      RequestSeries series,
      long epochSecond,
      Histogram ok,
      Histogram ko,
      Histogram okResponse,
      Histogram waits,
      Map<String, Long> errorsByKind) {}
}
