/**
 * Raster files: GeoTIFF reading (through mil.nga {@code tiff}, whole or row-streamed) and writing that GDAL reads
 * back identically, SRTM {@code .hgt} tiles, and the GeoKeys that carry the EPSG CRS. A file that cannot be used is a
 * {@code DemFormatException} naming the file and the reason.
 */
package org.skydas.terrain.io;
