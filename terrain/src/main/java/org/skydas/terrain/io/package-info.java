/**
 * Raster files: GeoTIFF reading (through mil.nga {@code tiff}, whole or row-streamed) and writing that GDAL reads
 * back identically, SRTM {@code .hgt} tiles, and the GeoKeys that carry the EPSG CRS. A file that cannot be used is a
 * {@code DemFormatException} naming the file and the reason. Why the pixels are not read and written through mil.nga:
 * docs/adr/0020-geotiff-bulk-io.md.
 */
package org.skydas.terrain.io;
