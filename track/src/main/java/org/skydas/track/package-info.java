/**
 * Multi-sensor multi-target tracking in a local metric frame, pure (no I/O, no threads): {@code Tracker} runs each
 * scan as predict → gate → associate (GNN or JPDA) → update → initiate → delete, built from components
 * ({@code TrackerComponents}: a {@code Gater}, {@code assign.Associator}s, an {@code init.Initiator}, composable
 * {@code Deleter}s) that decide while {@code TrackUpdater} alone writes tracks (ADR 0017), with class fusion and
 * existence; {@code SensorModel} says whether a sensor's silence is a miss (scanning or event, ADR 0005);
 * {@code LiveTracker} feeds it from live sources slightly out of order and reports changes. Bad input is counted per
 * reason and skipped.
 */
package org.skydas.track;
