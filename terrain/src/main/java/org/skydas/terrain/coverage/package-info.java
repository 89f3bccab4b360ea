/**
 * Combined coverage of many sensors for one target class: one viewshed per sensor within its range and sector,
 * in parallel, giving per cell the count of sensors and P(at least one detects) from each sensor's Pd over range
 * ({@code SensorFootprint}, {@code PdModel}). Scenario-free; {@code terrain.scenario} maps scenarios onto it.
 */
package org.skydas.terrain.coverage;
