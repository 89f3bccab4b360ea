package org.skydas.terrain.scenario;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;

import org.skydas.geo.AtomicFile;
import org.skydas.geo.GeoJsonFeature;
import org.skydas.geo.GeoJsonWriter;
import org.skydas.geo.Lks94;
import org.skydas.model.TargetClass;
import org.skydas.terrain.DemGrid;
import org.skydas.terrain.coverage.CoverageResult;
import org.skydas.terrain.io.GeoTiffWriter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Writes a scenario's coverage to a directory, per class {@code <class>} (person, vehicle, drone_50m,
 * drone_120m): {@code coverage-<class>-count.tif} (Byte, sensors seeing each cell, 255 = 255 or
 * more), {@code coverage-<class>-probability.tif} (Float32, P(at least one)), {@code
 * gaps-<class>.geojson} (WGS84, one feature per sector with its gap polygons) and {@code
 * map-<class>.png}; after all classes {@code report.csv} and {@code report.json}. Every file
 * carries the terrain note (TIFF ImageDescription, GeoJSON property, legend, report column).
 */
public final class CoverageOutputs {

    private final Path dir;
    private final ScenarioCoverage setup;
    private final List<Summary> done = new ArrayList<>();

    /** What the report needs of a class once its rasters are gone. */
    private record Summary(TargetClass target, List<String> sensorIds, List<SectorGaps> sectors) {
    }

    public CoverageOutputs(Path dir, ScenarioCoverage setup) {
        this.dir = dir;
        this.setup = setup;
    }

    public static String slug(TargetClass t) {
        return t.name().toLowerCase(Locale.ROOT);
    }

    /** Writes one class's rasters, gaps and map; keeps only its sector figures for the report. */
    public void write(ClassCoverage cc) throws IOException {
        Files.createDirectories(dir);
        CoverageResult r = cc.result();
        String s = slug(cc.target());
        String desc = "Skydas coverage " + s + " (" + r.target().heightAboveGround() + " m); " + setup.terrainNote();
        short[] sensors = r.sensorCount();
        byte[] count = new byte[sensors.length];
        for (int i = 0; i < count.length; i++) {
            count[i] = (byte) Math.min(255, sensors[i]);
        }
        GeoTiffWriter.writeByte(dir.resolve("coverage-" + s + "-count.tif"), r.width(), r.height(), r.transform(),
                r.epsg(), count, null, GeoTiffWriter.Compression.DEFLATE, desc + "; sensors seeing each cell");
        DemGrid p = DemGrid.wrap(r.width(), r.height(), r.pAtLeastOne(), r.transform(), r.epsg(), Float.NaN);
        GeoTiffWriter.writeFloat32(dir.resolve("coverage-" + s + "-probability.tif"), p,
                GeoTiffWriter.Compression.DEFLATE, desc + "; P(at least one sensor detects)");
        AtomicFile.write(dir.resolve("gaps-" + s + ".geojson"), tmp -> writeGaps(tmp, cc, s));
        AtomicFile.write(dir.resolve("map-" + s + ".png"),
                tmp -> ImageIO.write(CoverageMapRenderer.render(setup, cc), "png", tmp.toFile()));
        // the rasters are dropped by the caller; the report needs only the figures
        done.add(new Summary(cc.target(), cc.sensors().stream().map(f -> f.id()).toList(), cc.sectors().stream()
                .map(g -> new SectorGaps(g.sectorId(), g.neighbour(), g.stripCells(), g.coveredCells(), g.stripAreaM2(),
                        g.coveredPct(), g.borderLengthM(), g.longestGapM(), null)).toList()));
    }

    private void writeGaps(Path file, ClassCoverage cc, String s) throws IOException {
        try (OutputStream out = Files.newOutputStream(file);
                GeoJsonWriter gj = new GeoJsonWriter(out, 7)) {
            for (SectorGaps g : cc.sectors()) {
                Map<String, Object> props = new LinkedHashMap<>();
                props.put("sector", g.sectorId());
                props.put("neighbour", g.neighbour());
                props.put("target", s);
                props.put("threshold", setup.options().threshold());
                props.put("covered_pct", round(g.coveredPct(), 3));
                props.put("longest_gap_m", round(g.longestGapM(), 1));
                props.put("gap_area_km2", round(g.gaps().getArea() / 1e6, 4));
                props.put("terrain", setup.terrainNote());
                gj.write(new GeoJsonFeature(s + "/" + g.sectorId(), Lks94.toWgs84(g.gaps()), props));
            }
        }
    }

    /** report.csv and report.json over every class written so far. */
    public void writeReport() throws IOException {
        Files.createDirectories(dir);
        AtomicFile.write(dir.resolve("report.csv"), this::writeCsv);
        AtomicFile.write(dir.resolve("report.json"), this::writeJson);
    }

    private void writeCsv(Path file) throws IOException {
        CoverageOptions o = setup.options();
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("sector,neighbour,target,target_height_m,sensors,strip_area_km2,covered_pct,border_length_m,"
                    + "longest_gap_m,threshold,terrain\n");
            for (Summary cc : done) {
                for (SectorGaps g : cc.sectors()) {
                    w.write(String.join(",", csv(g.sectorId()), g.neighbour(), slug(cc.target()),
                            fmt(o.targetHeights().get(cc.target()), 1), Integer.toString(cc.sensorIds().size()),
                            fmt(g.stripAreaM2() / 1e6, 4), fmt(g.coveredPct(), 3), fmt(g.borderLengthM(), 1),
                            fmt(g.longestGapM(), 1), fmt(o.threshold(), 3), csv(setup.terrainNote())));
                    w.write('\n');
                }
            }
        }
    }

    private void writeJson(Path file) throws IOException {
        CoverageOptions o = setup.options();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("scenario", setup.scenario().name());
        root.put("terrain", setup.terrainNote());
        root.put("resolution_m", o.resolutionM());
        root.put("threshold", o.threshold());
        root.put("year", o.year());
        root.put("sensor_statuses", setup.options().selection().describe());
        root.put("curvature", o.curvature());
        List<Object> classes = new ArrayList<>();
        for (Summary cc : done) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("target", slug(cc.target()));
            c.put("target_height_m", o.targetHeights().get(cc.target()));
            c.put("sensors", cc.sensorIds());
            long strip = 0;
            long covered = 0;
            List<Object> sectors = new ArrayList<>();
            for (SectorGaps g : cc.sectors()) {
                strip += g.stripCells();
                covered += g.coveredCells();
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("sector", g.sectorId());
                m.put("neighbour", g.neighbour());
                m.put("strip_area_km2", round(g.stripAreaM2() / 1e6, 4));
                m.put("covered_pct", round(g.coveredPct(), 3));
                m.put("border_length_m", round(g.borderLengthM(), 1));
                m.put("longest_gap_m", round(g.longestGapM(), 1));
                sectors.add(m);
            }
            c.put("covered_pct", strip == 0 ? 0.0 : round(100.0 * covered / strip, 3));
            c.put("sectors", sectors);
            classes.add(c);
        }
        root.put("classes", classes);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), root);
    }

    private static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }

    private static String fmt(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
