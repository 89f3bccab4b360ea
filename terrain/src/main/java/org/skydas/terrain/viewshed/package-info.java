/**
 * Single-observer viewshed with the semantics of GDAL 3.6's {@code gdal_viewshed} (NORMAL mode, edge cell
 * interpolation), checked cell by cell against it, and the {@code skydas viewshed} run.
 */
package org.skydas.terrain.viewshed;
