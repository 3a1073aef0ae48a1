package dev.redline.limits;

/**
 * One server's share of the run (each primary of a cluster apart, so a hot node shows).
 *
 * @param node host:port
 * @param calls commands it ran in the window
 * @param cpuSeconds its process CPU in the window
 * @param mainThreadBusy its main thread's CPU over the window, 0 to 1
 * @param p99 the bucket {@code [lower, upper]} µs holding its p99 over every command; null without
 *     {@code LATENCY HISTOGRAM}
 */
public record NodeTime(
    String node, long calls, double cpuSeconds, double mainThreadBusy, long[] p99) {}
