package org.skydas.sim.motion;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.locationtech.jts.geom.Coordinate;
import org.skydas.geo.Lks94;
import org.skydas.model.TargetClass;
import org.skydas.sim.script.Background;
import org.skydas.sim.script.FalseAlarmSource;
import org.skydas.sim.script.ObjectKind;
import org.skydas.sim.script.RemoteIdSpec;
import org.skydas.sim.script.ScriptPatrol;
import org.skydas.sim.script.ScriptTarget;
import org.skydas.sim.script.SimScript;
import org.skydas.sim.script.Waypoint;

/**
 * Turns a script into the objects of the world, in script order: targets, patrols, animals, background.
 * Random routes (animals, background) are drawn here, once, from their own split of the seed, so adding a
 * sensor never changes how anything moves.
 */
public final class WorldBuilder {

    private WorldBuilder() {
    }

    public static List<SimObject> build(SimScript script, SplittableRandom motionRandom) {
        List<SimObject> out = new ArrayList<>();
        for (ScriptTarget t : script.targets()) {
            double h = t.kind() == ObjectKind.DRONE ? t.altitudeM()
                    : t.kind() == ObjectKind.VEHICLE ? TargetClass.VEHICLE.defaultHeightM() : TargetClass.PERSON.defaultHeightM();
            out.add(new SimObject(t.id(), t.kind(), t.groupSize(), h, t.remoteId(), false, null, null, 0,
                    trajectory(t.startS(), t.route())));
        }
        for (ScriptPatrol p : script.patrols()) {
            out.add(new SimObject(p.id(), ObjectKind.PERSON, 1, TargetClass.PERSON.defaultHeightM(), null, true,
                    p.callsign(), p.team(), p.reportPeriodS(), trajectory(p.startS(), p.route())));
        }
        for (FalseAlarmSource f : script.falseAlarms()) {
            if (f.kind() != FalseAlarmSource.Kind.ANIMALS) {
                continue;
            }
            Coordinate c = Lks94.toGrid(f.lon(), f.lat());
            SplittableRandom r = motionRandom.split();
            for (int i = 0; i < f.count(); i++) {
                out.add(new SimObject(f.id() + "-" + (i + 1), ObjectKind.ANIMAL, 1, 1.0, null, false, null, null, 0,
                        wander(r, c.x, c.y, f.radiusM(), 0.3 * f.speedMps(), f.speedMps(), 0, script.durationS())));
            }
        }
        Background b = script.background();
        SplittableRandom r = motionRandom.split();
        for (int i = 0; i < b.vehicles() + b.drones(); i++) {
            boolean drone = i >= b.vehicles();
            double lon = b.lonMin() + r.nextDouble() * (b.lonMax() - b.lonMin());
            double lat = b.latMin() + r.nextDouble() * (b.latMax() - b.latMin());
            Coordinate c = Lks94.toGrid(lon, lat);
            Coordinate lo = Lks94.toGrid(b.lonMin(), b.latMin());
            Coordinate hi = Lks94.toGrid(b.lonMax(), b.latMax());
            double radius = 0.5 * Math.min(Math.abs(hi.x - lo.x), Math.abs(hi.y - lo.y));
            String id = (drone ? "bg-drone-" : "bg-vehicle-") + (i + 1);
            double start = r.nextDouble() * 0.25 * script.durationS();
            Trajectory shifted = wander(r, c.x, c.y, radius, drone ? 5 : 10, drone ? 15 : 25, start, script.durationS());
            out.add(drone
                    ? new SimObject(id, ObjectKind.DRONE, 1, 40 + r.nextDouble() * 80,
                    new RemoteIdSpec(String.format("SKYDASBG%012d", i + 1), null), false, null, null, 0, shifted)
                    : new SimObject(id, ObjectKind.VEHICLE, 1, TargetClass.VEHICLE.defaultHeightM(), null, false,
                    null, null, 0, shifted));
        }
        return out;
    }

    /** A scripted route projected to the grid; a missing leg speed keeps the previous one. */
    public static Trajectory trajectory(double startS, List<Waypoint> route) {
        int n = route.size();
        double[] xs = new double[n];
        double[] ys = new double[n];
        double[] speeds = new double[n];
        double speed = 1;
        for (int i = 0; i < n; i++) {
            Waypoint w = route.get(i);
            Coordinate c = Lks94.toGrid(w.lon(), w.lat());
            xs[i] = c.x;
            ys[i] = c.y;
            speed = w.speedMps() != null ? w.speedMps() : speed;
            speeds[i] = speed;
        }
        return new Trajectory(startS, xs, ys, speeds);
    }

    /** Random legs inside a circle from {@code startS} until {@code endS} is covered, from a random point. */
    static Trajectory wander(SplittableRandom r, double cx, double cy, double radius, double minSpeed,
                             double maxSpeed, double startS, double endS) {
        List<double[]> pts = new ArrayList<>();
        List<Double> speeds = new ArrayList<>();
        double t = startS;
        double[] p = pointInDisc(r, cx, cy, radius);
        pts.add(p);
        while (t < endS && pts.size() < 10_000) {
            double[] q = pointInDisc(r, cx, cy, radius);
            double v = minSpeed + r.nextDouble() * (maxSpeed - minSpeed);
            speeds.add(v);
            t += Math.max(1e-3, Math.hypot(q[0] - p[0], q[1] - p[1])) / v;
            pts.add(q);
            p = q;
        }
        speeds.add(minSpeed);
        double[] xs = new double[pts.size()];
        double[] ys = new double[pts.size()];
        double[] sp = new double[pts.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = pts.get(i)[0];
            ys[i] = pts.get(i)[1];
            sp[i] = speeds.get(i);
        }
        return new Trajectory(startS, xs, ys, sp);
    }

    private static double[] pointInDisc(SplittableRandom r, double cx, double cy, double radius) {
        double a = r.nextDouble() * 2 * Math.PI;
        double d = radius * Math.sqrt(r.nextDouble());
        return new double[] {cx + d * Math.sin(a), cy + d * Math.cos(a)};
    }
}
