/**
 * The scenario simulator's core: a {@code Simulation} of scripted and random objects seen by the scenario's sensor
 * assets, driven by the caller's clock (no threads), emitting {@code SimMessage}s labelled with the ingest
 * {@code Channel} they are for; {@code SimRunner} drives it against the wall clock.
 */
package org.skydas.sim;
