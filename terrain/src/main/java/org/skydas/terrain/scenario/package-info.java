/**
 * A scenario's sensor coverage and gaps on one LKS-94 grid over its border strip: sensor assets as footprints per
 * target class, planted canopy by year, gaps per sector, and the outputs (GeoTIFF, GeoJSON, CSV/JSON, PNG map and
 * XYZ web tiles in a colour-blind-safe palette; maps drawn with Java2D, see docs/adr/0023-png-maps-java2d.md).
 */
package org.skydas.terrain.scenario;
