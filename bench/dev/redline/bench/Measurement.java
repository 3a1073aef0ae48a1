package dev.redline.bench;

/**
 * One tool's result at one setting.
 *
 * @param opsPerSecond commands per second (a pipeline of 10 counts 10)
 * @param p50Micros median latency of one round trip (one command, or one pipeline)
 * @param p99Micros 99th percentile of one round trip
 * @param cpuMicrosPerCommand the client process's CPU time per command in the steady seconds (NaN
 *     when not measured: redis-benchmark is another process)
 * @param switchesPerCommand the client process's voluntary context switches per command in the
 *     steady seconds, over all its threads (NaN when not measured)
 */
record Measurement(
    String tool,
    Setting setting,
    double opsPerSecond,
    double p50Micros,
    double p99Micros,
    double cpuMicrosPerCommand,
    double switchesPerCommand) {}
