/**
 * Elevation rasters and what they share: {@code DemGrid} and {@code HeightRows} (heights with their
 * {@code GeoTransform} and EPSG CRS), the CRS facts raster work needs ({@code Crs}), and heights of reported targets
 * above the ground from DEMs and the EGM96 geoid ({@code HeightAboveGround}). The work is in the subpackages.
 */
package org.skydas.terrain;
