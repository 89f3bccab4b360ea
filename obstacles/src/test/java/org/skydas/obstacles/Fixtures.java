package org.skydas.obstacles;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.skydas.geo.Lks94;
import org.skydas.geodata.Countries;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Valid register entries in central Lithuania (near Kėdainiai), for tests to break one field at a time. */
final class Fixtures {

    static final Geometry LITHUANIA = Lks94.toGrid(Countries.load().get("LTU"));
    static final ObstacleValidator VALIDATOR = new ObstacleValidator(LITHUANIA);
    /** Centre of the test field in the grid. */
    static final Coordinate CENTRE = Lks94.toGrid(24.0, 55.3);

    private Fixtures() {
    }

    /** A 400 m x 100 m rectangle (grid-aligned) around {@code centre}, as a WGS84 GeoJSON Polygon. */
    static ObjectNode rectangle(Coordinate centre, double length, double depth) {
        ObjectNode g = ObstacleJson.MAPPER.createObjectNode();
        g.put("type", "Polygon");
        ArrayNode ring = g.putArray("coordinates").addArray();
        double[][] k = {{-0.5, -0.5}, {0.5, -0.5}, {0.5, 0.5}, {-0.5, 0.5}, {-0.5, -0.5}};
        for (double[] c : k) {
            Coordinate ll = Lks94.toWgs84(centre.x + c[0] * length, centre.y + c[1] * depth);
            ring.addArray().add(ll.x).add(ll.y);
        }
        return g;
    }

    static ObjectNode point(double dx, double dy, String description) {
        Coordinate ll = Lks94.toWgs84(CENTRE.x + dx, CENTRE.y + dy);
        ObjectNode p = ObstacleJson.MAPPER.createObjectNode();
        p.put("lon", ll.x);
        p.put("lat", ll.y);
        p.put("description", description);
        p.put("ground_marked", true);
        return p;
    }

    static ObjectNode minefield() {
        ObjectNode n = ObstacleJson.MAPPER.createObjectNode();
        n.put("kind", "minefield");
        n.put("name", "Test minefield");
        n.set("geometry", rectangle(CENTRE, 400, 100));
        ArrayNode refs = n.putArray("reference_points");
        refs.add(point(-300, -150, "survey post SW"));
        refs.add(point(300, -150, "survey post SE"));
        ObjectNode d = n.putArray("devices").addObject();
        d.put("type", "generic anti-tank mine");
        d.put("category", "anti_tank");
        d.put("count", 120);
        d.put("fuze", "pressure");
        d.put("self_destruct", true);
        d.put("active_life_days", 365);
        d.put("anti_handling", false);
        n.put("emplacement", "buried");
        n.put("laid_at", "2026-05-04T10:00:00Z");
        n.put("laying_unit", "test company");
        n.put("order_ref", "ORDER-1");
        n.put("custody", "battalion HQ; copy at the mine action centre");
        n.put("cost_eur", 1_200_000);
        n.put("budget_line", "counter_mobility");
        return n;
    }

    static ObjectNode ditch() {
        ObjectNode n = ObstacleJson.MAPPER.createObjectNode();
        n.put("kind", "ditch");
        n.put("name", "Test ditch");
        ObjectNode g = n.putObject("geometry");
        g.put("type", "LineString");
        ArrayNode c = g.putArray("coordinates");
        for (double dx : new double[] {-500, 0, 500}) {
            Coordinate ll = Lks94.toWgs84(CENTRE.x + dx, CENTRE.y + 1_000);
            c.addArray().add(ll.x).add(ll.y);
        }
        n.put("length_m", 1_000);
        n.put("width_m", 6);
        n.put("depth_m", 3);
        n.put("effect", "block");
        n.putObject("delay_s").put("person", 60).put("vehicle", 1_800);
        n.put("cost_eur", 250_000);
        n.put("budget_line", "counter_mobility");
        return n;
    }

    static ObstacleField valid(ObjectNode n) {
        return VALIDATOR.validate(ObstacleJson.read(n));
    }

    static ObjectNode clearance(boolean passed) {
        ObjectNode c = ObstacleJson.MAPPER.createObjectNode();
        c.put("organisation", "test clearance team");
        c.put("method", "manual");
        c.put("started_at", "2027-01-10T08:00:00Z");
        c.put("completed_at", "2027-01-20T16:00:00Z");
        c.put("area_cleared_m2", 40_000);
        c.put("devices_found", 120);
        c.putObject("qm_check").put("by", "QA officer").put("at", "2027-01-21T10:00:00Z").put("passed", passed);
        return c;
    }
}
