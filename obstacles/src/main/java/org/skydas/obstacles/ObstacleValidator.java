package org.skydas.obstacles;

import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import org.skydas.geo.Lks94;
import org.skydas.geodata.Countries;
import org.skydas.model.Scenario;
import org.skydas.model.Zone;
import org.skydas.model.ZoneKind;
import org.skydas.obstacles.Records.Barrier;
import org.skydas.obstacles.Records.Device;
import org.skydas.obstacles.Records.Emplacement;
import org.skydas.obstacles.Records.Explosive;
import org.skydas.obstacles.Records.MineRow;
import org.skydas.obstacles.Records.ReferencePoint;

/**
 * The checks a record must pass at creation and at every change, beyond the presence of its fields:
 * a valid geometry of the right type inside Lithuania, reference points within 1 km of the perimeter,
 * device entries complete as Protocol II's Technical Annex asks, sane numbers.
 */
public final class ObstacleValidator {

    /** Reference points further than this from the perimeter are refused. */
    public static final double MAX_REFERENCE_DISTANCE_M = 1_000;

    private final PreparedGeometry country;

    /** @param countryGrid Lithuania's land in the LKS-94 grid */
    public ObstacleValidator(Geometry countryGrid) {
        this.country = PreparedGeometryFactory.prepare(countryGrid);
    }

    /** Lithuania from the scenario's national-territory zone, else from the shipped country polygons. */
    public static ObstacleValidator forScenario(Scenario s) {
        for (Zone z : s.zones()) {
            if (z.kind() == ZoneKind.NATIONAL_TERRITORY) {
                return new ObstacleValidator(z.geometry());
            }
        }
        return new ObstacleValidator(Lks94.toGrid(Countries.load().get("LTU")));
    }

    /** Refuses the record with the first fault found, naming its field. */
    public ObstacleField validate(ObstacleField f) {
        if (f.name() == null || f.name().isBlank()) {
            throw new ObstacleException("name", "required");
        }
        Geometry g = f.geometry();
        if (f.kind().explosive() && !(g instanceof Polygon)) {
            throw new ObstacleException("geometry", "an explosive field's perimeter must be a Polygon, is a "
                    + g.getGeometryType());
        }
        if (!f.kind().explosive() && !(g instanceof Polygon) && !(g instanceof LineString)) {
            throw new ObstacleException("geometry", "must be a LineString or a Polygon, is a " + g.getGeometryType());
        }
        TopologyValidationError err = new IsValidOp(g).getValidationError();
        if (err != null) {
            throw new ObstacleException("geometry", "not a valid " + g.getGeometryType().toLowerCase() + ": "
                    + err.getMessage() + " near " + near(err));
        }
        if (g instanceof Polygon p && p.getArea() <= 0) {
            throw new ObstacleException("geometry", "the polygon has no area");
        }
        if (!country.covers(g)) {
            throw new ObstacleException("geometry", "lies outside Lithuania (at least in part)");
        }
        if (!(f.costEur() >= 0)) {
            throw new ObstacleException("cost_eur", "must be >= 0");
        }
        if (f.year() != null && (f.year() < 2000 || f.year() > 2100)) {
            throw new ObstacleException("year", "must be a programme year (2000..2100), is " + f.year());
        }
        ObstacleField.category(f.budgetLine());
        if (f.explosive() != null) {
            explosive(f.kind(), g, f.explosive());
        } else {
            barrier(f.barrier());
        }
        return f;
    }

    private static String near(TopologyValidationError err) {
        if (err.getCoordinate() == null) {
            return "?";
        }
        var c = Lks94.toWgs84(err.getCoordinate().x, err.getCoordinate().y);
        return String.format(java.util.Locale.ROOT, "lon %.6f lat %.6f", c.x, c.y);
    }

    private static void explosive(ObstacleKind kind, Geometry perimeter, Explosive e) {
        List<ReferencePoint> refs = e.referencePoints();
        if (refs.size() < 2) {
            throw new ObstacleException("reference_points", "at least 2 required");
        }
        for (int i = 0; i < refs.size(); i++) {
            ReferencePoint r = refs.get(i);
            Point p = Lks94.GRID.createPoint(Lks94.toGrid(r.lon(), r.lat()));
            double d = perimeter.distance(p);
            if (d > MAX_REFERENCE_DISTANCE_M) {
                throw new ObstacleException("reference_points[" + i + "]", String.format(java.util.Locale.ROOT,
                        "%.0f m from the perimeter (at most %.0f m)", d, MAX_REFERENCE_DISTANCE_M));
            }
            if (r.description() == null || r.description().isBlank()) {
                throw new ObstacleException("reference_points[" + i + "].description", "required");
            }
        }
        boolean remote = kind == ObstacleKind.REMOTELY_DELIVERED;
        if (remote != (e.emplacement() == Emplacement.REMOTELY_DELIVERED)) {
            throw new ObstacleException("emplacement", remote
                    ? "a remotely delivered field's emplacement is remotely_delivered"
                    : "remotely_delivered emplacement needs kind remotely_delivered");
        }
        for (int i = 0; i < e.devices().size(); i++) {
            Device d = e.devices().get(i);
            String f = "devices[" + i + "]";
            if (d.count() < 1) {
                throw new ObstacleException(f + ".count", "must be >= 1");
            }
            if (d.selfDestruct() && d.activeLifeDays() == null) {
                throw new ObstacleException(f + ".active_life_days", "required when self_destruct is true");
            }
            if (remote && !d.selfDestruct()) {
                throw new ObstacleException(f + ".self_destruct", "remotely delivered devices are recorded with "
                        + "their self-destruction period (Technical Annex 1(b)); self_destruct must be true");
            }
            if (d.activeLifeDays() != null && d.activeLifeDays() < 1) {
                throw new ObstacleException(f + ".active_life_days", "must be >= 1");
            }
            if (d.antiHandling() && (d.antiHandlingType() == null || d.antiHandlingType().isBlank())) {
                throw new ObstacleException(f + ".anti_handling_type", "required when anti_handling is true");
            }
        }
        for (int i = 0; i < e.rows().size(); i++) {
            MineRow r = e.rows().get(i);
            if (r.count() < 1) {
                throw new ObstacleException("rows[" + i + "].count", "must be >= 1");
            }
            for (double[] ll : new double[][] {{r.startLon(), r.startLat()}, {r.endLon(), r.endLat()}}) {
                Point p = Lks94.GRID.createPoint(Lks94.toGrid(ll[0], ll[1]));
                if (perimeter.distance(p) > 1) {
                    throw new ObstacleException("rows[" + i + "]", "runs outside the perimeter");
                }
            }
        }
    }

    private static void barrier(Barrier b) {
        if (!(b.lengthM() > 0)) {
            throw new ObstacleException("length_m", "must be > 0");
        }
        if (!(b.widthM() > 0)) {
            throw new ObstacleException("width_m", "must be > 0");
        }
        if (b.depthM() != null && !(b.depthM() >= 0)) {
            throw new ObstacleException("depth_m", "must be >= 0");
        }
        for (Map.Entry<String, Double> e : b.delayS().entrySet()) {
            if (!(e.getValue() >= 0)) {
                throw new ObstacleException("delay_s." + e.getKey(), "must be >= 0 seconds");
            }
        }
    }
}
