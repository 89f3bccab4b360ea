package org.skydas.geo;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes RFC 7946 FeatureCollections, streaming. Geometries must already be WGS84 longitude/latitude;
 * coordinates are rounded to {@code decimals} places (7 ≈ 1 cm, the default).
 */
public final class GeoJsonWriter implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final JsonGenerator g;
    private final int decimals;

    public GeoJsonWriter(OutputStream out) throws IOException {
        this(out, 7);
    }

    public GeoJsonWriter(OutputStream out, int decimals) throws IOException {
        this.g = new JsonFactory(MAPPER).createGenerator(out, JsonEncoding.UTF8);
        this.decimals = decimals;
        g.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        g.writeStartObject();
        g.writeStringField("type", "FeatureCollection");
        g.writeArrayFieldStart("features");
    }

    private GeoJsonWriter(JsonGenerator g, int decimals) {
        this.g = g;
        this.decimals = decimals;
        g.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    }

    /** One geometry as a GeoJSON geometry object (text), coordinates rounded to {@code decimals}. */
    public static String geometryJson(Geometry geom, int decimals) {
        java.io.StringWriter out = new java.io.StringWriter();
        try (JsonGenerator gen = new JsonFactory(MAPPER).createGenerator(out)) {
            new GeoJsonWriter(gen, decimals).geometry(geom);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString();
    }

    public void write(GeoJsonFeature f) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "Feature");
        if (f.id() != null) {
            g.writeStringField("id", f.id());
        }
        g.writeFieldName("geometry");
        if (f.geometry() == null) {
            g.writeNull();
        } else {
            geometry(f.geometry());
        }
        g.writeFieldName("properties");
        g.writeStartObject();
        for (Map.Entry<String, Object> e : f.properties().entrySet()) {
            g.writeFieldName(e.getKey());
            MAPPER.writeValue(new NonClosing(g), e.getValue());
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    @Override
    public void close() throws IOException {
        g.writeEndArray();
        g.writeEndObject();
        g.close();
    }

    private void geometry(Geometry geom) throws IOException {
        g.writeStartObject();
        if (geom instanceof GeometryCollection gc && !(geom instanceof MultiPoint)
                && !(geom instanceof MultiLineString) && !(geom instanceof MultiPolygon)) {
            g.writeStringField("type", "GeometryCollection");
            g.writeArrayFieldStart("geometries");
            for (int i = 0; i < gc.getNumGeometries(); i++) {
                geometry(gc.getGeometryN(i));
            }
            g.writeEndArray();
            g.writeEndObject();
            return;
        }
        g.writeStringField("type", geom.getGeometryType());
        g.writeFieldName("coordinates");
        coordinates(geom);
        g.writeEndObject();
    }

    private void coordinates(Geometry geom) throws IOException {
        if (geom instanceof Point p) {
            position(p.getCoordinateSequence(), 0);
        } else if (geom instanceof LineString l) {
            sequence(l.getCoordinateSequence());
        } else if (geom instanceof Polygon p) {
            g.writeStartArray();
            sequence(p.getExteriorRing().getCoordinateSequence());
            for (int i = 0; i < p.getNumInteriorRing(); i++) {
                sequence(p.getInteriorRingN(i).getCoordinateSequence());
            }
            g.writeEndArray();
        } else {
            g.writeStartArray();
            for (int i = 0; i < geom.getNumGeometries(); i++) {
                coordinates(geom.getGeometryN(i));
            }
            g.writeEndArray();
        }
    }

    private void sequence(CoordinateSequence seq) throws IOException {
        g.writeStartArray();
        for (int i = 0; i < seq.size(); i++) {
            position(seq, i);
        }
        g.writeEndArray();
    }

    private void position(CoordinateSequence seq, int i) throws IOException {
        g.writeStartArray();
        g.writeNumber(round(seq.getX(i)));
        g.writeNumber(round(seq.getY(i)));
        double z = seq.getZ(i);
        if (!Double.isNaN(z)) {
            g.writeNumber(round(z));
        }
        g.writeEndArray();
    }

    private BigDecimal round(double v) {
        return BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }

    /** Lets ObjectMapper write a property value into the open generator without closing it. */
    private static final class NonClosing extends com.fasterxml.jackson.core.util.JsonGeneratorDelegate {
        NonClosing(JsonGenerator d) {
            super(d, false);
        }

        @Override
        public void close() {
        }
    }
}
