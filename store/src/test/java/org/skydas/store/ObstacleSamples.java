package org.skydas.store;

import java.util.Locale;

import org.locationtech.jts.geom.Coordinate;
import org.skydas.geo.Lks94;
import org.skydas.obstacles.ObstacleField;
import org.skydas.obstacles.ObstacleJson;

/** Register entries for store tests: a minefield and a ditch in central Lithuania. */
public final class ObstacleSamples {

    private ObstacleSamples() {
    }

    private static String ll(double dx, double dy) {
        Coordinate c = Lks94.toGrid(24.0, 55.3);
        Coordinate p = Lks94.toWgs84(c.x + dx, c.y + dy);
        return String.format(Locale.ROOT, "[%.9f, %.9f]", p.x, p.y);
    }

    private static String ref(double dx, double dy, String d) {
        Coordinate c = Lks94.toGrid(24.0, 55.3);
        Coordinate p = Lks94.toWgs84(c.x + dx, c.y + dy);
        return String.format(Locale.ROOT, "{\"lon\": %.9f, \"lat\": %.9f, \"description\": \"%s\", \"ground_marked\": true}",
                p.x, p.y, d);
    }

    public static String minefieldJson(String name) {
        return "{\"kind\": \"minefield\", \"name\": \"" + name + "\", \"geometry\": {\"type\": \"Polygon\", "
                + "\"coordinates\": [[" + ll(-200, -50) + ", " + ll(200, -50) + ", " + ll(200, 50) + ", "
                + ll(-200, 50) + ", " + ll(-200, -50) + "]]}, \"reference_points\": [" + ref(-300, -150, "post SW")
                + ", " + ref(300, -150, "post SE") + "], \"devices\": [{\"type\": \"generic AT mine\", "
                + "\"category\": \"anti_tank\", \"count\": 120, \"fuze\": \"pressure\", \"self_destruct\": true, "
                + "\"active_life_days\": 365, \"anti_handling\": false}], \"emplacement\": \"buried\", "
                + "\"laid_at\": \"2026-05-04T10:00:00Z\", \"laying_unit\": \"test company\", \"order_ref\": \"O-1\", "
                + "\"custody\": \"battalion HQ\", \"cost_eur\": 1200000, \"budget_line\": \"counter_mobility\"}";
    }

    public static String ditchJson(String name) {
        return "{\"kind\": \"ditch\", \"name\": \"" + name + "\", \"geometry\": {\"type\": \"LineString\", "
                + "\"coordinates\": [" + ll(-500, 1000) + ", " + ll(500, 1000) + "]}, \"length_m\": 1000, "
                + "\"width_m\": 6, \"depth_m\": 3, \"effect\": \"block\", \"delay_s\": {\"person\": 60, "
                + "\"vehicle\": 1800}, \"cost_eur\": 250000, \"budget_line\": \"counter_mobility\", \"year\": 2027}";
    }

    public static ObstacleField minefield(String name) {
        return ObstacleJson.read(minefieldJson(name));
    }

    public static ObstacleField ditch(String name) {
        return ObstacleJson.read(ditchJson(name));
    }
}
