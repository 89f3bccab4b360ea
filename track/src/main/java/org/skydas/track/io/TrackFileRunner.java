package org.skydas.track.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.skydas.track.Detection;
import org.skydas.track.RejectReason;
import org.skydas.track.SensorModel;
import org.skydas.track.Track;
import org.skydas.track.Tracker;
import org.skydas.track.TrackerConfig;

/**
 * Runs the tracker over a benchmark {@code detections.csv} (optionally with its
 * {@code scenario.json}) and writes {@code tracks.csv} ({@code t,track_id,x,y,vx,vy}) as the
 * benchmark's scorer expects: after every scan time, the reportable tracks with their online
 * estimate. Times only the tracker calls (no parsing, no writing), like the Stone Soup runner.
 *
 * <p>With a scenario, scan times are the scenario's (empty scans included) and sensors, region,
 * lifetime and class dynamics come from it; without, every distinct detection time is a scan and
 * every sensor seen is registered with Pd 0.9 and clutter density 1e-6 /m².
 */
public final class TrackFileRunner {

    /** Default Pd and clutter density for sensors when no scenario describes them. */
    static final double DEFAULT_PD = 0.9;
    static final double DEFAULT_CLUTTER_DENSITY = 1e-6;

    /**
     * What a run did. Times in milliseconds of tracker work per scan time (all sensors): wall
     * clock, and the tracker thread's CPU time (robust against other load on a shared machine).
     */
    public record Summary(int scans, long detections, long malformedRows, long rowsWritten,
                          int distinctTrackIds, double totalMs, double meanMs, double p50Ms, double p99Ms,
                          double maxMs, double cpuMeanMs, int maxLiveTracks, Map<RejectReason, Long> rejects) {
    }

    private TrackFileRunner() {
    }

    /** Runs with the default tracker configuration (adapted to the scenario when given). */
    public static Summary run(Path detections, Path scenario, Path out, PrintStream log) throws TrackInputException {
        return run(detections, scenario, out, log, TrackerConfig.defaults(), true);
    }

    /**
     * @param out               tracks file to write, or null to only time and count
     * @param log               receives the timing summary
     * @param useClassDynamics  take per-class q and speeds from the scenario (else the config's)
     */
    public static Summary run(Path detections, Path scenario, Path out, PrintStream log, TrackerConfig base,
                              boolean useClassDynamics) throws TrackInputException {
        ScenarioFile sc = scenario == null ? null : ScenarioFile.read(scenario);
        double defaultSigma = sc != null ? sc.sensors().get(0).sigma() : 10.0;
        DetectionCsv.Content content = DetectionCsv.read(detections, defaultSigma);

        TrackerConfig config = base;
        if (sc != null) {
            config = useClassDynamics ? sc.configure(base)
                    : sc.configure(base).withClassDynamics(base.qPerClass(), base.speedMean(), base.speedSd());
        }
        Tracker tracker = new Tracker(config);

        // Group by scan time (rounded to the microsecond, as the scorer does) and sensor.
        TreeMap<Double, TreeMap<Integer, List<Detection>>> scans = new TreeMap<>();
        long badTime = 0;
        for (Detection d : content.detections()) {
            if (!Double.isFinite(d.t())) {
                badTime++;
                continue;
            }
            scans.computeIfAbsent(roundTime(d.t()), k -> new TreeMap<>())
                    .computeIfAbsent(d.sensorId(), k -> new ArrayList<>()).add(d);
        }
        List<Integer> sensorOrder = new ArrayList<>();
        if (sc != null) {
            for (ScenarioFile.Sensor s : sc.sensors()) {
                tracker.registerSensor(s.model());
                sensorOrder.add(s.id());
            }
            for (int k = 0; k < sc.scanCount(); k++) {
                scans.computeIfAbsent(roundTime(sc.scanTime(k)), t -> new TreeMap<>());
            }
        } else {
            Set<Integer> seen = new java.util.TreeSet<>();
            scans.values().forEach(m -> seen.addAll(m.keySet()));
            for (int s : seen) {
                tracker.registerSensor(new SensorModel(s, DEFAULT_PD, DEFAULT_CLUTTER_DENSITY));
                sensorOrder.add(s);
            }
        }

        double[] perScan = new double[scans.size()];
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        boolean cpuTimed = mx.isCurrentThreadCpuTimeSupported();
        long cpuNanos = 0;
        int scanIndex = 0;
        long rows = 0;
        int maxLive = 0;
        Set<Long> ids = new HashSet<>();
        BufferedWriter w = null;
        try {
            if (out != null) {
                w = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
                w.write("t,track_id,x,y,vx,vy\n");
            }
            StringBuilder line = new StringBuilder(64);
            for (Map.Entry<Double, TreeMap<Integer, List<Detection>>> scan : scans.entrySet()) {
                double t = scan.getKey();
                Set<Integer> order = new LinkedHashSet<>(sensorOrder);
                order.addAll(scan.getValue().keySet()); // unknown sensors: the tracker counts them
                long cpuStart = cpuTimed ? mx.getCurrentThreadCpuTime() : 0;
                long start = System.nanoTime();
                for (int s : order) {
                    tracker.processScan(s, t, scan.getValue().getOrDefault(s, List.of()));
                }
                perScan[scanIndex++] = (System.nanoTime() - start) / 1e6;
                cpuNanos += cpuTimed ? mx.getCurrentThreadCpuTime() - cpuStart : 0;
                maxLive = Math.max(maxLive, tracker.liveTracks().size());
                for (Track tr : tracker.liveTracks()) {
                    if (!tracker.isReportable(tr)) {
                        continue;
                    }
                    rows++;
                    ids.add(tr.id());
                    if (w != null) {
                        line.setLength(0);
                        Fixed.append(line, t, 3).append(',').append(tr.id()).append(',');
                        Fixed.append(line, tr.x(), 3).append(',');
                        Fixed.append(line, tr.y(), 3).append(',');
                        Fixed.append(line, tr.vx(), 4).append(',');
                        Fixed.append(line, tr.vy(), 4).append('\n');
                        w.append(line);
                    }
                }
            }
            if (w != null) {
                w.close();
            }
        } catch (IOException e) {
            throw new TrackInputException("cannot write " + out + ": " + e.getMessage(), e);
        }
        Map<RejectReason, Long> rejects = tracker.rejects().asMap();
        if (badTime > 0) {
            rejects.merge(RejectReason.NON_FINITE, badTime, Long::sum);
        }
        double[] sorted = Arrays.copyOf(perScan, scanIndex);
        Arrays.sort(sorted);
        double total = 0;
        for (double v : sorted) {
            total += v;
        }
        Summary summary = new Summary(scanIndex, content.detections().size(), content.malformedRows(), rows,
                ids.size(), total, scanIndex == 0 ? 0 : total / scanIndex, percentile(sorted, 0.50),
                percentile(sorted, 0.99), scanIndex == 0 ? 0 : sorted[scanIndex - 1],
                cpuTimed && scanIndex > 0 ? cpuNanos / 1e6 / scanIndex : Double.NaN, maxLive, rejects);
        log.println(format(summary));
        return summary;
    }

    /** One line: the timing and totals. */
    public static String format(Summary s) {
        return String.format(Locale.ROOT,
                "track: %d scans, %d detections, ms/scan mean %.3f p50 %.3f p99 %.3f max %.3f (cpu mean %.3f), total %.3f s; "
                        + "%d track rows, %d track ids, max %d live tracks; rejected %s; malformed rows %d",
                s.scans(), s.detections(), s.meanMs(), s.p50Ms(), s.p99Ms(), s.maxMs(), s.cpuMeanMs(), s.totalMs() / 1000,
                s.rowsWritten(), s.distinctTrackIds(), s.maxLiveTracks(), s.rejects(), s.malformedRows());
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
    }

    static double roundTime(double t) {
        return Math.round(t * 1e6) / 1e6;
    }
}
