package org.skydas.geodata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.locationtech.jts.geom.MultiPolygon;
import org.skydas.geo.GeoJsonException;
import org.skydas.geo.GeoJsonFeature;
import org.skydas.geo.GeoJsonReader;

/**
 * Land polygons of Lithuania and its neighbours (LTU, BLR, POL, LVA, and RUS = the Kaliningrad
 * exclave), WGS84, as extracted at build time from OpenStreetMap data. Credit: "© OpenStreetMap
 * contributors, ODbL".
 */
public final class Countries {

    public static final String ATTRIBUTION = "© OpenStreetMap contributors, ODbL";
    private static final String RESOURCE = "countries.geojson.gz";

    private static volatile Map<String, MultiPolygon> cache;

    private Countries() {
    }

    /** ISO alpha-3 code to land polygon (WGS84). Loaded once. */
    public static Map<String, MultiPolygon> load() {
        Map<String, MultiPolygon> c = cache;
        if (c == null) {
            synchronized (Countries.class) {
                if (cache == null) {
                    cache = read();
                }
                c = cache;
            }
        }
        return c;
    }

    private static Map<String, MultiPolygon> read() {
        try (InputStream raw = Countries.class.getResourceAsStream(RESOURCE)) {
            if (raw == null) {
                throw new IllegalStateException("geodata resource " + RESOURCE
                        + " is missing: the build's npm/extract step did not run");
            }
            Map<String, MultiPolygon> out = new LinkedHashMap<>();
            for (GeoJsonFeature f : new GeoJsonReader().readAll(new GZIPInputStream(raw))) {
                out.put(f.id(), (MultiPolygon) f.geometry());
            }
            return Collections.unmodifiableMap(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeoJsonException e) {
            throw new IllegalStateException("geodata resource is corrupt: " + e.getMessage(), e);
        }
    }
}
