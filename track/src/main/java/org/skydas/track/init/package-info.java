/**
 * Track initiation, the tracker's {@code Initiator} component. {@code TwoPointInitiator}: starts tracks from
 * detections no track took: each becomes a seed, and a seed that finds a second detection within its speed gate at a
 * later scan becomes a tentative track with a two-point velocity.
 */
package org.skydas.track.init;
