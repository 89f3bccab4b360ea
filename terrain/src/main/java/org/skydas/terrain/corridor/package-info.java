/**
 * Approach corridors from a neighbour's side to an objective for one mover (foot, vehicle...): friction per mover
 * from the DEM and the obstacles ({@code ObstacleRaster}), time to the objective by a reverse cost search, k diverse
 * corridors, and the warning time each gives from the coverage model; written as GeoJSON, GeoTIFF, JSON/CSV and PNG.
 */
package org.skydas.terrain.corridor;
