/**
 * The border model that PLAN computes over and WATCH watches, as immutable records in LKS-94: {@code Scenario}
 * (border lines, sectors, zones, sites, assets, programme), assets with their type, lifecycle status, costs and
 * {@code SensorParameters}, and the programme's budget roll-up ({@code ProgrammeReport}). Derives border lines from
 * country polygons ({@code BorderDerivation}) and cuts them into sectors ({@code SectorCutter}). Pure: no I/O.
 */
package org.skydas.model;
