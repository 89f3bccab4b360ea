package org.skydas.model.layer;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import org.skydas.geo.GeoJsonFeature;
import org.skydas.model.Asset;
import org.skydas.model.AssetStatus;
import org.skydas.model.AssetType;
import org.skydas.model.BorderLine;
import org.skydas.model.Category;
import org.skydas.model.Neighbour;
import org.skydas.model.Scenario;
import org.skydas.model.Sector;
import org.skydas.model.SensorParameters;
import org.skydas.model.Site;
import org.skydas.model.TargetClass;
import org.skydas.model.Wire;
import org.skydas.model.Zone;
import org.skydas.model.ZoneKind;

/**
 * Turns the scenario's typed features into generic features (id, grid geometry, properties) and
 * back. The same properties serve the GeoPackage columns and GeoJSON; decoding validates and throws
 * {@link IllegalArgumentException} with the reason (the caller names the file and the feature).
 */
public final class LayerCodec {

    private LayerCodec() {
    }

    /** The features of one layer of the scenario, geometries in the grid. */
    public static List<GeoJsonFeature> encode(Scenario s, Layer layer) {
        List<GeoJsonFeature> out = new ArrayList<>();
        switch (layer) {
            case BORDER -> s.border().forEach(b -> out.add(encode(b)));
            case SECTORS -> s.sectors().forEach(x -> out.add(encode(x)));
            case ZONES -> s.zones().forEach(z -> out.add(encode(z)));
            case SITES -> s.sites().forEach(x -> out.add(encode(x)));
            case ASSETS -> s.assets().forEach(a -> out.add(encode(a)));
            default -> throw new IllegalStateException(layer.name());
        }
        return out;
    }

    static GeoJsonFeature encode(BorderLine b) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("neighbour", b.neighbour().code());
        p.put("length_m", round(b.lengthM()));
        return new GeoJsonFeature(b.id(), b.geometry(), p);
    }

    static GeoJsonFeature encode(Sector s) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("neighbour", s.neighbour().code());
        p.put("index", s.index());
        p.put("length_m", round(s.lengthM()));
        return new GeoJsonFeature(s.id(), s.geometry(), p);
    }

    static GeoJsonFeature encode(Zone z) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", z.name());
        p.put("kind", Wire.name(z.kind()));
        p.put("params", new LinkedHashMap<>(z.params()));
        return new GeoJsonFeature(z.id(), z.geometry(), p);
    }

    static GeoJsonFeature encode(Site s) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", s.name());
        p.put("existing", s.existing());
        p.put("ground_elevation_m", s.groundElevationM());
        p.put("access", s.access());
        p.put("build_cost_eur", s.buildCostEur());
        return new GeoJsonFeature(s.id(), s.geometry(), p);
    }

    static GeoJsonFeature encode(Asset a) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", a.name());
        p.put("type", Wire.name(a.type()));
        p.put("status", Wire.name(a.status()));
        p.put("capex_eur", a.capexEur());
        p.put("opex_eur_per_year", a.opexEurPerYear());
        p.put("category", Wire.name(a.category()));
        p.put("year", a.year());
        p.put("sensor", a.sensor() == null ? null : encode(a.sensor()));
        p.put("params", new LinkedHashMap<>(a.params()));
        return new GeoJsonFeature(a.id(), a.geometry(), p);
    }

    static Map<String, Object> encode(SensorParameters s) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("mast_height_m", s.mastHeightM());
        Map<String, Object> ranges = new LinkedHashMap<>();
        new EnumMap<>(s.rangeM()).forEach((k, v) -> ranges.put(Wire.name(k), v));
        p.put("range_m", ranges);
        p.put("azimuth_from_deg", s.azimuthFromDeg());
        p.put("azimuth_to_deg", s.azimuthToDeg());
        p.put("elevation_min_deg", s.elevationMinDeg());
        p.put("elevation_max_deg", s.elevationMaxDeg());
        p.put("pd_near", s.pdNear());
        p.put("pd_at_max_range", s.pdAtMaxRange());
        p.put("scan_period_s", s.scanPeriodS());
        p.put("position_noise_m", s.positionNoiseM());
        p.put("false_alarms_per_hour", s.falseAlarmsPerHour());
        return p;
    }

    private static double round(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }

    // ---- decoding -------------------------------------------------------------------------------

    /** A border line from a feature; geometry in the grid. */
    public static BorderLine border(GeoJsonFeature f) {
        Props p = new Props(f.properties());
        Neighbour n = Neighbour.fromCode(p.string("neighbour"));
        return new BorderLine(id(f), n, multiLine(f.geometry()));
    }

    public static Sector sector(GeoJsonFeature f) {
        Props p = new Props(f.properties());
        Geometry g = lineal(f.geometry());
        return new Sector(id(f), Neighbour.fromCode(p.string("neighbour")), p.integer("index"), g, g.getLength());
    }

    public static Zone zone(GeoJsonFeature f) {
        Props p = new Props(f.properties());
        ZoneKind kind = Wire.parse(ZoneKind.class, "zone kind", p.string("kind"));
        Map<String, Object> params = p.object("params");
        return new Zone(id(f), p.optString("name"), kind, polygonal(f.geometry()), params);
    }

    public static Site site(GeoJsonFeature f) {
        Props p = new Props(f.properties());
        if (!(valid(f.geometry()) instanceof Point pt)) {
            throw new IllegalArgumentException("a site must be a Point, is a " + f.geometry().getGeometryType());
        }
        return new Site(id(f), p.optString("name"), pt, p.bool("existing", false), p.optNumber("ground_elevation_m"),
                p.optString("access"), p.number("build_cost_eur", 0));
    }

    public static Asset asset(GeoJsonFeature f) {
        Props p = new Props(f.properties());
        AssetType type = Wire.parse(AssetType.class, "asset type", p.string("type"));
        AssetStatus status = Wire.parse(AssetStatus.class, "asset status", p.string("status"));
        String cat = p.optString("category");
        Category category = cat == null ? null : Wire.parse(Category.class, "category", cat);
        Map<String, Object> sensor = p.object("sensor");
        return new Asset(id(f), p.optString("name"), type, valid(f.geometry()), status, p.number("capex_eur"),
                p.number("opex_eur_per_year", 0), category, p.integer("year"),
                sensor == null ? null : sensor(sensor), p.object("params"));
    }

    static SensorParameters sensor(Map<String, Object> map) {
        Props p = new Props(map);
        Map<TargetClass, Double> ranges = new EnumMap<>(TargetClass.class);
        Map<String, Object> r = p.object("range_m");
        if (r != null) {
            Props rp = new Props(r);
            for (String k : r.keySet()) {
                ranges.put(Wire.parse(TargetClass.class, "target class", k), rp.number(k));
            }
        }
        try {
            return new SensorParameters(p.number("mast_height_m"), ranges, p.number("azimuth_from_deg", 0),
                    p.number("azimuth_to_deg", 0), p.number("elevation_min_deg", -90), p.number("elevation_max_deg", 90),
                    p.number("pd_near", 0.9), p.number("pd_at_max_range", 0.5), p.number("scan_period_s", 1),
                    p.number("position_noise_m", 10), p.number("false_alarms_per_hour", 0));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sensor: " + e.getMessage());
        }
    }

    private static String id(GeoJsonFeature f) {
        if (f.id() == null || f.id().isBlank()) {
            throw new IllegalArgumentException("the feature has no id");
        }
        return f.id();
    }

    /** The geometry, if present and topologically valid; otherwise the reason it is not. */
    static Geometry valid(Geometry g) {
        if (g == null || g.isEmpty()) {
            throw new IllegalArgumentException("the feature has no geometry");
        }
        IsValidOp op = new IsValidOp(g);
        TopologyValidationError err = op.getValidationError();
        if (err != null) {
            throw new IllegalArgumentException("invalid geometry: " + err.getMessage() + " at "
                    + err.getCoordinate());
        }
        return g;
    }

    private static MultiLineString multiLine(Geometry g) {
        Geometry v = lineal(g);
        GeometryFactory gf = v.getFactory();
        return v instanceof LineString l ? gf.createMultiLineString(new LineString[] {l}) : (MultiLineString) v;
    }

    private static Geometry lineal(Geometry g) {
        Geometry v = valid(g);
        if (v instanceof MultiLineString m && m.getNumGeometries() == 1) {
            return m.getGeometryN(0);
        }
        if (v instanceof LineString || v instanceof MultiLineString) {
            return v;
        }
        throw new IllegalArgumentException("expected a LineString or MultiLineString, got a " + v.getGeometryType());
    }

    private static Geometry polygonal(Geometry g) {
        Geometry v = valid(g);
        if (v instanceof org.locationtech.jts.geom.MultiPolygon m && m.getNumGeometries() == 1) {
            return m.getGeometryN(0);
        }
        if (v instanceof Polygon || v instanceof org.locationtech.jts.geom.MultiPolygon) {
            return v;
        }
        throw new IllegalArgumentException("expected a Polygon or MultiPolygon, got a " + v.getGeometryType());
    }
}
