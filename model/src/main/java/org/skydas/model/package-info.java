/**
 * The border model that PLAN computes over and WATCH watches, as immutable records in LKS-94: {@code Scenario}
 * (border lines, sectors, zones, sites, assets, programme), assets with their type, lifecycle status, costs and
 * {@code SensorParameters} rated per {@code TargetClass} (a kind at a reference height: what coverage is computed
 * for), {@code TargetKind} (what a detection or track is believed to be: the tracker's classes, mapped to coverage
 * classes by {@code TargetKind.coverageClass()}), and the programme's budget roll-up ({@code ProgrammeReport}).
 * Derives border lines from country polygons ({@code BorderDerivation}) and cuts them into sectors
 * ({@code SectorCutter}). Pure: no I/O.
 */
package org.skydas.model;
