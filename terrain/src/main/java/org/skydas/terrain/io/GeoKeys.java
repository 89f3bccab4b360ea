package org.skydas.terrain.io;

import java.util.List;

/**
 * The GeoTIFF keys Skydas reads and writes (GeoTIFF 1.1, OGC 19-008r4). Only EPSG-coded CRSs are
 * supported: a user-defined CRS (32767) is reported as "no EPSG code" (0).
 */
final class GeoKeys {

    static final int GT_MODEL_TYPE = 1024;
    static final int GT_RASTER_TYPE = 1025;
    static final int GEOGRAPHIC_TYPE = 2048;
    static final int PROJECTED_CS_TYPE = 3072;

    static final int MODEL_TYPE_PROJECTED = 1;
    static final int MODEL_TYPE_GEOGRAPHIC = 2;
    static final int RASTER_PIXEL_IS_AREA = 1;
    static final int RASTER_PIXEL_IS_POINT = 2;
    static final int USER_DEFINED = 32767;

    private GeoKeys() {
    }

    /** Parsed keys of interest; 0 where absent. */
    record Parsed(int modelType, int rasterType, int geographicType, int projectedType) {

        /** EPSG code of the CRS, or 0 when none usable is named. */
        int epsg() {
            if (modelType != MODEL_TYPE_GEOGRAPHIC && projectedType > 0 && projectedType != USER_DEFINED) {
                return projectedType;
            }
            if (geographicType > 0 && geographicType != USER_DEFINED) {
                return geographicType;
            }
            return 0;
        }

        boolean pixelIsPoint() {
            return rasterType == RASTER_PIXEL_IS_POINT;
        }
    }

    /**
     * Reads the short-valued keys of a GeoKeyDirectory tag (header: version, revision, minor,
     * count; then 4 shorts per key: id, location, count, value). Keys stored in other tags
     * (location != 0) are skipped: none of ours is.
     */
    static Parsed parse(List<? extends Number> dir) {
        if (dir == null || dir.size() < 4) {
            return new Parsed(0, 0, 0, 0);
        }
        int n = dir.get(3).intValue();
        int model = 0;
        int raster = 0;
        int geographic = 0;
        int projected = 0;
        for (int k = 0; k < n && 4 + 4 * k + 3 < dir.size(); k++) {
            int id = dir.get(4 + 4 * k).intValue();
            int location = dir.get(4 + 4 * k + 1).intValue();
            int value = dir.get(4 + 4 * k + 3).intValue();
            if (location != 0) {
                continue;
            }
            switch (id) {
                case GT_MODEL_TYPE -> model = value;
                case GT_RASTER_TYPE -> raster = value;
                case GEOGRAPHIC_TYPE -> geographic = value;
                case PROJECTED_CS_TYPE -> projected = value;
                default -> {
                    // other keys (units, citations...) are implied by the EPSG code
                }
            }
        }
        return new Parsed(model, raster, geographic, projected);
    }
}
