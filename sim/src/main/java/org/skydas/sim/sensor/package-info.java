/**
 * Simulated sensors: per scan, which objects each sensor asset detects (range per class, sector, Pd, line of
 * sight) and the message it sends — radar plots, JSON detections, Remote ID broadcasts, patrol reports — with ground
 * truth for scoring ({@code SimDetection}).
 */
package org.skydas.sim.sensor;
