package org.skydas.track.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.skydas.track.metric.OspaGospa;

/**
 * Scores a tracks file against a truth file the way the benchmark's {@code score.py} does: at every
 * scan time of the scenario (or, without one, every time in either file), OSPA and GOSPA on the x,y
 * positions, times rounded to the microsecond.
 */
public final class ScoreFiles {

    /** One scan's score. */
    public record Scan(double t, int nTruth, int nTracks, OspaGospa.Result result) {
    }

    /** Per-scan scores and their means. */
    public record Score(List<Scan> scans, double meanOspa, double meanGospa, double meanLoc,
                        double meanMissed, double meanFalse) {
    }

    private ScoreFiles() {
    }

    public static Score score(Path truth, Path tracks, Path scenario, double c, double p) throws TrackInputException {
        Map<Double, double[]> x = readPoints(truth);
        Map<Double, double[]> y = readPoints(tracks);
        TreeSet<Double> times = new TreeSet<>();
        if (scenario != null) {
            ScenarioFile sc = ScenarioFile.read(scenario);
            for (int k = 0; k < sc.scanCount(); k++) {
                times.add(TrackFileRunner.roundTime(sc.scanTime(k)));
            }
        } else {
            times.addAll(x.keySet());
            times.addAll(y.keySet());
        }
        OspaGospa metric = new OspaGospa(c, p);
        List<Scan> out = new ArrayList<>();
        double so = 0;
        double sg = 0;
        double sl = 0;
        double sm = 0;
        double sf = 0;
        for (double t : times) {
            double[] a = x.getOrDefault(t, new double[0]);
            double[] b = y.getOrDefault(t, new double[0]);
            OspaGospa.Result r = metric.compute(a, b);
            out.add(new Scan(t, a.length / 2, b.length / 2, r));
            so += r.ospa();
            sg += r.gospa();
            sl += r.localisation();
            sm += r.missed();
            sf += r.falseTracks();
        }
        int n = Math.max(1, out.size());
        return new Score(out, so / n, sg / n, sl / n, sm / n, sf / n);
    }

    /** t -> {x0, y0, x1, y1, ...} from a CSV with columns t, x, y (others ignored). */
    static Map<Double, double[]> readPoints(Path path) throws TrackInputException {
        Map<Double, List<double[]>> pts = new TreeMap<>();
        try (BufferedReader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            if (header == null) {
                throw new TrackInputException(path + ": empty file");
            }
            List<String> cols = List.of(header.strip().split(",", -1));
            int ct = cols.indexOf("t");
            int cx = cols.indexOf("x");
            int cy = cols.indexOf("y");
            if (ct < 0 || cx < 0 || cy < 0) {
                throw new TrackInputException(path + ": header lacks t, x or y: " + header);
            }
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                try {
                    double t = TrackFileRunner.roundTime(Double.parseDouble(f[ct]));
                    pts.computeIfAbsent(t, k -> new ArrayList<>())
                            .add(new double[] {Double.parseDouble(f[cx]), Double.parseDouble(f[cy])});
                } catch (RuntimeException e) {
                    throw new TrackInputException(path + ": bad row: " + line, e);
                }
            }
        } catch (IOException e) {
            throw new TrackInputException("cannot read " + path + ": " + describe(e), e);
        }
        Map<Double, double[]> out = new TreeMap<>();
        pts.forEach((t, l) -> {
            double[] a = new double[2 * l.size()];
            for (int i = 0; i < l.size(); i++) {
                a[2 * i] = l.get(i)[0];
                a[2 * i + 1] = l.get(i)[1];
            }
            out.put(t, a);
        });
        return out;
    }

    private static String describe(IOException e) {
        return e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage();
    }
}
