package org.skydas.bench.track;

import java.util.ArrayList;
import java.util.List;
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
import org.skydas.track.Detection;
import org.skydas.track.SensorModel;
import org.skydas.track.Tracker;
import org.skydas.track.TrackerConfig;

/**
 * One steady-state scan of the tracker: {@code targets} constant-velocity targets at 2 per km²
 * (half walkers at 1.5 m/s, half vehicles at 15 m/s, wrapping around the square area), Pd 0.9,
 * σ 10 m, and as many clutter detections per scan as targets, uniform over the area. The next
 * scan is generated outside the timed method (per-invocation setup: fine at millisecond scale);
 * the tracker has already run 20 scans, so tracks are confirmed.
 * Run: {@code bench/run -f 1 -wi 2 -i 3 TrackerScan}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class TrackerScanBenchmark {

    @Param({"1000", "10000"})
    public int targets;

    private Random rnd;
    private double side;
    private double[] x;
    private double[] y;
    private double[] vx;
    private double[] vy;
    private Tracker tracker;
    private int k;
    private List<Detection> scan;

    @Setup(Level.Trial)
    public void start() {
        rnd = new Random(1);
        side = Math.sqrt(targets / 2.0) * 1000.0;
        x = new double[targets];
        y = new double[targets];
        vx = new double[targets];
        vy = new double[targets];
        for (int i = 0; i < targets; i++) {
            x[i] = rnd.nextDouble() * side;
            y[i] = rnd.nextDouble() * side;
            double speed = i % 2 == 0 ? 1.5 : 15.0;
            double heading = rnd.nextDouble() * 2 * Math.PI;
            vx[i] = speed * Math.cos(heading);
            vy[i] = speed * Math.sin(heading);
        }
        tracker = new Tracker(TrackerConfig.defaults());
        tracker.registerSensor(new SensorModel(0, 0.9, targets / (side * side)));
        for (int w = 0; w < 20; w++) {
            nextScan();
            tracker.processScan(0, k, scan);
        }
    }

    @Setup(Level.Invocation)
    public void nextScan() {
        k++;
        scan = new ArrayList<>(2 * targets);
        for (int i = 0; i < targets; i++) {
            x[i] = wrap(x[i] + vx[i]);
            y[i] = wrap(y[i] + vy[i]);
            if (rnd.nextDouble() < 0.9) {
                scan.add(Detection.position(k, 0, x[i] + 10 * rnd.nextGaussian(), y[i] + 10 * rnd.nextGaussian(), 10));
            }
        }
        for (int c = 0; c < targets; c++) {
            scan.add(Detection.position(k, 0, rnd.nextDouble() * side, rnd.nextDouble() * side, 10));
        }
    }

    private double wrap(double v) {
        return v < 0 ? v + side : v >= side ? v - side : v;
    }

    @Benchmark
    public int scan() {
        tracker.processScan(0, k, scan);
        return tracker.liveTracks().size();
    }
}
