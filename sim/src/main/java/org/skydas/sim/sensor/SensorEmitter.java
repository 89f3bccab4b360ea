package org.skydas.sim.sensor;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.linearref.LengthIndexedLine;
import org.locationtech.jts.operation.distance.DistanceOp;
import org.skydas.model.Asset;
import org.skydas.model.SensorParameters;
import org.skydas.model.TargetClass;
import org.skydas.sim.motion.SimObject;
import org.skydas.sim.motion.Trajectory;

/**
 * The detection model shared by every sensor asset: once per scan, each object in the world that the sensor
 * can sense is detected when it is in range for its class, inside the azimuth sector, visible, and a draw falls
 * under Pd(range); the report carries Gaussian position noise of the sensor's one-sigma error. False alarms
 * arrive as a Poisson process at the sensor's rate (plus clutter), spread uniformly over its coverage.
 *
 * <p>A point sensor measures range and azimuth from its position; a line sensor (fence, seismic line) measures
 * the distance to its line and reports where along the line. Every random draw comes from the sensor's own split
 * of the seed, in world order, so a run is reproducible bit for bit.
 */
public abstract class SensorEmitter extends Emitter {

    /** One detection to report; {@code object} null for a false alarm. */
    protected record Hit(SimObject object, Trajectory.State truth, double x, double y, double heightM,
                         double alongLineM) {
    }

    protected final Asset asset;
    protected final SensorParameters sensor;
    protected final SplittableRandom random;
    protected final double x;
    protected final double y;
    private final LineString line;
    private final LengthIndexedLine lineIndex;
    private final Visibility visibility;
    private final double maxRangeM;
    private final double clutterPerHour;
    private final List<double[]> clutterDiscs;

    protected SensorEmitter(Asset asset, SplittableRandom random, Visibility visibility, List<double[]> clutter) {
        super(random.nextDouble() * period(asset), period(asset));
        this.asset = asset;
        this.sensor = asset.sensor();
        this.random = random;
        this.visibility = visibility;
        Geometry g = asset.geometry();
        if (g instanceof Lineal && g.getNumGeometries() >= 1 && g.getGeometryN(0) instanceof LineString ls) {
            line = ls;
            lineIndex = new LengthIndexedLine(ls);
        } else {
            line = null;
            lineIndex = null;
        }
        Coordinate c = line != null ? line.getCoordinateN(0) : g.getCentroid().getCoordinate();
        x = c.x;
        y = c.y;
        maxRangeM = sensor.rangeM().values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        // Clutter discs ({x, y, r, perHour}) this sensor covers add to its own false-alarm rate.
        List<double[]> mine = new ArrayList<>();
        double extra = 0;
        for (double[] d : clutter) {
            if (line == null && Math.hypot(d[0] - x, d[1] - y) - d[2] <= maxRangeM) {
                mine.add(d);
                extra += d[3];
            }
        }
        clutterDiscs = mine;
        clutterPerHour = extra;
    }

    private static double period(Asset a) {
        return a.sensor().scanPeriodS() > 0 ? a.sensor().scanPeriodS() : 1.0;
    }

    @Override
    public String id() {
        return asset.id();
    }

    public Asset asset() {
        return asset;
    }

    /** Whether this kind of sensor senses the object at all (e.g. Remote ID: only broadcasting drones). */
    protected boolean senses(SimObject o) {
        return !o.friendly();
    }

    /** Whether this sensor reports false alarms (a Remote ID receiver hears only real broadcasts). */
    protected boolean reportsFalseAlarms() {
        return true;
    }

    @Override
    protected final void emit(double t, EmitContext ctx) {
        List<Hit> hits = new ArrayList<>();
        for (SimObject o : ctx.objects()) {
            if (!o.trajectory().activeAt(t) || !senses(o)) {
                continue;
            }
            Trajectory.State s = o.trajectory().stateAt(t);
            TargetClass cls = o.targetClass();
            double range;
            double along = Double.NaN;
            if (line != null) {
                Coordinate p = new Coordinate(s.x(), s.y());
                range = DistanceOp.distance(line, line.getFactory().createPoint(p));
                along = lineIndex.project(p);
            } else {
                range = Math.hypot(s.x() - x, s.y() - y);
                double az = Math.toDegrees(Math.atan2(s.x() - x, s.y() - y));
                if (!sensor.inAzimuthSector(az < 0 ? az + 360 : az)) {
                    continue;
                }
            }
            double pd = sensor.pdAt(cls, range);
            if (pd <= 0 || (line == null && !visibility.visible(x, y, sensor.mastHeightM(), s.x(), s.y(), o.heightM()))) {
                continue;
            }
            if (random.nextDouble() >= pd) {
                continue;
            }
            double sigma = sensor.positionNoiseM();
            double nx = sigma * random.nextGaussian();
            double ny = sigma * random.nextGaussian();
            hits.add(new Hit(o, s, s.x() + nx, s.y() + ny, o.heightM(), line != null ? along + nx : Double.NaN));
        }
        if (reportsFalseAlarms()) {
            falseAlarms(hits);
        }
        for (Hit h : hits) {
            ctx.truth().accept(new SimDetection(t, asset.id(), h.object() == null ? null : h.object().id(), h.x(), h.y()));
        }
        report(t, hits, ctx);
    }

    private void falseAlarms(List<Hit> hits) {
        double mean = (sensor.falseAlarmsPerHour() + clutterPerHour) * periodS() / 3600.0;
        int k = poisson(mean);
        for (int i = 0; i < k; i++) {
            double u = random.nextDouble() * (sensor.falseAlarmsPerHour() + clutterPerHour);
            double[] p = null;
            double acc = sensor.falseAlarmsPerHour();
            if (u >= acc) {
                for (double[] d : clutterDiscs) {
                    acc += d[3];
                    if (u < acc) {
                        p = pointInDisc(d[0], d[1], d[2]);
                        break;
                    }
                }
            }
            if (p == null) {
                p = coveragePoint();
            }
            if (p != null) {
                hits.add(new Hit(null, null, p[0], p[1], 0, p.length > 2 ? p[2] : Double.NaN));
            }
        }
    }

    /** A uniform point of the sensor's coverage (sector of its largest range, or along its line). */
    private double[] coveragePoint() {
        if (line != null) {
            double along = random.nextDouble() * line.getLength();
            Coordinate c = lineIndex.extractPoint(along);
            return new double[] {c.x, c.y, along};
        }
        if (maxRangeM <= 0) {
            return null;
        }
        double span = ((sensor.azimuthToDeg() - sensor.azimuthFromDeg()) % 360 + 360) % 360;
        if (span == 0) {
            span = 360;
        }
        double az = Math.toRadians(sensor.azimuthFromDeg() + random.nextDouble() * span);
        double d = maxRangeM * Math.sqrt(random.nextDouble());
        return new double[] {x + d * Math.sin(az), y + d * Math.cos(az)};
    }

    private double[] pointInDisc(double cx, double cy, double r) {
        double a = random.nextDouble() * 2 * Math.PI;
        double d = r * Math.sqrt(random.nextDouble());
        return new double[] {cx + d * Math.sin(a), cy + d * Math.cos(a)};
    }

    /** Knuth's method: the means here are far below 1 per scan. */
    private int poisson(double mean) {
        if (mean <= 0) {
            return 0;
        }
        double limit = Math.exp(-Math.min(mean, 500));
        double p = 1;
        int k = -1;
        do {
            k++;
            p *= random.nextDouble();
        } while (p > limit && k < 10_000);
        return k;
    }

    /** Turns this scan's hits into protocol messages. */
    protected abstract void report(double t, List<Hit> hits, EmitContext ctx);
}
