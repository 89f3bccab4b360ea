/**
 * State estimation: Kalman steps on fixed-size arrays for the constant-velocity track (Joseph form), the
 * per-class constant-velocity motion model, the IMM filter over models of different process noise, and the separate
 * height and climb-rate filter.
 */
package org.skydas.track.filter;
