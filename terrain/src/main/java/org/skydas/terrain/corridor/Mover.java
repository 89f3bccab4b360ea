package org.skydas.terrain.corridor;

import java.util.Locale;
import java.util.Map;

import org.skydas.model.TargetClass;

/**
 * Who moves along a corridor, and what slows or stops them. {@code foot} walks with GRASS r.walk's
 * slope model (Langmuir's coefficients); {@code vehicle} (wheeled) and {@code tracked} drive at a
 * constant off-road speed up to a slope limit (steeper cells are impassable); {@code drone} flies low
 * at a constant speed that terrain and ground obstacles do not change.
 *
 * <p>Obstacle defaults, seconds to cross one once ({@code null}: impassable for that mover):
 * <pre>
 * kind            foot  vehicle tracked drone
 * ditch            120     -      600     0
 * dragons_teeth     30     -       -      0
 * barrier          300     -      900     0
 * fence            180    600      60     0
 * obstacle_belt    900     -     1800     0
 * river           1800     -       -      0   (the --water layers' lines; a road across one is a bridge)
 * lake               -     -       -      0   (the --water layers' polygons)
 * planted_forest   +0.5 s/m  -   +1 s/m   0   (an area: extra seconds per metre inside it)
 * </pre>
 * A feature's own {@code delay_s} or {@code passable: false} overrides the default.
 *
 * <p>Land cover ({@code --landcover}), for the walker extra seconds per metre added to r.walk's time
 * (its friction, lambda 1), for the others a factor on the off-road time per cell ({@code -}: impassable):
 * <pre>
 * cover      foot     vehicle  tracked  drone
 * farmland   +0       x1       x1       x1
 * forest     +0.4     x4       x1.5     x1
 * wetland    +1.5      -       x3       x1
 * water        -       -        -       x1
 * built-up   +0       x0.75    x1       x1
 * road       +0       60 km/h  40 km/h  x1   (--roads lines; over land cover, water and slope limits)
 * </pre>
 * Cells without a land-cover class count as farmland.
 */
public enum Mover {
    FOOT(0, Double.NaN, TargetClass.PERSON, new Double[] {120.0, 30.0, 300.0, 180.0, 900.0, 1800.0, null, 0.5},
            new double[] {0, 0.4, 1.5, Double.NaN, 0}, 0),
    VEHICLE(30 / 3.6, 0.30, TargetClass.VEHICLE, new Double[] {null, null, null, 600.0, null, null, null, null},
            new double[] {1, 4, Double.NaN, Double.NaN, 0.75}, 60 / 3.6),
    TRACKED(20 / 3.6, 0.60, TargetClass.VEHICLE, new Double[] {600.0, null, 900.0, 60.0, 1800.0, null, null, 1.0},
            new double[] {1, 1.5, 3, Double.NaN, 1}, 40 / 3.6),
    DRONE(54 / 3.6, Double.NaN, TargetClass.DRONE_50M, new Double[] {0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0},
            new double[] {1, 1, 1, 1, 1}, Double.NaN);

    /** Obstacle kinds, in the order of the delay tables; the area kind (planted forest) last. */
    public static final String[] KINDS = {"ditch", "dragons_teeth", "barrier", "fence", "obstacle_belt", "river",
        "lake", "planted_forest"};

    private static final Map<String, Integer> KIND_INDEX = Map.of("ditch", 0, "dragons_teeth", 1, "barrier", 2,
            "fence", 3, "obstacle_belt", 4, "river", 5, "lake", 6, "planted_forest", 7);

    private final double speedMps;
    private final double maxSlope;
    private final TargetClass target;
    private final Double[] delays;
    private final double[] cover;
    private final double roadSpeedMps;

    Mover(double speedMps, double maxSlope, TargetClass target, Double[] delays, double[] cover, double roadSpeedMps) {
        this.speedMps = speedMps;
        this.maxSlope = maxSlope;
        this.target = target;
        this.delays = delays;
        this.cover = cover;
        this.roadSpeedMps = roadSpeedMps;
    }

    /**
     * What a land-cover class does to this mover: extra seconds per metre for the walker, a factor on
     * the off-road time per cell for the others; NaN: impassable.
     */
    public double coverFriction(Cover c) {
        return cover[c.ordinal()];
    }

    /** Speed on a road (m/s); 0 for the walker (r.walk's own pace, no friction); NaN: roads change nothing. */
    public double roadSpeedMps() {
        return roadSpeedMps;
    }

    public static Mover parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown mover '" + s + "' (foot, vehicle, tracked or drone)");
        }
    }

    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True for the r.walk model, false for constant speed. */
    public boolean walks() {
        return this == FOOT;
    }

    /** Off-road speed (m/s) of the constant-speed movers. */
    public double speedMps() {
        return speedMps;
    }

    /** Steepest passable gradient (rise over run), NaN when there is no limit. */
    public double maxSlope() {
        return maxSlope;
    }

    /** The coverage target class that stands for this mover when asking whether a sensor sees it. */
    public TargetClass target() {
        return target;
    }

    /** True when ground obstacles affect this mover at all. */
    public boolean feelsObstacles() {
        return this != DRONE;
    }

    /** Is {@code kind} one Skydas knows? */
    public static boolean knownKind(String kind) {
        return KIND_INDEX.containsKey(kind);
    }

    /**
     * Default seconds to cross an obstacle of {@code kind} once (for {@code planted_forest}: extra
     * seconds per metre inside), or null when it stops this mover.
     */
    public Double defaultDelay(String kind) {
        Integer i = KIND_INDEX.get(kind);
        if (i == null) {
            throw new IllegalArgumentException("unknown obstacle kind '" + kind + "' (one of "
                    + String.join(", ", KINDS) + ")");
        }
        return delays[i];
    }
}
