/**
 * Terrain performance: JMH viewshed compute time, whole-process viewshed, coverage and cost-distance runs for the
 * wall-time comparisons with {@code gdal_viewshed} and GRASS {@code r.cost}, and the large-DEM memory and scaling
 * check (10 000 × 10 000 cells in a 2 GB heap), and GeoTIFF reading and writing against mil.nga {@code tiff} alone
 * ({@code GeoTiffLibraryMain}).
 */
package org.skydas.bench.terrain;
