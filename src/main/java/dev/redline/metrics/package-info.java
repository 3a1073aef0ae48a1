/**
 * Live metrics of a run while it runs: OpenTelemetry instruments, pushed over OTLP and/or served to
 * Prometheus. Fed once a second by the recorder's sampler, never from the requests' own threads.
 */
package dev.redline.metrics;
