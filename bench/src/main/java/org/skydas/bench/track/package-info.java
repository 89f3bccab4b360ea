/**
 * Tracker performance: JMH cost of one steady-state scan and of one live event message, and the benchmark-scenario
 * timer ({@code TrackFileBench}, tracker steps only, the measure the Stone Soup runner reports).
 */
package org.skydas.bench.track;
