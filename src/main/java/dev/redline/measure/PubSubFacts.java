package dev.redline.measure;

/**
 * The pub/sub accounting of a run, for the summary and the report: what Redline's subscribers were
 * owed (tracked messages published while they listened) and what reached them.
 *
 * @param subscriptions SUBSCRIBEs Redis confirmed, first ones and those after a lost connection
 * @param resubscriptions of those, subscriptions made again after a lost connection
 * @param owedDeliveries deliveries owed to Redline's subscribers
 * @param owedArrived of those, how many arrived
 * @param deliveries every delivery of a tracked message (also ones made before a subscription was
 *     confirmed)
 * @param duplicates messages a subscriber received more than once
 */
public record PubSubFacts(
    long subscriptions,
    long resubscriptions,
    long owedDeliveries,
    long owedArrived,
    long deliveries,
    long duplicates) {

  /** Owed deliveries that never arrived (the DELIVERY KOs of kind LOST). */
  public long lost() {
    return Math.max(0, owedDeliveries - owedArrived);
  }
}
