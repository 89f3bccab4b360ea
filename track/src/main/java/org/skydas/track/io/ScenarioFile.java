package org.skydas.track.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.skydas.model.TargetKind;
import org.skydas.track.SensorModel;
import org.skydas.track.TrackerConfig;

/**
 * The parts of the benchmark's {@code scenario.json} a tracker may use: scan times, area, sensor
 * characteristics (σ, Pd, clutter density), mean target lifetime and per-class dynamics.
 */
public record ScenarioFile(double firstScan, double scanStep, int scanCount, TrackerConfig.Region area,
                           List<Sensor> sensors, double meanLifetime, double[] qPerClass,
                           double[] speedMean, double[] speedSd) {

    /** Takes copies of the per-class arrays (null when the file has no classes). */
    public ScenarioFile {
        qPerClass = copy(qPerClass);
        speedMean = copy(speedMean);
        speedSd = copy(speedSd);
    }

    private static double[] copy(double[] a) {
        return a == null ? null : a.clone();
    }

    /** A copy of the process noise per class, or null. */
    @Override
    public double[] qPerClass() {
        return copy(qPerClass);
    }

    /** A copy of the mean speed per class, or null. */
    @Override
    public double[] speedMean() {
        return copy(speedMean);
    }

    /** A copy of the speed spread per class, or null. */
    @Override
    public double[] speedSd() {
        return copy(speedSd);
    }

    /** One sensor of the scenario. */
    public record Sensor(int id, double sigma, double pd, double clutterDensity) {
        /**
         * The tracker's model of this sensor. Pd is kept below 1 and clutter above 0: a tracker
         * that believed in perfect detection or zero clutter would kill a track at its first miss
         * and trust every detection.
         */
        public SensorModel model() {
            return new SensorModel(id, Math.min(pd, 0.999), Math.max(clutterDensity, 1e-12));
        }
    }

    /** Reads and checks the file. */
    public static ScenarioFile read(Path path) throws TrackInputException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(path.toFile());
        } catch (IOException e) {
            throw new TrackInputException("cannot read scenario " + path + ": " + describe(e), e);
        }
        try {
            JsonNode st = need(root, "scan_times");
            double first = need(st, "first").asDouble();
            double step = need(st, "step").asDouble();
            int count = need(root, "n_scans").asInt();
            JsonNode a = root.get("area");
            TrackerConfig.Region area = a == null ? null : new TrackerConfig.Region(
                    need(a, "xmin").asDouble(), need(a, "ymin").asDouble(),
                    need(a, "xmax").asDouble(), need(a, "ymax").asDouble());
            List<Sensor> sensors = new ArrayList<>();
            for (JsonNode s : need(root, "sensors")) {
                sensors.add(new Sensor(need(s, "sensor_id").asInt(), need(s, "sigma").asDouble(),
                        need(s, "pd").asDouble(), need(s, "clutter_density_per_m2").asDouble()));
            }
            double lifetime = root.path("target_lifetime_s").asDouble(Double.NaN);
            double[] q = null;
            double[] mean = null;
            double[] sd = null;
            JsonNode classes = root.get("classes");
            if (classes != null && classes.has("person") && classes.has("vehicle") && classes.has("drone")) {
                q = new double[TargetKind.COUNT];
                mean = new double[TargetKind.COUNT];
                sd = new double[TargetKind.COUNT];
                String[] names = {"person", "vehicle", "drone"};
                for (int c = 0; c < names.length; c++) {
                    JsonNode k = classes.get(names[c]);
                    q[c] = need(k, "q").asDouble();
                    mean[c] = need(k, "mean_speed").asDouble();
                    sd[c] = need(k, "speed_sd").asDouble();
                }
                // Unknown: the most agile dynamics and a broad speed distribution.
                q[3] = Math.max(q[0], Math.max(q[1], q[2]));
                mean[3] = 10.0;
                sd[3] = 15.0;
            }
            for (Sensor s : sensors) {
                if (!(s.pd() > 0 && s.pd() <= 1) || !(s.clutterDensity() >= 0) || !(s.sigma() > 0)
                        || Double.isInfinite(s.clutterDensity()) || Double.isInfinite(s.sigma())) {
                    throw new TrackInputException("scenario " + path + ": bad sensor " + s);
                }
            }
            if (!(step > 0) || count < 0 || sensors.isEmpty()) {
                throw new TrackInputException("scenario " + path + ": need step > 0, n_scans >= 0, sensors");
            }
            return new ScenarioFile(first, step, count, area, List.copyOf(sensors), lifetime, q, mean, sd);
        } catch (IllegalArgumentException e) {
            throw new TrackInputException("scenario " + path + ": " + e.getMessage(), e);
        }
    }

    /** Scan time k. */
    public double scanTime(int k) {
        return firstScan + k * scanStep;
    }

    /** Tracker configuration for this scenario, starting from {@code base}. */
    public TrackerConfig configure(TrackerConfig base) {
        TrackerConfig c = base.withSeedMaxAge(1.5 * scanStep);
        if (area != null) {
            c = c.withRegion(area);
        }
        if (Double.isFinite(meanLifetime) && meanLifetime > 0) {
            c = c.withMeanLifetime(meanLifetime);
        }
        if (qPerClass != null) {
            c = c.withClassDynamics(qPerClass, speedMean, speedSd);
        }
        return c;
    }

    private static JsonNode need(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("missing field '" + field + "'");
        }
        return v;
    }

    private static String describe(IOException e) {
        return e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage();
    }
}
