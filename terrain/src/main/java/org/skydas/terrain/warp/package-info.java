/**
 * Reprojection and mosaicking of DEMs onto one grid with bilinear interpolation ({@code DemWarper}), e.g. SRTM tiles
 * in longitude/latitude onto LKS-94, and the proj4j point transform between EPSG CRSs ({@code CrsTransform}).
 */
package org.skydas.terrain.warp;
