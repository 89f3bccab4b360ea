package org.skydas.obstacles;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.skydas.geo.GeoJsonFeature;
import org.skydas.geo.GeoJsonWriter;
import org.skydas.geo.Lks94;
import org.skydas.obstacles.Records.Clearance;
import org.skydas.obstacles.Records.Device;
import org.skydas.obstacles.Records.ReferencePoint;
import org.skydas.obstacles.Records.StatusChange;

/**
 * The hand-over export for clearance organisations: one row (CSV) or feature (GeoJSON) per field with
 * the hazard fields of the GICHD/IMSMA minimum data requirements — identifier, type, status, reference
 * point, perimeter (turning points), area, device category, type and count, and the dates of the life
 * cycle — plus the Protocol II details a clearance team needs (fuze, self-destruct, anti-handling).
 * GeoJSON also carries every reference point as its own Point feature.
 */
public final class HandOver {

    /** Column order of the CSV; the GeoJSON properties carry the same names. */
    public static final List<String> COLUMNS = List.of("hazard_id", "hazard_name", "hazard_type", "field_kind",
            "status", "device_category", "device_types", "device_count", "fuze_types", "self_destruct",
            "active_life_days", "anti_handling", "emplacement", "reference_point_lon", "reference_point_lat",
            "reference_point_description", "reference_points", "turning_points", "area_m2", "perimeter_m",
            "date_recorded", "date_laid", "date_marked", "date_inspected", "date_cleared", "date_handed_over",
            "clearance_organisation", "clearance_method", "devices_found", "laying_unit", "order_ref", "custody",
            "sectors", "example");

    private HandOver() {
    }

    /** The hazard row of one field (values are text, numbers or booleans; null where not recorded). */
    public static Map<String, Object> row(ObstacleField f) {
        Map<String, Object> r = new LinkedHashMap<>();
        for (String c : COLUMNS) {
            r.put(c, null);
        }
        r.put("hazard_id", f.id());
        r.put("hazard_name", f.name());
        // A recorded minefield is a confirmed hazardous area (CHA) in IMAS terms.
        r.put("hazard_type", f.kind().explosive() ? "CHA" : "obstacle");
        r.put("field_kind", f.kind().wire());
        r.put("status", f.status().wire());
        if (f.explosive() != null) {
            var e = f.explosive();
            r.put("device_category", e.devices().stream().map(d -> d.category() == null ? "unspecified" : d.category())
                    .distinct().collect(Collectors.joining("|")));
            r.put("device_types", e.devices().stream().map(d -> d.type() + " x" + d.count())
                    .collect(Collectors.joining("|")));
            r.put("device_count", e.deviceCount());
            r.put("fuze_types", e.devices().stream().map(Device::fuze).distinct().collect(Collectors.joining("|")));
            r.put("self_destruct", e.devices().stream().allMatch(Device::selfDestruct) ? "all"
                    : e.devices().stream().anyMatch(Device::selfDestruct) ? "some" : "none");
            r.put("active_life_days", e.devices().stream().filter(d -> d.activeLifeDays() != null)
                    .map(d -> d.activeLifeDays().toString()).collect(Collectors.joining("|")));
            r.put("anti_handling", e.devices().stream().filter(Device::antiHandling)
                    .map(d -> d.type() + ": " + d.antiHandlingType()).collect(Collectors.joining("|")));
            r.put("emplacement", e.emplacement().wire());
            ReferencePoint first = e.referencePoints().get(0);
            r.put("reference_point_lon", first.lon());
            r.put("reference_point_lat", first.lat());
            r.put("reference_point_description", first.description());
            r.put("reference_points", e.referencePoints().stream()
                    .map(p -> String.format(Locale.ROOT, "%.7f %.7f (%s%s)", p.lon(), p.lat(), p.description(),
                            p.groundMarked() ? ", ground-marked" : ""))
                    .collect(Collectors.joining("; ")));
            r.put("date_laid", text(e.laidAt()));
            r.put("laying_unit", e.layingUnit());
            r.put("order_ref", e.orderRef());
            r.put("custody", e.custody());
        }
        r.put("turning_points", turningPoints(f.geometry()));
        r.put("area_m2", Math.round(f.areaM2()));
        r.put("perimeter_m", Math.round(f.geometry() instanceof Polygon p ? p.getExteriorRing().getLength()
                : f.geometry().getLength()));
        for (StatusChange c : f.history()) {
            if (c.at() == null) {
                continue;
            }
            if (r.get("date_recorded") == null) {
                r.put("date_recorded", text(c.at()));
            }
            switch (c.to()) {
                case LAID -> r.putIfAbsent("date_laid", text(c.at()));
                case MARKED -> r.put("date_marked", text(c.at()));
                case INSPECTED -> r.put("date_inspected", text(c.at()));
                case CLEARED -> {
                    r.put("date_cleared", text(c.at()));
                    Clearance cl = c.clearance();
                    if (cl != null) {
                        r.put("clearance_organisation", cl.organisation());
                        r.put("clearance_method", cl.method());
                        r.put("devices_found", cl.devicesFound());
                    }
                }
                case HANDED_OVER -> r.put("date_handed_over", text(c.at()));
                default -> {
                }
            }
        }
        if (r.get("date_laid") == null) {
            f.history().stream().filter(c -> c.to() == FieldStatus.LAID && c.at() != null).findFirst()
                    .ifPresent(c -> r.put("date_laid", text(c.at())));
        }
        r.put("sectors", String.join("|", f.sectors()));
        r.put("example", f.example());
        return r;
    }

    private static String text(Instant t) {
        return t == null ? null : t.toString();
    }

    /** The perimeter's turning points as "lon lat" pairs in WGS84, separated by ";" (ring closed). */
    static String turningPoints(Geometry grid) {
        Geometry g = grid instanceof Polygon p ? p.getExteriorRing() : grid;
        List<String> pts = new ArrayList<>();
        for (Coordinate c : g.getCoordinates()) {
            Coordinate ll = Lks94.toWgs84(c.x, c.y);
            pts.add(String.format(Locale.ROOT, "%.7f %.7f", ll.x, ll.y));
        }
        return String.join(";", pts);
    }

    public static void csv(List<ObstacleField> fields, Writer out) throws IOException {
        out.write(String.join(",", COLUMNS));
        out.write("\r\n");
        for (ObstacleField f : fields) {
            Map<String, Object> r = row(f);
            List<String> cells = new ArrayList<>();
            for (String c : COLUMNS) {
                cells.add(cell(r.get(c)));
            }
            out.write(String.join(",", cells));
            out.write("\r\n");
        }
        out.flush();
    }

    /** RFC 4180: quote a cell holding a comma, quote, or line break; double the quotes inside. */
    static String cell(Object v) {
        if (v == null) {
            return "";
        }
        String s = v.toString();
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    public static void geojson(List<ObstacleField> fields, OutputStream out) throws IOException {
        try (GeoJsonWriter w = new GeoJsonWriter(out)) {
            for (ObstacleField f : fields) {
                w.write(new GeoJsonFeature(f.id(), Lks94.toWgs84(f.geometry()), row(f)));
                if (f.explosive() == null) {
                    continue;
                }
                int i = 1;
                for (ReferencePoint p : f.explosive().referencePoints()) {
                    Map<String, Object> props = new LinkedHashMap<>();
                    props.put("hazard_id", f.id());
                    props.put("feature", "reference_point");
                    props.put("number", i);
                    props.put("description", p.description());
                    props.put("ground_marked", p.groundMarked());
                    w.write(new GeoJsonFeature(f.id() + "-ref-" + i++,
                            Lks94.WGS84.createPoint(new Coordinate(p.lon(), p.lat())), props));
                }
            }
        }
    }
}
