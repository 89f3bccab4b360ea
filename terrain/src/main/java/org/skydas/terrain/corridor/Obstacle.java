package org.skydas.terrain.corridor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.locationtech.jts.geom.Geometry;
import org.skydas.model.Asset;
import org.skydas.model.AssetStatus;
import org.skydas.model.Scenario;

/**
 * An obstacle on the ground, in LKS-94: a line or polygon of a known {@code kind}, with its own
 * crossing delay or {@code passable: false} when the source says so (null: the mover's default).
 * Obstacles are recorded so planners can see what time they buy; nothing here makes them deadlier.
 */
public record Obstacle(String id, String kind, Geometry geometry, Double delayS, Boolean passable) {

    public Obstacle {
        if (!Mover.knownKind(kind)) {
            throw new IllegalArgumentException("obstacle '" + id + "': unknown kind '" + kind + "' (one of "
                    + String.join(", ", Mover.KINDS) + ")");
        }
        if (delayS != null && !(delayS >= 0 && Double.isFinite(delayS))) {
            throw new IllegalArgumentException("obstacle '" + id + "': delay_s must be a number >= 0, got " + delayS);
        }
        if (geometry == null || geometry.isEmpty()) {
            throw new IllegalArgumentException("obstacle '" + id + "': empty geometry");
        }
    }

    /** True for kinds that are areas to move through (extra seconds per metre inside), not lines to cross. */
    public boolean isArea() {
        return "planted_forest".equals(kind);
    }

    /** Seconds to cross once for {@code mover} (per metre inside for planted forest), or null: impassable. */
    public Double delayFor(Mover mover) {
        if (!mover.feelsObstacles()) {
            return 0.0;
        }
        if (Boolean.FALSE.equals(passable)) {
            return null;
        }
        return delayS != null ? delayS : mover.defaultDelay(kind);
    }

    /** From GeoJSON properties ({@code kind}, optional {@code delay_s}, {@code passable}). */
    public static Obstacle of(String id, Geometry grid, Map<String, Object> props) {
        Object kind = props.get("kind");
        if (!(kind instanceof String k)) {
            throw new IllegalArgumentException("obstacle '" + id + "': property 'kind' is missing");
        }
        Object d = props.get("delay_s");
        Double delay = null;
        if (d != null) {
            if (!(d instanceof Number n)) {
                throw new IllegalArgumentException("obstacle '" + id + "': delay_s is not a number");
            }
            delay = n.doubleValue();
        }
        Object p = props.get("passable");
        if (p != null && !(p instanceof Boolean)) {
            throw new IllegalArgumentException("obstacle '" + id + "': passable must be true or false");
        }
        return new Obstacle(id, k.trim().toLowerCase(Locale.ROOT), grid, delay, (Boolean) p);
    }

    /** The scenario's obstacle assets that are not decommissioned (planned ones too: PLAN asks "what if"). */
    public static List<Obstacle> fromScenario(Scenario s) {
        List<Obstacle> out = new ArrayList<>();
        for (Asset a : s.assets()) {
            if (a.status() == AssetStatus.DECOMMISSIONED) {
                continue;
            }
            String kind = switch (a.type()) {
                case ANTI_VEHICLE_DITCH -> "ditch";
                case DRAGON_TEETH -> "dragons_teeth";
                case BARRIER_FENCE -> "fence";
                case OBSTACLE_BELT -> "obstacle_belt";
                case REFORESTATION_AREA -> "planted_forest";
                default -> null;
            };
            if (kind != null && a.geometry() != null && !a.geometry().isEmpty()) {
                Object d = a.params().get("delay_s");
                Object p = a.params().get("passable");
                out.add(new Obstacle(a.id(), kind, a.geometry(), d instanceof Number n ? n.doubleValue() : null,
                        p instanceof Boolean b ? b : null));
            }
        }
        return out;
    }
}
