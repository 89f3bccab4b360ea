package org.skydas.sim.sensor;

import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.locationtech.jts.geom.Coordinate;
import org.skydas.geo.Lks94;
import org.skydas.model.Asset;
import org.skydas.model.AssetStatus;
import org.skydas.model.AssetType;
import org.skydas.model.SensorParameters;
import org.skydas.model.TargetClass;
import org.skydas.sim.Channel;
import org.skydas.sim.encode.SapientEncoder;
import org.skydas.sim.motion.SimObject;
import org.skydas.sim.script.ObjectKind;
import org.skydas.sim.script.SapientNodeSpec;

/**
 * A simulated SAPIENT sensor node (a counter-drone radar or a passive RF detector): at its first scan it registers,
 * then reports its status every {@link #STATUS_PERIOD_S} and, each scan, a detection report of every drone it sees
 * (the same object id for the same drone: the node tracks). An RF detector also raises one alert of its own per
 * drone it first hears. It senses drones only and reports no false alarms (the detection model is the shared one of
 * {@link SensorEmitter}).
 */
public final class SapientNodeEmitter extends SensorEmitter {

    /** Seconds between status reports. */
    static final double STATUS_PERIOD_S = 5;

    private final SapientNodeSpec node;
    private final Map<String, String> objectIds = new HashMap<>();
    private final Set<String> alerted = new HashSet<>();
    private boolean registered;
    private double lastStatusS = Double.NEGATIVE_INFINITY;
    private long statusSeq;
    private long detectionSeq;
    private long alertSeq;

    public SapientNodeEmitter(SapientNodeSpec node, SplittableRandom random, Visibility visibility) {
        super(asset(node), random, visibility, List.of());
        this.node = node;
    }

    /** The node as a sensor asset for the shared detection model (not part of the scenario). */
    static Asset asset(SapientNodeSpec n) {
        Map<TargetClass, Double> range = new EnumMap<>(TargetClass.class);
        range.put(TargetClass.DRONE_50M, n.rangeM());
        range.put(TargetClass.DRONE_120M, n.rangeM());
        SensorParameters p = new SensorParameters(n.mastHeightM(), range, n.azimuthFromDeg(), n.azimuthToDeg(), -5, 60,
                0.95, 0.7, n.scanPeriodS(), n.positionNoiseM(), 0);
        Coordinate g = Lks94.toGrid(n.lon(), n.lat());
        return new Asset(n.id(), n.name(), n.kind() == SapientNodeSpec.Kind.RADAR ? AssetType.RADAR : AssetType.RF_DETECTOR,
                Lks94.GRID.createPoint(g), AssetStatus.OPERATIONAL, 0, 0, null, 2026, p, Map.of());
    }

    public SapientNodeSpec node() {
        return node;
    }

    @Override
    protected boolean senses(SimObject o) {
        return super.senses(o) && o.kind() == ObjectKind.DRONE;
    }

    @Override
    protected boolean reportsFalseAlarms() {
        return false;
    }

    @Override
    protected void report(double t, List<Hit> hits, EmitContext ctx) {
        Instant at = ctx.timeAt(t);
        if (!registered) {
            registered = true;
            ctx.send(t, node.id(), Channel.SAPIENT, SapientEncoder.registration(at, node));
        }
        if (t - lastStatusS >= STATUS_PERIOD_S) {
            lastStatusS = t;
            ctx.send(t, node.id(), Channel.SAPIENT, SapientEncoder.status(at, node, statusSeq++));
        }
        for (Hit h : hits) {
            Coordinate w = Lks94.toWgs84(h.x(), h.y());
            String object = objectIds.computeIfAbsent(h.object().id(),
                    id -> SapientEncoder.objectUlid(ctx.start(), node.id(), id));
            double confidence = 0.7 + 0.25 * random.nextDouble();
            // A radar measures velocity; an RF detector only locates the link.
            boolean radar = node.kind() == SapientNodeSpec.Kind.RADAR;
            ctx.send(t, node.id(), Channel.SAPIENT, SapientEncoder.detection(at, node, object, detectionSeq++, w.x, w.y,
                    h.heightM(), Math.max(1, node.positionNoiseM()), radar ? h.truth().vx() : Double.NaN,
                    radar ? h.truth().vy() : Double.NaN, confidence));
            if (!radar && alerted.add(h.object().id())) {
                ctx.send(t, node.id(), Channel.SAPIENT, SapientEncoder.alert(at, node, alertSeq++,
                        "UAV control link detected (2.4 GHz)", w.x, w.y));
            }
        }
    }
}
