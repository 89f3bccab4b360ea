package org.skydas.geo;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads RFC 7946 GeoJSON (WGS84 longitude/latitude) into {@link GeoJsonFeature}s with SRID 4326,
 * streaming feature by feature so that large files are never held whole as a tree.
 *
 * <p>Rejected with a reason: a {@code crs} member naming anything but WGS84/CRS84 (the pre-2016
 * GeoJSON way of declaring another CRS), coordinates outside longitude/latitude range (usually a
 * projected file), non-finite numbers and structurally broken geometries. Topological validity
 * (self-intersections) is left to the caller, which knows whether it matters.
 */
public final class GeoJsonReader {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE)
                    .maxNestingDepth(64).build())
            .build();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

    private final GeometryFactory factory = Lks94.WGS84;

    /** Reads all features of a FeatureCollection (or a single Feature). */
    public List<GeoJsonFeature> readAll(InputStream in) throws IOException, GeoJsonException {
        List<GeoJsonFeature> out = new ArrayList<>();
        read(in, out::add);
        return out;
    }

    /** Receives features in file order. */
    @FunctionalInterface
    public interface FeatureSink {
        void accept(GeoJsonFeature feature) throws GeoJsonException;
    }

    /** Streams the features of a FeatureCollection (or a single Feature) to {@code sink}. */
    public void read(InputStream in, FeatureSink sink) throws IOException, GeoJsonException {
        try (JsonParser p = FACTORY.createParser(in)) {
            p.setCodec(MAPPER);
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new GeoJsonException("not GeoJSON: the document is not a JSON object");
            }
            // Members may come in any order: features stream past, anything else (a lone Feature's
            // geometry and properties) is small and kept.
            com.fasterxml.jackson.databind.node.ObjectNode rest = MAPPER.createObjectNode();
            String type = null;
            int index = 0;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "type" -> type = p.getValueAsString();
                    case "crs" -> checkCrs(p.readValueAsTree(), "the file");
                    case "features" -> {
                        if (value != JsonToken.START_ARRAY) {
                            throw new GeoJsonException("'features' is not an array");
                        }
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            JsonNode node = p.readValueAsTree();
                            sink.accept(feature(node, index++));
                        }
                    }
                    default -> rest.set(field, p.readValueAsTree());
                }
            }
            if (type == null) {
                throw new GeoJsonException("not GeoJSON: no 'type' member");
            }
            if ("Feature".equals(type)) {
                rest.put("type", type);
                sink.accept(feature(rest, 0));
            } else if (!"FeatureCollection".equals(type)) {
                throw new GeoJsonException("not a GeoJSON FeatureCollection or Feature (type '" + type + "')");
            }
        } catch (JsonProcessingException e) {
            throw new GeoJsonException("malformed JSON at line " + e.getLocation().getLineNr() + ": "
                    + e.getOriginalMessage());
        }
    }

    /** Parses one Feature object already read as a tree. */
    public GeoJsonFeature feature(JsonNode node, int index) throws GeoJsonException {
        JsonNode idNode = node.get("id");
        String id = idNode == null || idNode.isNull() ? null : idNode.asText();
        String name = id != null ? "feature '" + id + "'" : "feature #" + (index + 1);
        if (!"Feature".equals(node.path("type").asText())) {
            throw new GeoJsonException(name + ": type is not 'Feature'");
        }
        if (node.has("crs")) {
            checkCrs(node.get("crs"), name);
        }
        Map<String, Object> props = new LinkedHashMap<>();
        JsonNode propsNode = node.get("properties");
        if (propsNode != null && propsNode.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = propsNode.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                props.put(e.getKey(), MAPPER.convertValue(e.getValue(), Object.class));
            }
        } else if (propsNode != null && !propsNode.isNull()) {
            throw new GeoJsonException(name + ": 'properties' is not an object");
        }
        JsonNode geom = node.get("geometry");
        Geometry geometry;
        try {
            geometry = geom == null || geom.isNull() ? null : geometry(geom);
        } catch (GeoJsonException e) {
            throw new GeoJsonException(name + ": " + e.getMessage());
        }
        return new GeoJsonFeature(id, geometry, props);
    }

    private static void checkCrs(JsonNode crs, String where) throws GeoJsonException {
        if (crs == null || crs.isNull()) {
            return;
        }
        String name = crs.path("properties").path("name").asText("");
        String n = name.toUpperCase(java.util.Locale.ROOT);
        boolean wgs84 = n.endsWith("CRS84") || n.endsWith("EPSG::4326") || n.equals("EPSG:4326")
                || n.endsWith("CRS:84");
        if (!wgs84) {
            throw new GeoJsonException(where + " declares CRS '" + (name.isEmpty() ? crs.toString() : name)
                    + "'; Skydas reads GeoJSON in WGS84 longitude/latitude only (reproject first, e.g. "
                    + "ogr2ogr -t_srs EPSG:4326)");
        }
    }

    /** Parses one GeoJSON geometry object (WGS84 longitude/latitude). */
    public Geometry geometry(JsonNode g) throws GeoJsonException {
        String type = g.path("type").asText();
        if ("GeometryCollection".equals(type)) {
            JsonNode members = g.get("geometries");
            if (members == null || !members.isArray()) {
                throw new GeoJsonException("GeometryCollection without 'geometries'");
            }
            Geometry[] parts = new Geometry[members.size()];
            for (int i = 0; i < parts.length; i++) {
                parts[i] = geometry(members.get(i));
            }
            return factory.createGeometryCollection(parts);
        }
        JsonNode c = g.get("coordinates");
        if (c == null || !c.isArray()) {
            throw new GeoJsonException("geometry of type '" + type + "' has no coordinates array");
        }
        return switch (type) {
            case "Point" -> factory.createPoint(position(c));
            case "LineString" -> lineString(c);
            case "Polygon" -> polygon(c);
            case "MultiPoint" -> {
                Point[] pts = new Point[c.size()];
                for (int i = 0; i < pts.length; i++) {
                    pts[i] = factory.createPoint(position(c.get(i)));
                }
                yield factory.createMultiPoint(pts);
            }
            case "MultiLineString" -> {
                LineString[] lines = new LineString[c.size()];
                for (int i = 0; i < lines.length; i++) {
                    lines[i] = lineString(c.get(i));
                }
                yield factory.createMultiLineString(lines);
            }
            case "MultiPolygon" -> {
                Polygon[] polys = new Polygon[c.size()];
                for (int i = 0; i < polys.length; i++) {
                    polys[i] = polygon(c.get(i));
                }
                yield factory.createMultiPolygon(polys);
            }
            default -> throw new GeoJsonException("unknown geometry type '" + type + "'");
        };
    }

    private LineString lineString(JsonNode c) throws GeoJsonException {
        Coordinate[] pts = positions(c);
        if (pts.length < 2) {
            throw new GeoJsonException("a LineString needs at least 2 positions, has " + pts.length);
        }
        return factory.createLineString(pts);
    }

    private Polygon polygon(JsonNode rings) throws GeoJsonException {
        if (!rings.isArray() || rings.isEmpty()) {
            throw new GeoJsonException("a Polygon needs at least one ring");
        }
        LinearRing shell = ring(rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i));
        }
        return factory.createPolygon(shell, holes);
    }

    private LinearRing ring(JsonNode c) throws GeoJsonException {
        Coordinate[] pts = positions(c);
        if (pts.length < 4) {
            throw new GeoJsonException("a polygon ring needs at least 4 positions, has " + pts.length);
        }
        if (!pts[0].equals2D(pts[pts.length - 1])) {
            throw new GeoJsonException("a polygon ring is not closed (first and last positions differ)");
        }
        return factory.createLinearRing(pts);
    }

    private static Coordinate[] positions(JsonNode c) throws GeoJsonException {
        if (!c.isArray()) {
            throw new GeoJsonException("expected an array of positions");
        }
        Coordinate[] pts = new Coordinate[c.size()];
        for (int i = 0; i < pts.length; i++) {
            pts[i] = position(c.get(i));
        }
        return pts;
    }

    private static Coordinate position(JsonNode p) throws GeoJsonException {
        if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
            throw new GeoJsonException("a position must be an array of at least two numbers, got " + p);
        }
        double lon = p.get(0).asDouble();
        double lat = p.get(1).asDouble();
        if (!Double.isFinite(lon) || !Double.isFinite(lat)) {
            throw new GeoJsonException("non-finite coordinate " + p);
        }
        if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
            throw new GeoJsonException("position " + p + " is outside longitude/latitude range; "
                    + "is the file in another CRS? Skydas reads GeoJSON in WGS84 (EPSG:4326) only");
        }
        Coordinate c = new Coordinate(lon, lat);
        if (p.size() > 2 && p.get(2).isNumber()) {
            c.setZ(p.get(2).asDouble());
        }
        return c;
    }
}
