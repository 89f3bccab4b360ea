package org.skydas.sim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.locationtech.jts.geom.Coordinate;
import org.skydas.geo.Lks94;
import org.skydas.model.Asset;
import org.skydas.model.AssetType;
import org.skydas.model.AsterixIdentity;
import org.skydas.model.Scenario;
import org.skydas.sim.motion.SimObject;
import org.skydas.sim.motion.Trajectory;
import org.skydas.sim.motion.WorldBuilder;
import org.skydas.sim.script.FalseAlarmSource;
import org.skydas.sim.script.SimScript;
import org.skydas.sim.sensor.DetectionEmitter;
import org.skydas.sim.sensor.EmitContext;
import org.skydas.sim.sensor.Emitter;
import org.skydas.sim.sensor.PatrolEmitter;
import org.skydas.sim.sensor.RadarEmitter;
import org.skydas.sim.sensor.RemoteIdEmitter;
import org.skydas.sim.sensor.SimDetection;
import org.skydas.sim.sensor.Visibility;

/**
 * One simulation run: the script's objects moving over the scenario, seen by the scenario's sensor assets.
 * The caller drives time: {@link #advanceTo(double, MessageSink)} fires every scan, broadcast and report due up
 * to that time, in time order (ties in a fixed order: radars, other sensors, patrols, each in scenario/script
 * order), and hands the messages to the sink. Same scenario, script and seed → the same messages, byte for byte,
 * however the caller slices time.
 */
public final class Simulation {

    private final SimScript script;
    private final List<SimObject> objects;
    private final List<Emitter> emitters = new ArrayList<>();
    private final List<RadarEmitter> radars = new ArrayList<>();
    private Consumer<SimDetection> truth = d -> { };
    private double timeS;
    private final Visibility visibility;
    private final long seed;

    public Simulation(Scenario scenario, SimScript script) {
        this(scenario, script, Visibility.BARE_ELLIPSOID, a -> true);
    }

    /**
     * @param visibility  line-of-sight model (default: bare ellipsoid)
     * @param useSensor   which sensor assets take part (e.g. only operational ones); all by default
     */
    public Simulation(Scenario scenario, SimScript script, Visibility visibility, Predicate<Asset> useSensor) {
        this.script = Objects.requireNonNull(script);
        this.visibility = visibility;
        this.seed = script.seed();
        SplittableRandom master = new SplittableRandom(script.seed());
        this.objects = List.copyOf(WorldBuilder.build(script, master.split()));
        List<double[]> clutter = new ArrayList<>();
        for (FalseAlarmSource f : script.falseAlarms()) {
            if (f.kind() == FalseAlarmSource.Kind.CLUTTER && f.perHour() > 0) {
                Coordinate c = Lks94.toGrid(f.lon(), f.lat());
                clutter.add(new double[] {c.x, c.y, f.radiusM(), f.perHour()});
            }
        }
        List<Emitter> others = new ArrayList<>();
        int sic = 0;
        for (Asset a : scenario.assets()) {
            if (!a.type().isSensor() || a.sensor() == null || !useSensor.test(a)) {
                continue;
            }
            // Every sensor gets its own stream, split in asset order whether or not it emits anything.
            SplittableRandom r = master.split();
            if (a.type() == AssetType.RADAR) {
                // A radar keeps the ASTERIX identity the scenario gives it (so the server finds its site);
                // otherwise the script's SAC and the radar's number.
                ++sic;
                AsterixIdentity id = AsterixIdentity.of(a).orElse(new AsterixIdentity(script.asterixSac(), sic));
                RadarEmitter radar = new RadarEmitter(a, r, visibility, clutter, id.sac(), id.sic());
                radars.add(radar);
            } else if (a.type() == AssetType.REMOTE_ID_RECEIVER) {
                others.add(new RemoteIdEmitter(a, r, visibility));
            } else if (DetectionEmitter.kindOf(a.type()) != null) {
                others.add(new DetectionEmitter(a, r, visibility, List.of())); // clutter is a radar phenomenon
            }
        }
        emitters.addAll(radars);
        emitters.addAll(others);
        for (SimObject o : objects) {
            if (o.friendly()) {
                emitters.add(new PatrolEmitter(o));
            }
        }
    }

    /**
     * Adds simulated SAPIENT sensor nodes (before the run starts): each registers, reports its status and the drones
     * it sees on channel {@link Channel#SAPIENT}. Their random streams come from the seed apart from the scenario's
     * sensors', so adding nodes leaves every other sensor's messages as they were.
     */
    public Simulation withSapientNodes(List<org.skydas.sim.script.SapientNodeSpec> nodes) {
        return addEmitters("SAPIENT nodes", 0x5A91E47L, nodes,
                (n, r) -> new org.skydas.sim.sensor.SapientNodeEmitter(n, r, visibility));
    }

    /**
     * Adds simulated STANAG 4607 ground-surveillance radars (before the run starts): each dwell, one packet of the
     * walkers and vehicles it sees on channel {@link Channel#GMTI}. Their random streams come from the seed apart
     * from every other sensor's, so adding radars leaves the other messages as they were.
     */
    public Simulation withGmtiRadars(List<org.skydas.sim.script.GmtiRadarSpec> gmtiRadars) {
        return addEmitters("GMTI radars", 0x4607_6A7EL, gmtiRadars,
                (g, r) -> new org.skydas.sim.sensor.GmtiRadarEmitter(g, r, visibility));
    }

    /**
     * Makes these scenario cameras (asset ids) report as ONVIF cameras with object analytics on channel
     * {@link Channel#ONVIF} instead of as Skydas JSON detections (before the run starts). Their random streams come
     * from the seed apart from every other sensor's; an id that is no camera of the run is an error.
     */
    public Simulation withOnvifCameras(List<String> cameraIds) {
        List<Asset> cameras = new ArrayList<>();
        for (String id : cameraIds) {
            Emitter e = emitters.stream().filter(x -> x instanceof DetectionEmitter && x.id().equals(id)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no simulated camera '" + id + "'"));
            Asset a = ((DetectionEmitter) e).asset();
            if (!a.type().name().contains("CAMERA")) {
                throw new IllegalArgumentException("'" + id + "' is a " + a.type() + ", not a camera");
            }
            cameras.add(a);
        }
        addEmitters("ONVIF cameras", 0x0417_CA3EL, cameras,
                (a, r) -> new org.skydas.sim.sensor.OnvifCameraEmitter(a, r, visibility));
        emitters.removeIf(e -> e instanceof DetectionEmitter && cameraIds.contains(e.id()));
        return this;
    }

    /** Emitters of one kind added before the run, each with its split of a stream of their own ({@code salt}). */
    private <T> Simulation addEmitters(String what, long salt, List<T> specs,
                                       java.util.function.BiFunction<T, SplittableRandom, Emitter> make) {
        if (timeS > 0) {
            throw new IllegalStateException(what + " are added before the run starts");
        }
        SplittableRandom r = new SplittableRandom(seed ^ salt);
        for (T spec : specs) {
            emitters.add(make.apply(spec, r.split()));
        }
        return this;
    }

    /** Receives the ground truth of every report (which object, or a false alarm). */
    public void onDetection(Consumer<SimDetection> listener) {
        this.truth = Objects.requireNonNull(listener);
    }

    public SimScript script() {
        return script;
    }

    public List<SimObject> objects() {
        return objects;
    }

    /** The simulated radars, with their site positions and SAC/SIC, for configuring the ASTERIX feed. */
    public List<RadarEmitter> radars() {
        return List.copyOf(radars);
    }

    /** Simulated seconds run so far. */
    public double timeS() {
        return timeS;
    }

    public Instant now() {
        return script.start().plusNanos(Math.round(timeS * 1e9));
    }

    public boolean finished() {
        return timeS >= script.durationS();
    }

    /** Fires everything due up to {@code tS} (capped at the script's duration); earlier times are a no-op. */
    public void advanceTo(double tS, MessageSink sink) {
        double limit = Math.min(tS, script.durationS());
        EmitContext ctx = new EmitContext(objects, script.start(), sink, truth);
        while (true) {
            Emitter next = null;
            for (Emitter e : emitters) {
                if (next == null || e.nextTimeS() < next.nextTimeS()) {
                    next = e;
                }
            }
            if (next == null || next.nextTimeS() > limit) {
                break;
            }
            next.fire(ctx);
        }
        timeS = Math.max(timeS, limit);
    }

    /** {@link #advanceTo(double, MessageSink)} collecting the messages. */
    public List<SimMessage> advanceTo(double tS) {
        List<SimMessage> out = new ArrayList<>();
        advanceTo(tS, out::add);
        return out;
    }

    /** Runs to the end of the script at full speed (no waiting). */
    public void runToEnd(MessageSink sink) {
        advanceTo(script.durationS(), sink);
    }

    /** Where every active object is at {@code t} (ground truth, grid metres). */
    public List<ObjectState> truthAt(double t) {
        List<ObjectState> out = new ArrayList<>();
        for (SimObject o : objects) {
            if (o.trajectory().activeAt(t)) {
                Trajectory.State s = o.trajectory().stateAt(t);
                out.add(new ObjectState(o.id(), o, s.x(), s.y(), s.speed(), s.courseDeg()));
            }
        }
        return out;
    }

    /** One object's true state; {@code courseDeg} is clockwise from grid north. */
    public record ObjectState(String id, SimObject object, double x, double y, double speedMps, double courseDeg) {
    }
}
