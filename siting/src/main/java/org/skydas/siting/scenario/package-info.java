/**
 * A scenario as a siting instance (demand cells of the buffer zones, candidate sites and their coverage from
 * {@code terrain}), the plan's outputs (JSON, GeoJSON, PNG map, budget frontier CSV) and {@code --apply}, which adds the
 * plan's sensors to the scenario as proposed assets.
 */
package org.skydas.siting.scenario;
