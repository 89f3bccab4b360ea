package org.skydas.sim.script;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.linearref.LengthIndexedLine;
import org.skydas.geo.Lks94;
import org.skydas.model.Asset;
import org.skydas.model.AssetType;
import org.skydas.model.BorderLine;
import org.skydas.model.Neighbour;
import org.skydas.model.Scenario;
import org.skydas.model.Zone;
import org.skydas.model.ZoneKind;

/**
 * The built-in script of the Lithuania demo, placed on the scenario's real border lines so that every crossing
 * really crosses them: a foot group crossing from Belarus past an example radar tower, a vehicle column coming in
 * from Belarus and driving to the Suwałki Gap observation post, a drone broadcasting Remote ID past the Remote ID
 * receiver and a dark drone over a radar (one from Kaliningrad, one from Belarus: whichever border is nearer the
 * receiver gets the broadcasting one; the dark one flies over a radar or into the Suwałki Gap), a friendly foot patrol along the Belarus border, wandering animals, radar
 * clutter and background traffic. One hour of simulated time.
 */
public final class DemoScript {

    public static final long DEFAULT_SEED = 20_261_127L;
    public static final Instant DEFAULT_START = Instant.parse("2026-11-27T04:00:00Z");
    static final double DURATION_S = 3600;

    private final Scenario scenario;
    private final PreparedGeometry inside;
    private final GeometryFactory gf = Lks94.GRID;

    private DemoScript(Scenario scenario) {
        this.scenario = scenario;
        Geometry territory = scenario.zones().stream().filter(z -> z.kind() == ZoneKind.NATIONAL_TERRITORY)
                .map(Zone::geometry).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the scenario has no national_territory zone"));
        inside = PreparedGeometryFactory.prepare(territory);
    }

    public static SimScript build(Scenario scenario) {
        return build(scenario, DEFAULT_SEED, DEFAULT_START);
    }

    public static SimScript build(Scenario scenario, long seed, Instant start) {
        return new DemoScript(scenario).script(seed, start);
    }

    private SimScript script(long seed, Instant start) {
        List<ScriptTarget> targets = new ArrayList<>();
        List<ScriptPatrol> patrols = new ArrayList<>();
        List<FalseAlarmSource> falseAlarms = new ArrayList<>();
        List<Asset> radars = scenario.assets().stream().filter(a -> a.type() == AssetType.RADAR)
                .filter(a -> nearestBorder(a.geometry().getCentroid().getCoordinate()).neighbour() == Neighbour.BY).toList();
        Coordinate towerForFoot = radars.size() > 1 ? point(radars.get(1)) : radars.isEmpty()
                ? grid(24.0, 54.0) : point(radars.get(0));

        // Foot group: across the Belarus border next to a radar tower, then into the forest (slower). It starts
        // close enough to cross about five simulated minutes in: within the demo's first minute at 10x speed.
        Crossing foot = crossing(Neighbour.BY, towerForFoot, 350, 2_000);
        targets.add(new ScriptTarget("foot-group-1", ObjectKind.PERSON, 6, 10.0, null, null,
                List.of(wp(foot.outside, 1.2), wp(foot.border, 1.0), wp(foot.inside, null))));

        // Vehicle column: in from Belarus near the tripoint, then to the Suwałki Gap observation post.
        Coordinate gapAnchor = scenario.assets().stream().filter(a -> a.type() == AssetType.OBSERVATION_POST)
                .map(DemoScript::point).findFirst().orElse(grid(23.25, 54.2));
        Crossing gap = crossing(Neighbour.PL, gapAnchor, 0, 1_500);
        Crossing entry = crossing(Neighbour.BY, grid(23.6, 54.0), 3_000, 1_000);
        for (int i = 0; i < 5; i++) {
            targets.add(new ScriptTarget("vehicle-column-" + (i + 1), ObjectKind.VEHICLE, 1, 300.0 + 25 * i, null,
                    null, List.of(wp(entry.outside, 12.0), wp(entry.border, null), wp(entry.inside, null),
                    wp(gap.inside, null))));
        }

        // Drones: the one from the border nearer the Remote ID receiver broadcasts and passes over it.
        Coordinate receiver = scenario.assets().stream().filter(a -> a.type() == AssetType.REMOTE_ID_RECEIVER)
                .map(DemoScript::point).findFirst().orElse(gapAnchor);
        Neighbour lit = distance(Neighbour.RU, receiver) <= distance(Neighbour.BY, receiver) ? Neighbour.RU : Neighbour.BY;
        Neighbour dark = lit == Neighbour.RU ? Neighbour.BY : Neighbour.RU;
        Crossing litCross = crossing(lit, receiver, 3_000, 500);
        targets.add(new ScriptTarget("drone-remote-id", ObjectKind.DRONE, 1, 600.0, 120.0,
                new RemoteIdSpec("1596F3C9A2B74E0D8811", "LTU87astrdge12k8"),
                contains(beyond(litCross.border, receiver, 5_000))
                        ? List.of(wp(litCross.outside, 18.0), wp(litCross.border, null), wp(receiver, null),
                        wp(beyond(litCross.border, receiver, 5_000), null))
                        : List.of(wp(litCross.outside, 18.0), wp(litCross.border, null), wp(receiver, null))));
        targets.add(darkDrone(dark, radars, gapAnchor));
        radarDrone(radars).ifPresent(targets::add);

        // Friendly foot patrol walking along the border near the crossing, 800 m inside.
        Coordinate a = alongBorder(foot, -2_500, 800);
        Coordinate b = alongBorder(foot, 2_500, 800);
        patrols.add(new ScriptPatrol("patrol-1", "VSAT Patrol 1", "Cyan", 0.0, 10.0,
                List.of(wp(a, 1.5), wp(b, null), wp(a, null))));

        // Wildlife near the tower, and ground clutter.
        Coordinate animals = alongBorder(foot, 3_000, 2_000);
        Coordinate animalsW = Lks94.toWgs84(animals.x, animals.y);
        falseAlarms.add(new FalseAlarmSource("animals-1", FalseAlarmSource.Kind.ANIMALS, round(animalsW.x),
                round(animalsW.y), 1_500, 4, 1.2, null));
        Coordinate clutter = alongBorder(foot, -3_000, 3_000);
        Coordinate clutterW = Lks94.toWgs84(clutter.x, clutter.y);
        falseAlarms.add(new FalseAlarmSource("clutter-1", FalseAlarmSource.Kind.CLUTTER, round(clutterW.x),
                round(clutterW.y), 1_000, null, null, 30.0));

        return new SimScript("Lithuania border demo", seed, start, DURATION_S, 1, targets, patrols, falseAlarms,
                new Background(3, 2, 23.45, 54.15, 23.85, 54.45));
    }

    /**
     * The demo's SAPIENT sensor nodes on the Belarus border, where the earliest drone from Belarus crosses: a
     * counter-drone radar 1.5 km inside the border facing it (a 140° sector, 6 km) and an RF detector 1 km inside
     * (all round, 4 km), 700 m to either side of the drone's way in. Empty when no drone of {@code script} comes
     * from Belarus.
     */
    public static List<SapientNodeSpec> sapientNodes(Scenario scenario, SimScript script) {
        return new DemoScript(scenario).sapientNodes(script);
    }

    private List<SapientNodeSpec> sapientNodes(SimScript script) {
        ScriptTarget drone = null;
        for (ScriptTarget t : script.targets()) {
            if (t.kind() != ObjectKind.DRONE || t.route().size() < 3) {
                continue;
            }
            Coordinate first = grid(t.route().get(0).lon(), t.route().get(0).lat());
            if (nearestBorder(first).neighbour() == Neighbour.BY && (drone == null || t.startS() < drone.startS())) {
                drone = t;
            }
        }
        if (drone == null) {
            return List.of();
        }
        Coordinate outside = grid(drone.route().get(0).lon(), drone.route().get(0).lat());
        Coordinate border = grid(drone.route().get(1).lon(), drone.route().get(1).lat());
        double dx = border.x - outside.x;
        double dy = border.y - outside.y;
        double len = Math.max(1e-9, Math.hypot(dx, dy));
        Coordinate inward = new Coordinate(dx / len, dy / len);
        Coordinate along = new Coordinate(-inward.y, inward.x);
        Coordinate radar = offset(offset(border, inward, 1_500), along, 700);
        Coordinate rf = offset(offset(border, inward, 1_000), along, -700);
        // The radar faces the border: the way the drone comes from.
        double facing = Math.toDegrees(Math.atan2(-inward.x, -inward.y));
        Coordinate r = Lks94.toWgs84(radar.x, radar.y);
        Coordinate f = Lks94.toWgs84(rf.x, rf.y);
        return List.of(
                new SapientNodeSpec("sapient-radar-by-1", "Counter-drone radar BY-1", "CDR-BY1",
                        SapientNodeSpec.Kind.RADAR, round(r.x), round(r.y), 12, 6_000, facing - 70, facing + 70, 1.0, 15),
                new SapientNodeSpec("sapient-rf-by-1", "RF detector BY-1", "RF-BY1", SapientNodeSpec.Kind.RF_DETECTOR,
                        round(f.x), round(f.y), 8, 4_000, 0, 0, 2.0, 60));
    }

    /**
     * The demo's STANAG 4607 ground-surveillance radar on the Belarus border, where the foot group crosses: 2.5 km
     * inside the border and 1 km to the side of the group's way in, facing the border (a 120° sector, 10 km), so that
     * it sees the walkers approach on the Belarus side, cross and walk on. Empty when the script has no walkers.
     */
    public static List<GmtiRadarSpec> gmtiRadars(Scenario scenario, SimScript script) {
        return new DemoScript(scenario).gmtiRadars(script);
    }

    private List<GmtiRadarSpec> gmtiRadars(SimScript script) {
        ScriptTarget walkers = script.targets().stream()
                .filter(t -> t.kind() == ObjectKind.PERSON && t.route().size() >= 2)
                .min(Comparator.comparingDouble(ScriptTarget::startS)).orElse(null);
        if (walkers == null) {
            return List.of();
        }
        Coordinate outside = grid(walkers.route().get(0).lon(), walkers.route().get(0).lat());
        Coordinate border = grid(walkers.route().get(1).lon(), walkers.route().get(1).lat());
        double len = Math.max(1e-9, Math.hypot(border.x - outside.x, border.y - outside.y));
        Coordinate inward = new Coordinate((border.x - outside.x) / len, (border.y - outside.y) / len);
        Coordinate along = new Coordinate(-inward.y, inward.x);
        Coordinate site = offset(offset(border, inward, 2_500), along, 1_000);
        double facing = Math.toDegrees(Math.atan2(-inward.x, -inward.y));
        Coordinate w = Lks94.toWgs84(site.x, site.y);
        return List.of(new GmtiRadarSpec("gsr-by-1", "Ground-surveillance radar BY-1", 4_607, round(w.x),
                round(w.y), 10, 10_000, facing - 60, facing + 60, 4.0, 10, 0.3));
    }

    /**
     * The demo's camera that reports as an ONVIF camera (object analytics with geolocation) rather than as JSON
     * detections: the scenario camera nearest to where the foot group crosses the border. Empty without walkers or
     * cameras.
     */
    public static List<String> onvifCameras(Scenario scenario, SimScript script) {
        return new DemoScript(scenario).onvifCameras(script);
    }

    private List<String> onvifCameras(SimScript script) {
        Optional<ScriptTarget> walkers = script.targets().stream()
                .filter(t -> t.kind() == ObjectKind.PERSON && t.route().size() >= 2)
                .min(Comparator.comparingDouble(ScriptTarget::startS));
        if (walkers.isEmpty()) {
            return List.of();
        }
        Coordinate border = grid(walkers.get().route().get(1).lon(), walkers.get().route().get(1).lat());
        return scenario.assets().stream()
                .filter(a -> a.type() == AssetType.EO_IR_CAMERA || a.type() == AssetType.THERMAL_CAMERA)
                .filter(a -> a.sensor() != null && a.geometry() instanceof org.locationtech.jts.geom.Point)
                .min(Comparator.comparingDouble(a -> point(a).distance(border))).map(a -> List.of(a.id()))
                .orElse(List.of());
    }

    /**
     * The dark drone: over the first radar within 10 km of its border where the border runs straight enough for a
     * clean crossing, else into the Suwałki Gap over the observation post (a drone from Kaliningrad scouting the
     * gap), else 8 km straight in over dry land. It sets off early enough to cross in the demo's first minute.
     */
    private ScriptTarget darkDrone(Neighbour dark, List<Asset> radars, Coordinate gapAnchor) {
        List<Coordinate> anchors = new ArrayList<>(radars.stream().map(DemoScript::point)
                .filter(c -> distance(dark, c) < 10_000)
                .sorted(Comparator.comparingDouble(c -> distance(dark, c))).toList());
        anchors.add(gapAnchor);
        Optional<AnchoredCrossing> over = droneCrossing(dark, anchors);
        if (over.isPresent()) {
            Coordinate anchor = over.get().anchor();
            Crossing c = over.get().crossing();
            Coordinate end = beyond(c.border, anchor, 3_000);
            return new ScriptTarget("drone-dark", ObjectKind.DRONE, 1, 200.0, 80.0, null, contains(end)
                    ? List.of(wp(c.outside, 20.0), wp(c.border, null), wp(anchor, null), wp(end, null))
                    : List.of(wp(c.outside, 20.0), wp(c.border, null), wp(anchor, null)));
        }
        // Nowhere near an anchor is the border straight enough: use a dry-land stretch.
        Crossing c = crossing(dark, dark == Neighbour.RU ? grid(22.75, 54.46) : grid(25.5, 54.3), 3_000, 8_000);
        return new ScriptTarget("drone-dark", ObjectKind.DRONE, 1, 200.0, 80.0, null,
                List.of(wp(c.outside, 20.0), wp(c.border, null), wp(c.inside, null)));
    }

    /**
     * A second dark drone, from Belarus over a Belarus-border radar tower, early in the run: the one a radar
     * sees (CAT048 plots with measured height), so that the demo shows a radar-tracked drone incursion within its
     * first minute. Empty when no tower stands where the border runs straight enough.
     */
    private Optional<ScriptTarget> radarDrone(List<Asset> radars) {
        return droneCrossing(Neighbour.BY, radars.stream().map(DemoScript::point).toList()).map(over -> {
            Coordinate tower = over.anchor();
            Crossing c = over.crossing();
            return new ScriptTarget("drone-dark-2", ObjectKind.DRONE, 1, 120.0, 80.0, null,
                    List.of(wp(c.outside, 20.0), wp(c.border, null), wp(tower, null),
                            wp(beyond(c.border, tower, 2_000), null)));
        });
    }

    /** A drone's way in across the border with {@code n} and the anchor it flies over. */
    private record AnchoredCrossing(Coordinate anchor, Crossing crossing) {
    }

    /**
     * The first anchor, in order, near which a drone can cross the border cleanly, coming from 1.5 km out, or from
     * closer where the border winds too much that far out; empty when none can.
     */
    private Optional<AnchoredCrossing> droneCrossing(Neighbour n, List<Coordinate> anchors) {
        for (Coordinate anchor : anchors) {
            for (double outside : new double[] {1_500, 1_000, 600}) {
                try {
                    return Optional.of(new AnchoredCrossing(anchor, crossing(n, anchor, outside, 500)));
                } catch (IllegalStateException e) {
                    // the border winds too much this far out: come in from closer, or try the next anchor
                }
            }
        }
        return Optional.empty();
    }

    /** A border crossing: a point {@code outsideM} beyond the border, the border point, a point {@code insideM} in. */
    record Crossing(Coordinate outside, Coordinate border, Coordinate inside, Coordinate inward, Coordinate along) {
    }

    /**
     * A crossing near the point of the border with {@code n} nearest to {@code near}, square to the border. Rivers
     * make the line wind, so nearby points along it and wider windows for its direction are tried in turn until
     * the outside point is outside Lithuania and the inside point inside.
     */
    Crossing crossing(Neighbour n, Coordinate near, double outsideM, double insideM) {
        // One part of the line: a length index over all parts would jump between distant parts when shifted.
        Geometry lines = border(n).geometry();
        Geometry part = lines.getGeometryN(0);
        for (int i = 1; i < lines.getNumGeometries(); i++) {
            if (lines.getGeometryN(i).distance(gf.createPoint(near)) < part.distance(gf.createPoint(near))) {
                part = lines.getGeometryN(i);
            }
        }
        LengthIndexedLine li = new LengthIndexedLine(part);
        double at0 = li.project(near);
        for (double shift : new double[] {0, 500, -500, 1_000, -1_000, 2_000, -2_000, 4_000, -4_000, 8_000, -8_000}) {
            double at = Math.max(li.getStartIndex(), Math.min(li.getEndIndex(), at0 + shift));
            for (double window : new double[] {300, 1_000, 2_500}) {
                Crossing c = tryCrossing(li, at, window, outsideM, insideM);
                if (c != null) {
                    return c;
                }
            }
        }
        throw new IllegalStateException("no clean crossing of the " + n + " border near " + near);
    }

    private Crossing tryCrossing(LengthIndexedLine li, double at, double window, double outsideM, double insideM) {
        Coordinate p = li.extractPoint(at);
        Coordinate a = li.extractPoint(Math.max(li.getStartIndex(), at - window));
        Coordinate b = li.extractPoint(Math.min(li.getEndIndex(), at + window));
        double dx = b.x - a.x;
        double dy = b.y - a.y;
        double len = Math.hypot(dx, dy);
        if (len == 0) {
            return null;
        }
        Coordinate along = new Coordinate(dx / len, dy / len);
        Coordinate normal = new Coordinate(-along.y, along.x);
        if (!contains(offset(p, normal, 150))) {
            normal = new Coordinate(-normal.x, -normal.y);
        }
        // Both ends must also keep most of their distance from the (winding) border line, not just its side.
        Coordinate out = offset(p, normal, -Math.max(outsideM, 150));
        Coordinate in = offset(p, normal, Math.max(insideM, 150));
        if (!contains(out) && contains(in) && contains(offset(p, normal, 150))
                && lineDistance(out) >= 0.6 * outsideM && lineDistance(in) >= 0.6 * insideM) {
            return new Crossing(outsideM == 0 ? p : out, p, in, normal, along);
        }
        return null;
    }

    private double lineDistance(Coordinate c) {
        return scenario.border().stream().mapToDouble(b -> b.geometry().distance(gf.createPoint(c))).min()
                .orElse(Double.POSITIVE_INFINITY);
    }

    private Coordinate alongBorder(Crossing c, double alongM, double inwardM) {
        Coordinate q = new Coordinate(c.border.x + c.along.x * alongM, c.border.y + c.along.y * alongM);
        return offset(q, c.inward, inwardM);
    }

    private static Coordinate beyond(Coordinate from, Coordinate via, double m) {
        double dx = via.x - from.x;
        double dy = via.y - from.y;
        double len = Math.max(1e-9, Math.hypot(dx, dy));
        return new Coordinate(via.x + dx / len * m, via.y + dy / len * m);
    }

    private BorderLine border(Neighbour n) {
        return scenario.border().stream().filter(b -> b.neighbour() == n).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the scenario has no border with " + n));
    }

    private BorderLine nearestBorder(Coordinate c) {
        return scenario.border().stream().min(Comparator.comparingDouble(b -> b.geometry().distance(gf.createPoint(c))))
                .orElseThrow(() -> new IllegalArgumentException("the scenario has no border lines"));
    }

    private double distance(Neighbour n, Coordinate c) {
        return scenario.border().stream().filter(b -> b.neighbour() == n).mapToDouble(b -> b.geometry()
                .distance(gf.createPoint(c))).min().orElse(Double.POSITIVE_INFINITY);
    }

    private boolean contains(Coordinate c) {
        return inside.contains(gf.createPoint(c));
    }

    private static Coordinate offset(Coordinate p, Coordinate dir, double m) {
        return new Coordinate(p.x + dir.x * m, p.y + dir.y * m);
    }

    private static Coordinate point(Asset a) {
        return a.geometry().getCentroid().getCoordinate();
    }

    private static Coordinate grid(double lon, double lat) {
        return Lks94.toGrid(lon, lat);
    }

    private static Waypoint wp(Coordinate grid, Double speed) {
        Coordinate w = Lks94.toWgs84(grid.x, grid.y);
        return new Waypoint(round(w.x), round(w.y), speed);
    }

    private static double round(double deg) {
        return Math.round(deg * 1e6) / 1e6;
    }
}
