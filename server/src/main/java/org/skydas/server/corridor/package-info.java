/**
 * Approach corridors inside a running server: one analysis per neighbour and mover, computed in the background on
 * first request at low priority ({@code CorridorService}, the last result served while a newer one runs), detection
 * taken from the server's coverage map of the mover's target class ({@code CoverageDetection}), served as GeoJSON
 * with status and legend, per-sector least warning times and a planner's recompute ({@code CorridorApi}).
 */
package org.skydas.server.corridor;
