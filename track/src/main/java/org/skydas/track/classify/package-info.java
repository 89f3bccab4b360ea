/**
 * {@code ClassFusion}: a track's class probabilities (person, vehicle, drone...) from sensor class hints accumulated
 * over the track's life, and the track's current speed estimate, as Bayesian evidence.
 */
package org.skydas.track.classify;
