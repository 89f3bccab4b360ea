package org.skydas.terrain.scenario;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.skydas.model.Sector;
import org.skydas.terrain.GeoTransform;
import org.skydas.terrain.coverage.CoverageResult;
import org.skydas.terrain.coverage.SensorFootprint;

/**
 * A static map of one class's coverage: P(at least one) in the viridis classes of
 * {@link CoveragePalette}, the uncovered border strip in grey, the border line, the sensors, a
 * legend (with the terrain note) and a scale bar. Drawn with java.awt in headless mode.
 */
public final class CoverageMapRenderer {

    /** Longest side of the map part in pixels; larger grids are reduced (max P per block). */
    public static final int MAX_MAP_PX = 1400;
    /** Small grids are enlarged to at least about this many pixels on their longest side. */
    public static final int MIN_MAP_PX = 900;
    private static final int LEGEND_W = 300;

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private CoverageMapRenderer() {
    }

    public static BufferedImage render(ScenarioCoverage setup, ClassCoverage cc) {
        CoverageResult r = cc.result();
        int w = r.width();
        int h = r.height();
        // large grids: one pixel per block of cells (max P); small ones: several pixels per cell
        int block = Math.max(1, (int) Math.ceil(Math.max(w, h) / (double) MAX_MAP_PX));
        int zoom = block > 1 ? 1 : Math.max(1, MIN_MAP_PX / Math.max(w, h));
        int bw = (w + block - 1) / block;
        int bh = (h + block - 1) / block;
        int mw = bw * zoom;
        int mh = bh * zoom;
        int ih = Math.max(mh, 420);
        BufferedImage img = new BufferedImage(mw + LEGEND_W, ih, BufferedImage.TYPE_INT_RGB);
        float[] maxP = new float[bw * bh];
        boolean[] strip = new boolean[bw * bh];
        float[] p = r.pAtLeastOne(); // one copy: a loop over every cell reads an array faster than the getter
        for (int i = 0; i < p.length; i++) {
            int k = (i / w) / block * bw + (i % w) / block;
            maxP[k] = Math.max(maxP[k], p[i]);
        }
        for (int i : setup.stripCellIndices()) {
            strip[(i / w) / block * bw + (i % w) / block] = true;
        }
        int[] px = new int[mw * mh];
        for (int y = 0; y < mh; y++) {
            for (int x = 0; x < mw; x++) {
                int k = (y / zoom) * bw + x / zoom;
                int c = CoveragePalette.argb(maxP[k], 0xFF);
                px[y * mw + x] = c != 0 ? c : strip[k] ? CoveragePalette.UNCOVERED_STRIP_RGB : 0xFFFFFF;
            }
        }
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        img.setRGB(0, 0, mw, mh, px, 0, mw);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        GeoTransform gt = r.transform();
        double scale = (double) zoom / block; // pixels per cell
        // border line
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1.5f));
        for (Sector s : setup.scenario().sectors()) {
            draw(g, s.geometry(), gt, scale);
        }
        // sensors: black dot with a white ring, visible on every class colour
        for (SensorFootprint f : cc.sensors()) {
            double x = gt.col(f.x(), f.y()) * scale;
            double y = gt.row(f.x(), f.y()) * scale;
            g.setColor(Color.WHITE);
            g.fillOval((int) x - 4, (int) y - 4, 9, 9);
            g.setColor(Color.BLACK);
            g.fillOval((int) x - 3, (int) y - 3, 7, 7);
        }
        scaleBar(g, mw, mh, Math.abs(gt.dx()) / scale);
        legend(g, mw, setup, cc);
        g.dispose();
        return img;
    }

    private static void draw(Graphics2D g, Geometry lineal, GeoTransform gt, double scale) {
        for (int i = 0; i < lineal.getNumGeometries(); i++) {
            Coordinate[] cs = lineal.getGeometryN(i).getCoordinates();
            Path2D.Double path = new Path2D.Double();
            for (int k = 0; k < cs.length; k++) {
                double x = gt.col(cs[k].x, cs[k].y) * scale;
                double y = gt.row(cs[k].x, cs[k].y) * scale;
                if (k == 0) {
                    path.moveTo(x, y);
                } else {
                    path.lineTo(x, y);
                }
            }
            g.draw(path);
        }
    }

    /** A 1-2-5 bar about a fifth of the map wide, bottom left, on a white box. */
    static void scaleBar(Graphics2D g, int mw, int mh, double metresPerPx) {
        double target = mw * metresPerPx / 5;
        double mag = Math.pow(10, Math.floor(Math.log10(target)));
        double len = mag;
        for (double f : new double[] {1, 2, 5, 10}) {
            if (f * mag <= target) {
                len = f * mag;
            }
        }
        int px = (int) Math.round(len / metresPerPx);
        String label = len >= 1000 ? String.format(Locale.ROOT, "%s km", trim(len / 1000))
                : String.format(Locale.ROOT, "%s m", trim(len));
        int x0 = 12;
        int y0 = mh - 14;
        g.setColor(new Color(255, 255, 255, 210));
        g.fillRect(x0 - 6, y0 - 26, px + 12 + 60, 36);
        g.setColor(Color.BLACK);
        g.fillRect(x0, y0 - 4, px / 2, 5);
        g.drawRect(x0, y0 - 4, px, 5);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString("0", x0, y0 - 8);
        g.drawString(label, x0 + px - 10, y0 - 8);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static void legend(Graphics2D g, int x0, ScenarioCoverage setup, ClassCoverage cc) {
        int x = x0 + 16;
        int y = 24;
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString("Sensor coverage: " + cc.target().name().toLowerCase(Locale.ROOT), x, y);
        y += 18;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString(String.format(Locale.ROOT, "target %.1f m above ground, %d sensor(s)",
                cc.result().target().heightAboveGround(), cc.sensors().size()), x, y);
        y += 24;
        g.drawString("P(at least one sensor detects)", x, y);
        y += 8;
        for (int k = CoveragePalette.RGB.length - 1; k >= 0; k--) {
            g.setColor(new Color(CoveragePalette.RGB[k]));
            g.fillRect(x, y, 22, 16);
            g.setColor(Color.BLACK);
            g.drawRect(x, y, 22, 16);
            g.drawString(CoveragePalette.label(k), x + 30, y + 13);
            y += 20;
        }
        g.setColor(new Color(CoveragePalette.UNCOVERED_STRIP_RGB));
        g.fillRect(x, y, 22, 16);
        g.setColor(Color.BLACK);
        g.drawRect(x, y, 22, 16);
        g.drawString("border strip, P < 0.01", x + 30, y + 13);
        y += 24;
        g.drawLine(x, y + 6, x + 22, y + 6);
        g.drawString("border line", x + 30, y + 10);
        y += 20;
        g.fillOval(x + 8, y + 2, 7, 7);
        g.drawString("sensor", x + 30, y + 10);
        y += 28;
        String note = setup.terrainNote() + "; covered = P >= "
                + String.format(Locale.ROOT, "%.2f", setup.options().threshold()) + "; sensors: "
                + setup.options().selection().describe();
        for (String line : wrap(note, g.getFontMetrics(), LEGEND_W - 28)) {
            g.drawString(line, x, y);
            y += 15;
        }
    }

    private static List<String> wrap(String text, FontMetrics fm, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String word : text.split(" ")) {
            if (!cur.isEmpty() && fm.stringWidth(cur + " " + word) > width) {
                lines.add(cur.toString());
                cur.setLength(0);
            }
            cur.append(cur.isEmpty() ? "" : " ").append(word);
        }
        if (!cur.isEmpty()) {
            lines.add(cur.toString());
        }
        return lines;
    }
}
