package org.skydas.obstacles;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.skydas.geo.Lks94;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Where the warning signs of a field stand: along its perimeter (a line obstacle: along the line), one
 * at every turning point and more between them so that no two neighbours are further apart than the
 * spacing — close enough that each sign is seen from the next (Technical Annex paragraph 4(e)). The
 * sign design recorded with the plan is the Annex's paragraph 4(a)–(d).
 */
public final class MarkingPlan {

    public static final double DEFAULT_SPACING_M = 50;
    public static final double MIN_SPACING_M = 5;
    public static final double MAX_SPACING_M = 200;

    /** One sign: sequence number along the perimeter, position, chainage and the direction it faces. */
    public record Sign(int sequence, Coordinate grid, double chainageM, boolean turningPoint, double facingDeg) {
    }

    private MarkingPlan() {
    }

    /** The sign design of Technical Annex paragraph 4, as recorded with every plan. */
    public static Map<String, Object> signDesign() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("standard", "CCW Amended Protocol II, Technical Annex paragraph 4");
        d.put("shape", "triangle at least 28 cm x 20 cm, or square at least 15 cm a side");
        d.put("colour", "red or orange with a yellow reflecting border");
        d.put("symbol", "the Annex's symbol (skull and crossbones) or one readily recognised locally as a danger sign");
        d.put("text", List.of("MINES", "MINOS", "МИНЫ"));
        d.put("languages", "English and Russian (official languages of the Convention), Lithuanian (the area's)");
        d.put("facing", "away from the field, towards whoever approaches");
        return d;
    }

    public static List<Sign> signs(ObstacleField f, double spacingM) {
        if (!(spacingM >= MIN_SPACING_M && spacingM <= MAX_SPACING_M)) {
            throw new ObstacleException("spacing", String.format(java.util.Locale.ROOT,
                    "must be between %.0f and %.0f m (each sign must be visible from the next), is %s",
                    MIN_SPACING_M, MAX_SPACING_M, spacingM));
        }
        Geometry g = f.geometry();
        LineString line = g instanceof Polygon p ? p.getExteriorRing() : (LineString) g;
        boolean closed = line.isClosed();
        Coordinate[] pts = line.getCoordinates();
        // Signs face outward: for a counter-clockwise ring, outward is to the right of travel.
        boolean ccw = closed && org.locationtech.jts.algorithm.Orientation.isCCW(pts);
        List<Sign> out = new ArrayList<>();
        double chainage = 0;
        int seq = 1;
        int last = closed ? pts.length - 1 : pts.length;
        for (int i = 0; i < last; i++) {
            Coordinate a = pts[i];
            boolean hasNext = i + 1 < pts.length;
            Coordinate b = hasNext ? pts[i + 1] : null;
            double facing = hasNext ? outward(a, b, ccw) : outward(pts[i - 1], a, ccw);
            out.add(new Sign(seq++, new Coordinate(a.x, a.y), chainage, true, facing));
            if (!hasNext) {
                break;
            }
            double len = a.distance(b);
            // 1 cm of slack: a 400 m side surveyed as 400.0001 m still takes 8 gaps of 50 m, not 9
            int between = Math.max(0, (int) Math.ceil((len - 0.01) / spacingM) - 1);
            for (int k = 1; k <= between; k++) {
                double t = (double) k / (between + 1);
                out.add(new Sign(seq++, new Coordinate(a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)),
                        chainage + t * len, false, facing));
            }
            chainage += len;
        }
        return out;
    }

    /** Bearing (degrees from grid north, clockwise) of the side facing away from the field. */
    private static double outward(Coordinate a, Coordinate b, boolean ccw) {
        double dx = b.x - a.x;
        double dy = b.y - a.y;
        // right-hand normal (dy, -dx) for a CCW ring points out of the polygon
        double nx = ccw ? dy : -dy;
        double ny = ccw ? -dx : dx;
        double deg = Math.toDegrees(Math.atan2(nx, ny));
        return (deg + 360) % 360;
    }

    /**
     * The plan as a GeoJSON FeatureCollection of WGS84 points, one per sign, with the field, the spacing
     * and the sign design as foreign members.
     */
    public static ObjectNode geojson(ObstacleField f, double spacingM) {
        List<Sign> signs = signs(f, spacingM);
        ObjectNode fc = ObstacleJson.MAPPER.createObjectNode();
        fc.put("type", "FeatureCollection");
        fc.put("field_id", f.id());
        fc.put("field_name", f.name());
        fc.put("spacing_m", spacingM);
        fc.put("perimeter_m", Math.round(f.geometry() instanceof Polygon p ? p.getExteriorRing().getLength()
                : f.geometry().getLength()));
        fc.put("sign_count", signs.size());
        fc.set("sign_design", ObstacleJson.MAPPER.valueToTree(signDesign()));
        ArrayNode features = fc.putArray("features");
        for (Sign s : signs) {
            Coordinate ll = Lks94.toWgs84(s.grid().x, s.grid().y);
            ObjectNode ft = features.addObject();
            ft.put("type", "Feature");
            ft.put("id", f.id() + "-sign-" + s.sequence());
            ObjectNode g = ft.putObject("geometry");
            g.put("type", "Point");
            g.putArray("coordinates").add(round(ll.x, 7)).add(round(ll.y, 7));
            ObjectNode props = ft.putObject("properties");
            props.put("field_id", f.id());
            props.put("sequence", s.sequence());
            props.put("chainage_m", round(s.chainageM(), 1));
            props.put("turning_point", s.turningPoint());
            props.put("facing_deg", Math.round(s.facingDeg()));
            props.put("easting", round(s.grid().x, 2));
            props.put("northing", round(s.grid().y, 2));
        }
        return fc;
    }

    private static double round(double v, int decimals) {
        double k = Math.pow(10, decimals);
        return Math.round(v * k) / k;
    }
}
