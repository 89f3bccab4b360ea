/**
 * A scenario as a siting instance (demand cells of the buffer zones, candidate sites and their coverage from
 * {@code terrain}), the plan's outputs (JSON, GeoJSON, PNG map, budget frontier CSV) and what applying a plan adds to
 * the scenario ({@code PlanApply}: its sensors as proposed assets, for {@code --apply} and the server's apply route).
 */
package org.skydas.siting.scenario;
