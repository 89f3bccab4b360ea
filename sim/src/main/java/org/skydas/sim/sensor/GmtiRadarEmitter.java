package org.skydas.sim.sensor;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.locationtech.jts.geom.Coordinate;
import org.skydas.geo.Lks94;
import org.skydas.model.Asset;
import org.skydas.model.AssetStatus;
import org.skydas.model.AssetType;
import org.skydas.model.SensorParameters;
import org.skydas.model.TargetClass;
import org.skydas.sim.Channel;
import org.skydas.sim.encode.Gmti4607Encoder;
import org.skydas.sim.motion.SimObject;
import org.skydas.sim.script.GmtiRadarSpec;
import org.skydas.sim.script.ObjectKind;

/**
 * A simulated STANAG 4607 ground-surveillance radar: each dwell one packet on {@link Channel#GMTI} with a target
 * report of every walker, vehicle or animal on the ground it detects (the shared detection model of
 * {@link SensorEmitter}), each with its line-of-sight velocity from the radar (with the radar's radial-velocity
 * noise) and a class (person, vehicle, animal; a group of walkers is one person report). No false alarms.
 */
public final class GmtiRadarEmitter extends SensorEmitter {

    /** Doppler ambiguity reported with every target: well above any ground target's speed. */
    static final double WRAP_MPS = 60;

    private final GmtiRadarSpec radar;
    private int dwellIndex;

    public GmtiRadarEmitter(GmtiRadarSpec radar, SplittableRandom random, Visibility visibility) {
        super(asset(radar), random, visibility, List.of());
        this.radar = radar;
    }

    static Asset asset(GmtiRadarSpec r) {
        Map<TargetClass, Double> range = new EnumMap<>(TargetClass.class);
        range.put(TargetClass.PERSON, r.rangeM());
        range.put(TargetClass.VEHICLE, r.rangeM());
        SensorParameters p = new SensorParameters(r.mastHeightM(), range, r.azimuthFromDeg(), r.azimuthToDeg(), -10, 10,
                0.9, 0.7, r.dwellPeriodS(), r.positionNoiseM(), 0);
        Coordinate g = Lks94.toGrid(r.lon(), r.lat());
        return new Asset(r.id(), r.name(), AssetType.RADAR, Lks94.GRID.createPoint(g), AssetStatus.OPERATIONAL, 0, 0,
                null, 2026, p, Map.of());
    }

    public GmtiRadarSpec radar() {
        return radar;
    }

    @Override
    protected boolean senses(SimObject o) {
        return super.senses(o) && o.kind() != ObjectKind.DRONE;
    }

    @Override
    protected boolean reportsFalseAlarms() {
        return false;
    }

    @Override
    protected void report(double t, List<Hit> hits, EmitContext ctx) {
        List<Gmti4607Encoder.Target> targets = new ArrayList<>(hits.size());
        for (Hit h : hits) {
            Coordinate w = Lks94.toWgs84(h.x(), h.y());
            // Radial velocity: the true velocity along the line from the radar to the target, plus noise.
            double dx = h.truth().x() - x;
            double dy = h.truth().y() - y;
            double d = Math.max(1e-6, Math.hypot(dx, dy));
            double radial = (h.truth().vx() * dx + h.truth().vy() * dy) / d
                    + radar.radialSigmaMps() * random.nextGaussian();
            int cls = switch (h.object().kind()) {
                case PERSON -> Gmti4607Encoder.CLASS_PERSON;
                case VEHICLE -> Gmti4607Encoder.CLASS_VEHICLE;
                case ANIMAL -> Gmti4607Encoder.CLASS_ANIMAL;
                case DRONE -> Gmti4607Encoder.CLASS_NONE;
            };
            targets.add(new Gmti4607Encoder.Target(w.y, w.x, h.heightM(), radial, WRAP_MPS, cls,
                    70 + random.nextInt(26), Math.max(1, radar.positionNoiseM()), Math.max(1, radar.positionNoiseM()),
                    10, Math.max(0.1, radar.radialSigmaMps())));
        }
        double span = ((radar.azimuthToDeg() - radar.azimuthFromDeg()) % 360 + 360) % 360;
        double half = span == 0 ? 180 : span / 2;
        double mid = Math.toRadians(radar.azimuthFromDeg() + half);
        double centreRange = span == 0 ? 0 : radar.rangeM() / 2;
        Coordinate centre = Lks94.toWgs84(x + centreRange * Math.sin(mid), y + centreRange * Math.cos(mid));
        Gmti4607Encoder.Sensor sensor = new Gmti4607Encoder.Sensor(radar.lat(), radar.lon(), radar.mastHeightM(),
                centre.y, centre.x, radar.rangeM() / 2000, Math.min(half, 179.99));
        ctx.send(t, radar.id(), Channel.GMTI, Gmti4607Encoder.packet(radar.id(), radar.platformNumber(), 1,
                dwellIndex / 65_536, dwellIndex % 65_536, ctx.timeAt(t), sensor, targets));
        dwellIndex++;
    }
}
