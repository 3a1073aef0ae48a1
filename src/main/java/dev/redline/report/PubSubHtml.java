package dev.redline.report;

import dev.redline.measure.PubSubFacts;
import java.util.Locale;

/** The report's pub/sub section: owed deliveries that arrived, were lost or came twice. */
final class PubSubHtml {
  private PubSubHtml() {}

  /** Appends the section. */
  static void appendTo(StringBuilder h, PubSubFacts p) {
    h.append("<section><h2>Pub/sub deliveries</h2><p class=\"")
        .append(p.lost() == 0 && p.duplicates() == 0 ? "good" : "warn")
        .append(
            String.format(
                Locale.ROOT,
                "\">%,d of %,d owed deliveries arrived; %,d lost, %,d duplicated.</p>",
                p.owedArrived(),
                p.owedDeliveries(),
                p.lost(),
                p.duplicates()));
    h.append(
        String.format(
            Locale.ROOT,
            "<p class=\"note\">A subscriber owes each tracked message published on its channels"
                + " while Redis confirmed it was listening (counted by Redline, not from PUBLISH's"
                + " reply). Subscriptions: %,d, of which %,d again after a lost connection. All"
                + " deliveries, also of messages sent before a subscription was confirmed:"
                + " %,d.</p></section>",
            p.subscriptions(),
            p.resubscriptions(),
            p.deliveries()));
  }
}
