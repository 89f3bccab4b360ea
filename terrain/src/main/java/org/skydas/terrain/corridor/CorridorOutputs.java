package org.skydas.terrain.corridor;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
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

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.skydas.geo.GeoJsonFeature;
import org.skydas.geo.GeoJsonWriter;
import org.skydas.geo.Lks94;
import org.skydas.model.BorderLine;
import org.skydas.model.Scenario;
import org.skydas.terrain.GeoTransform;
import org.skydas.terrain.cost.CostDistanceRunner;
import org.skydas.terrain.io.GeoTiffWriter;

/**
 * Writes a corridor analysis to a directory: {@code corridors.geojson} (WGS84 LineStrings with rank,
 * times, sectors), {@code isochrones.geojson} (time-to-objective bands as polygons), {@code
 * time_to_objective.tif} (seconds, Float32, NaN where the objective cannot be reached), {@code
 * report.json} and {@code report.csv} (per corridor and per sector) and {@code map.png}. Each file
 * is written to a temporary name and renamed when complete.
 */
public final class CorridorOutputs {

    /** Isochrone band limits in minutes. */
    static final int[] BANDS_MIN = {15, 30, 60, 120, 240, 480};

    private CorridorOutputs() {
    }

    public static void write(Path dir, Scenario s, CorridorAnalysis.Result r, String terrainNote) throws IOException {
        Files.createDirectories(dir);
        int w = r.grid().width();
        int h = r.grid().height();
        GeoTransform gt = r.grid().transform();
        float[] tto = r.timeToObjective();
        CostDistanceRunner.writeReplacing(dir.resolve("time_to_objective.tif"),
                tmp -> GeoTiffWriter.writeFloat32(tmp, w, h, gt, r.grid().epsg(), Float.NaN,
                        GeoTiffWriter.Compression.DEFLATE, "skydas corridors: seconds to the objective, "
                                + r.options().mover().slug() + " from " + r.options().from().code(),
                        (row0, rows, dst) -> dst.put(tto, row0 * w, rows * w)));
        CostDistanceRunner.writeReplacing(dir.resolve("corridors.geojson"), tmp -> {
            try (OutputStream out = Files.newOutputStream(tmp); GeoJsonWriter gj = new GeoJsonWriter(out, 6)) {
                for (CorridorAnalysis.Corridor c : r.corridors()) {
                    gj.write(feature(c));
                }
            }
        });
        CostDistanceRunner.writeReplacing(dir.resolve("isochrones.geojson"), tmp -> {
            try (OutputStream out = Files.newOutputStream(tmp); GeoJsonWriter gj = new GeoJsonWriter(out, 6)) {
                int lo = 0;
                for (int hi : BANDS_MIN) {
                    Geometry band = band(tto, w, h, gt, lo * 60.0, hi * 60.0);
                    if (!band.isEmpty()) {
                        Map<String, Object> p = new LinkedHashMap<>();
                        p.put("from_min", lo);
                        p.put("to_min", hi);
                        p.put("mover", r.options().mover().slug());
                        gj.write(new GeoJsonFeature("isochrone-" + lo + "-" + hi, Lks94.toWgs84(band), p));
                    }
                    lo = hi;
                }
            }
        });
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("neighbour", r.options().from().code());
        report.put("mover", r.options().mover().slug());
        report.put("objective", r.options().toZone() == null ? "inner edge of the " + r.options().from().code()
                + " buffer zone" : r.options().toZone());
        report.put("depth_m", r.options().depthM());
        report.put("resolution_m", r.options().resolutionM());
        report.put("terrain", terrainNote);
        report.put("origin_cells", r.originCells());
        report.put("objective_cells", r.objectiveCells());
        report.put("obstacles", r.obstacles());
        List<Map<String, Object>> cs = new ArrayList<>();
        for (CorridorAnalysis.Corridor c : r.corridors()) {
            cs.add(properties(c));
        }
        report.put("corridors", cs);
        List<Map<String, Object>> ss = new ArrayList<>();
        for (CorridorAnalysis.SectorWarning sw : r.sectors()) {
            ss.add(sectorRow(sw));
        }
        report.put("sectors", ss);
        CostDistanceRunner.writeReplacing(dir.resolve("report.json"),
                tmp -> new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(tmp.toFile(), report));
        CostDistanceRunner.writeReplacing(dir.resolve("report.csv"), tmp -> {
            try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                out.write("record,rank,sector,neighbour,mover,travel_time_s,first_detection_s,warning_time_s,"
                        + "obstacle_delay_s,overlap_with_better,undetected\n");
                for (CorridorAnalysis.Corridor c : r.corridors()) {
                    out.write(String.join(",", "corridor", Integer.toString(c.rank()), String.join(";", c.sectors()),
                            c.neighbour().code(), c.mover().slug(), fmt(c.travelS()), fmt(c.firstDetectionS()),
                            fmt(c.warningS()), fmt(c.obstacleDelayS()), fmt(c.overlapWithBetter()),
                            Boolean.toString(!c.detected())) + "\n");
                }
                for (CorridorAnalysis.SectorWarning sw : r.sectors()) {
                    out.write(String.join(",", "sector", "", sw.sector(), r.options().from().code(),
                            r.options().mover().slug(), "", "", fmt(sw.minWarningS()), "", "",
                            Boolean.toString(sw.undetectedCorridor())) + "\n");
                }
            }
        });
        CostDistanceRunner.writeReplacing(dir.resolve("map.png"),
                tmp -> ImageIO.write(map(s, r), "png", tmp.toFile()));
    }

    /** A corridor as a WGS84 GeoJSON LineString feature {@code corridor-RANK} with {@link #properties}. */
    public static GeoJsonFeature feature(CorridorAnalysis.Corridor c) {
        LineString line = Lks94.GRID.createLineString(c.path());
        return new GeoJsonFeature("corridor-" + c.rank(), Lks94.toWgs84(line), properties(c));
    }

    /** A sector's least warning time as report.json (and the API) write it. */
    public static Map<String, Object> sectorRow(CorridorAnalysis.SectorWarning sw) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sector", sw.sector());
        m.put("min_warning_time_s", sw.minWarningS() == null ? null : round(sw.minWarningS()));
        m.put("corridors", sw.corridors());
        m.put("undetected_corridor", sw.undetectedCorridor());
        return m;
    }

    /** The warning-time colour classes of map.png (and the web layer): label, colour, upper bound in seconds. */
    public static List<Map<String, Object>> legend() {
        List<Map<String, Object>> out = new ArrayList<>();
        Object[][] keys = {{"warning < 5 min", 300.0}, {"5-15 min", 900.0}, {"> 15 min", null}, {"undetected", -1.0}};
        for (Object[] k : keys) {
            Double below = (Double) k[1];
            Color c = below == null ? warningColour(3600.0) : below < 0 ? warningColour(null) : warningColour(below - 1);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("label", k[0]);
            m.put("color", String.format(Locale.ROOT, "#%06x", c.getRGB() & 0xffffff));
            m.put("below_s", below == null || below < 0 ? null : below);
            m.put("undetected", below != null && below < 0);
            out.add(m);
        }
        return out;
    }

    /** Corridor properties: rank, neighbour, mover, times in seconds (0.1 s), undetected, overlap, sectors. */
    public static Map<String, Object> properties(CorridorAnalysis.Corridor c) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("rank", c.rank());
        p.put("neighbour", c.neighbour().code());
        p.put("mover", c.mover().slug());
        p.put("travel_time_s", round(c.travelS()));
        p.put("first_detection_s", c.firstDetectionS() == null ? null : round(c.firstDetectionS()));
        p.put("warning_time_s", c.warningS() == null ? null : round(c.warningS()));
        p.put("undetected", !c.detected());
        p.put("obstacle_delay_s", round(c.obstacleDelayS()));
        p.put("overlap_with_better", Math.round(c.overlapWithBetter() * 1000) / 1000.0);
        p.put("sectors", c.sectors());
        return p;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static String fmt(Double v) {
        return v == null ? "" : String.format(Locale.ROOT, "%.1f", v);
    }

    /** Cells with {@code lo <= t < hi} as one polygon: row runs merged into rectangles, then unioned. */
    static Geometry band(float[] t, int w, int h, GeoTransform gt, double lo, double hi) {
        List<Geometry> boxes = new ArrayList<>();
        for (int r = 0; r < h; r++) {
            int c = 0;
            while (c < w) {
                float v = t[r * w + c];
                if (v >= lo && v < hi) {
                    int start = c;
                    while (c < w && t[r * w + c] >= lo && t[r * w + c] < hi) {
                        c++;
                    }
                    boxes.add(Lks94.GRID.toGeometry(new org.locationtech.jts.geom.Envelope(gt.x(start, r), gt.x(c, r),
                            gt.y(start, r), gt.y(start, r + 1))));
                } else {
                    c++;
                }
            }
        }
        return boxes.isEmpty() ? Lks94.GRID.createPolygon() : UnaryUnionOp.union(boxes);
    }

    /** Time to the objective in grey (darker is sooner), the border, corridors coloured by warning time. */
    static BufferedImage map(Scenario s, CorridorAnalysis.Result r) {
        int w = r.grid().width();
        int h = r.grid().height();
        double scale = Math.min(1400.0 / w, 1400.0 / h);
        scale = Math.max(scale, Math.min(900.0 / w, 900.0 / h));
        int pw = Math.max(1, (int) Math.round(w * scale));
        int ph = Math.max(1, (int) Math.round(h * scale));
        int legend = 60;
        BufferedImage img = new BufferedImage(pw, ph + legend, BufferedImage.TYPE_INT_RGB);
        float[] t = r.timeToObjective();
        float max = 0;
        for (float v : t) {
            if (v == v && v <= BANDS_MIN[BANDS_MIN.length - 1] * 60f) {
                max = Math.max(max, v);
            }
        }
        for (int y = 0; y < ph; y++) {
            int row = Math.min(h - 1, (int) (y / scale));
            for (int x = 0; x < pw; x++) {
                int col = Math.min(w - 1, (int) (x / scale));
                float v = t[row * w + col];
                int rgb;
                if (v != v) {
                    rgb = 0xd8e4ec;
                } else {
                    int g = 60 + (int) (180 * Math.min(1, v / Math.max(1, max)));
                    rgb = g << 16 | g << 8 | g;
                }
                img.setRGB(x, y, rgb);
            }
        }
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        GeoTransform gt = r.grid().transform();
        double fs = scale;
        java.util.function.Function<Coordinate, double[]> px = c -> new double[] {gt.col(c.x, c.y) * fs,
            gt.row(c.x, c.y) * fs};
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(2f));
        for (BorderLine b : s.border()) {
            for (int i = 0; i < b.geometry().getNumGeometries(); i++) {
                g.draw(path(b.geometry().getGeometryN(i).getCoordinates(), px));
            }
        }
        g.setStroke(new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        for (CorridorAnalysis.Corridor c : r.corridors()) {
            g.setColor(warningColour(c.warningS()));
            Coordinate[] line = c.path();
            g.draw(path(line, px));
            double[] p0 = px.apply(line[0]);
            g.drawString("#" + c.rank(), (float) p0[0] + 4, (float) p0[1] - 4);
        }
        // legend and scale bar
        g.setColor(Color.WHITE);
        g.fillRect(0, ph, pw, legend);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        int x = 8;
        for (Map<String, Object> k : legend()) {
            String label = (String) k.get("label");
            g.setColor(new Color(Integer.parseInt(((String) k.get("color")).substring(1), 16)));
            g.fillRect(x, ph + 10, 18, 8);
            g.setColor(Color.BLACK);
            g.drawString(label, x + 22, ph + 19);
            x += 40 + g.getFontMetrics().stringWidth(label);
        }
        g.drawString(String.format(Locale.ROOT, "%s from %s; grey: time to the objective (darker sooner, up to %.0f min)",
                r.options().mover().slug(), r.options().from().code(), max / 60), 8, ph + 40);
        double kmPx = 10_000 / r.options().resolutionM() * scale;
        int bar = (int) Math.round(kmPx);
        g.fillRect(pw - bar - 12, ph + 32, bar, 4);
        g.drawString("10 km", pw - bar - 12, ph + 52);
        g.dispose();
        return img;
    }

    private static Path2D path(Coordinate[] cs, java.util.function.Function<Coordinate, double[]> px) {
        Path2D p = new Path2D.Double();
        for (int i = 0; i < cs.length; i++) {
            double[] xy = px.apply(cs[i]);
            if (i == 0) {
                p.moveTo(xy[0], xy[1]);
            } else {
                p.lineTo(xy[0], xy[1]);
            }
        }
        return p;
    }

    static Color warningColour(Double warningS) {
        if (warningS == null) {
            return new Color(128, 0, 128);
        }
        if (warningS < 300) {
            return new Color(220, 30, 30);
        }
        return warningS < 900 ? new Color(240, 150, 0) : new Color(30, 160, 60);
    }
}
