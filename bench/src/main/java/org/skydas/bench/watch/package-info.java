/**
 * WATCH end to end against a running server: the alert-latency harness (people walking across the border, latency
 * from send to each operator-side write), the CoT load generator, journal bytes per detection, and the soak harness
 * ({@code Soak}: hours of load with a CSV of counters and its plot and summary).
 */
package org.skydas.bench.watch;
