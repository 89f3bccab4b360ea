package org.skydas.cli;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.skydas.alert.BorderIndex;
import org.skydas.geo.Lks94;
import org.skydas.ingest.json.ClassHint;
import org.skydas.ingest.json.Detection;
import org.skydas.ingest.json.DetectionKind;
import org.skydas.ingest.listen.Received;
import org.skydas.model.Scenario;
import org.skydas.model.ZoneKind;
import org.skydas.watch.LivePipeline;

/**
 * Targets that move in straight lines and report their position once a second each, as JSON camera
 * detections offered straight to the live pipeline (each at its own phase within the second, stamped
 * with the wall clock). People, vehicles and unknowns stay well inside the country and drones well
 * outside it, all far from the border, so that they make tracks but no alerts: the browser tests and the
 * frame-time harness measure the picture, not the alert list.
 */
final class SyntheticTracks implements AutoCloseable {

    /** Far enough from every border sector that no approach or crossing rule looks at the target. */
    static final double MIN_BORDER_DISTANCE_M = 15_000;
    static final double MAX_OUTSIDE_DISTANCE_M = 60_000;
    private static final int SLICES = 100;

    record Target(String externalId, ClassHint hint, double x0, double y0, double vx, double vy) {
    }

    private final LivePipeline pipeline;
    private final List<Target> targets;
    private final long startMillis = System.currentTimeMillis();
    private final AtomicLong offered = new AtomicLong();
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "synthetic-tracks");
        t.setDaemon(true);
        return t;
    });

    private SyntheticTracks(LivePipeline pipeline, List<Target> targets) {
        this.pipeline = pipeline;
        this.targets = List.copyOf(targets);
    }

    /** Starts reporting: every 10 ms one hundredth of the targets report. */
    static SyntheticTracks start(LivePipeline pipeline, List<Target> targets) {
        SyntheticTracks s = new SyntheticTracks(pipeline, targets);
        long[] slice = {0};
        s.clock.scheduleAtFixedRate(() -> s.report((int) (slice[0]++ % SLICES)), 0, 1000 / SLICES, TimeUnit.MILLISECONDS);
        return s;
    }

    long offered() {
        return offered.get();
    }

    private void report(int slice) {
        long now = System.currentTimeMillis();
        double t = (now - startMillis) / 1000.0;
        for (int i = slice; i < targets.size(); i += SLICES) {
            Target g = targets.get(i);
            Coordinate ll = Lks94.toWgs84(g.x0() + g.vx() * t, g.y0() + g.vy() * t);
            Detection d = new Detection("camera-" + (i % 50), Instant.ofEpochMilli(now), DetectionKind.CAMERA,
                    new Detection.GeoPosition(ll.y, ll.x, Double.NaN), null, Double.NaN, Double.NaN, g.hint(), 0.9, 10.0,
                    null, g.externalId());
            pipeline.offerJson(new Received<>(d, "synthetic", null, now));
            offered.incrementAndGet();
        }
    }

    /**
     * {@code n} targets, the classes in turn (person, vehicle, drone, unknown), at random places of
     * {@code scenario} (fixed by {@code seed}) and random headings, at a speed typical of the class.
     */
    static List<Target> targets(Scenario scenario, int n, long seed) {
        BorderIndex border = new BorderIndex(scenario);
        Geometry landGeometry = scenario.zones().stream().filter(z -> z.kind() == ZoneKind.NATIONAL_TERRITORY)
                .findFirst().orElseThrow().geometry();
        PreparedGeometry land = PreparedGeometryFactory.prepare(landGeometry);
        Envelope box = landGeometry.getEnvelopeInternal();
        box.expandBy(MAX_OUTSIDE_DISTANCE_M);
        ClassHint[] classes = {ClassHint.PERSON, ClassHint.VEHICLE, ClassHint.DRONE, ClassHint.UNKNOWN};
        double[] speeds = {1.5, 12, 15, 3};
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Target> out = new ArrayList<>();
        while (out.size() < n) {
            int k = out.size() % classes.length;
            double x = rnd.nextDouble(box.getMinX(), box.getMaxX());
            double y = rnd.nextDouble(box.getMinY(), box.getMaxY());
            BorderIndex.Nearest near = border.nearest(x, y);
            if (near == null || near.distanceM() < MIN_BORDER_DISTANCE_M) {
                continue;
            }
            boolean inside = land.covers(Lks94.GRID.createPoint(new Coordinate(x, y)));
            // Drones over the country raise incursion alerts: keep them over the neighbours, near enough to be seen.
            boolean drone = classes[k] == ClassHint.DRONE;
            if (inside == drone || (drone && near.distanceM() > MAX_OUTSIDE_DISTANCE_M)) {
                continue;
            }
            double heading = rnd.nextDouble(0, 2 * Math.PI);
            out.add(new Target("sim-" + out.size(), classes[k], x, y, speeds[k] * Math.sin(heading),
                    speeds[k] * Math.cos(heading)));
        }
        return out;
    }

    @Override
    public void close() throws InterruptedException {
        clock.shutdownNow();
        clock.awaitTermination(5, TimeUnit.SECONDS);
    }
}
