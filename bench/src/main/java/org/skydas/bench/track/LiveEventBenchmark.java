package org.skydas.bench.track;

import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.skydas.track.Detection;
import org.skydas.track.LiveTracker;
import org.skydas.track.SensorModel;
import org.skydas.track.TrackState;
import org.skydas.track.Tracker;
import org.skydas.track.TrackerConfig;

/**
 * Cost of one event message through {@link LiveTracker}: {@code targets} walkers (1.5 m/s, 2 per
 * km²), each reported once a second by an event source, one detection per message at its own
 * time (the worst case for a scan-based engine: every message is a scan). One operation = offer
 * the next message + advance() to its time (which releases the message from 0.5 s earlier). The
 * tracks are confirmed before measuring.
 * Run: {@code bench/run -f 1 -wi 2 -i 3 LiveEvent}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class LiveEventBenchmark {

    @Param({"1000", "10000"})
    public int targets;

    private Random rnd;
    private double[] x;
    private double[] y;
    private double[] vx;
    private double[] vy;
    private LiveTracker live;
    private long message;
    private Blackhole sink;

    @Setup(Level.Trial)
    public void start(Blackhole bh) {
        sink = bh;
        rnd = new Random(1);
        double side = Math.sqrt(targets / 2.0) * 1000.0;
        x = new double[targets];
        y = new double[targets];
        vx = new double[targets];
        vy = new double[targets];
        for (int i = 0; i < targets; i++) {
            x[i] = rnd.nextDouble() * side;
            y[i] = rnd.nextDouble() * side;
            double h = rnd.nextDouble() * 2 * Math.PI;
            vx[i] = 1.5 * Math.cos(h);
            vy[i] = 1.5 * Math.sin(h);
        }
        Tracker tracker = new Tracker(TrackerConfig.defaults());
        tracker.registerSensor(SensorModel.event(1, 0.9, 1e-7));
        live = new LiveTracker(tracker, new LiveTracker.Listener() {
            @Override
            public void onTrackUpdated(TrackState s) {
                sink.consume(s);
            }

            @Override
            public void onTrackDeleted(TrackState s) {
                sink.consume(s);
            }
        });
        for (int k = 0; k < 5 * targets; k++) {
            next();
        }
    }

    private void next() {
        int i = (int) (message % targets);
        double t = (double) message / targets; // every target once a second
        message++;
        live.offer(Detection.position(t, 1, x[i] + vx[i] * t + rnd.nextGaussian() * 5,
                y[i] + vy[i] * t + rnd.nextGaussian() * 5, 5));
        live.advance(t);
    }

    @Benchmark
    public int oneEventMessage() {
        next();
        return live.tracker().liveTracks().size();
    }
}
