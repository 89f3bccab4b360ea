/**
 * Land-cover obstruction: heights per land-cover class (forest, settlement) and how deep an observer sees into
 * them ({@code LandCoverModel}), rasterised onto a DEM's grid for the viewshed ({@code Obstruction}).
 */
package org.skydas.terrain.landcover;
