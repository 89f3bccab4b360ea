package org.skydas.track.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.skydas.track.Detection;

/**
 * Reads the benchmark's {@code detections.csv} ({@code t,sensor_id,x,y[,sigma]}; header
 * names, any column order, extra columns such as {@code det_id} ignored). Rows that do not parse are counted and skipped;
 * a missing required column fails the whole file. Values the parser accepts but the tracker
 * rejects (NaN, σ ≤ 0) are passed on, so the tracker counts them under its own reasons.
 */
public final class DetectionCsv {

    /** Parsed detections in file order and the number of malformed rows skipped. */
    public record Content(List<Detection> detections, long malformedRows) {
    }

    private DetectionCsv() {
    }

    public static Content read(Path path, double defaultSigma) throws TrackInputException {
        List<Detection> out = new ArrayList<>();
        long malformed = 0;
        try (BufferedReader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            if (header == null) {
                throw new TrackInputException(path + ": empty file, expected header t,sensor_id,x,y,sigma");
            }
            Map<String, Integer> cols = new HashMap<>();
            String[] names = header.strip().split(",", -1);
            for (int i = 0; i < names.length; i++) {
                cols.put(names[i].strip(), i);
            }
            for (String need : new String[] {"t", "sensor_id", "x", "y"}) {
                if (!cols.containsKey(need)) {
                    throw new TrackInputException(path + ": header lacks column '" + need + "': " + header);
                }
            }
            int ct = cols.get("t");
            int cs = cols.get("sensor_id");
            int cx = cols.get("x");
            int cy = cols.get("y");
            int csig = cols.getOrDefault("sigma", -1);
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                try {
                    double t = Double.parseDouble(f[ct]);
                    int sensor = Integer.parseInt(f[cs].strip());
                    double x = Double.parseDouble(f[cx]);
                    double y = Double.parseDouble(f[cy]);
                    double sigma = csig >= 0 ? Double.parseDouble(f[csig]) : defaultSigma;
                    // sigma <= 0 must reach the tracker as a non-positive variance, not as sigma².
                    double v = sigma > 0 || Double.isNaN(sigma) ? sigma * sigma : 0.0;
                    Detection d = new Detection(t, sensor, x, y, Double.NaN, Double.NaN, v, 0.0, v,
                            Double.NaN, Double.NaN, null, Double.NaN, null, Double.NaN);
                    out.add(d);
                } catch (RuntimeException e) {
                    malformed++; // NumberFormatException or a short row
                }
            }
        } catch (IOException e) {
            throw new TrackInputException("cannot read " + path + ": " + describe(e), e);
        }
        return new Content(out, malformed);
    }

    private static String describe(IOException e) {
        return e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage();
    }
}
