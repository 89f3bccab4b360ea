/**
 * {@code GridIndex}: the uniform-grid spatial index, rebuilt per scan in O(n), that finds the detections within
 * a track's gate.
 */
package org.skydas.track.gate;
