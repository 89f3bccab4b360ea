package org.skydas.bench.watch;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;

/** A PNG of a soak's series, one panel per quantity, time in minutes along the bottom (Java2D, no extra library). */
final class SoakPlot {

    private record Panel(String title, List<String> columns) {
    }

    private static final List<Panel> PANELS = List.of(
            new Panel("disk, MB", List.of("data_dir_mb", "db_mb", "wal_mb")),
            new Panel("memory, MB", List.of("rss_mb", "heap_after_gc_mb")),
            new Panel("detection -> alert latency in the window, ms", List.of("latency_p50_ms", "latency_p95_ms",
                    "latency_p99_ms")),
            new Panel("rate, /s", List.of("sent_per_s", "processed_per_s")),
            new Panel("pipeline queue and shed", List.of("queued", "shed")),
            new Panel("load average (1 min)", List.of("load1")),
            new Panel("tracks and alerts held in memory", List.of("tracks", "alerts_in_memory")));
    private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c)};

    private SoakPlot() {
    }

    static void write(List<Map<String, Double>> rows, Path png, String title) throws IOException {
        int w = 1200;
        int ph = 230;
        int h = 50 + PANELS.size() * ph;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(title, 20, 30);
        double tMax = Math.max(1, rows.get(rows.size() - 1).get("t_s") / 60);
        for (int p = 0; p < PANELS.size(); p++) {
            panel(g, PANELS.get(p), rows, 80, 50 + p * ph + 25, w - 110, ph - 60, tMax);
        }
        g.dispose();
        ImageIO.write(img, "png", png.toFile());
    }

    private static void panel(Graphics2D g, Panel panel, List<Map<String, Double>> rows, int x0, int y0, int pw, int ph,
                              double tMax) {
        double yMax = 0;
        for (Map<String, Double> r : rows) {
            for (String c : panel.columns()) {
                double v = r.get(c);
                if (Double.isFinite(v)) {
                    yMax = Math.max(yMax, v);
                }
            }
        }
        yMax = yMax <= 0 ? 1 : yMax * 1.1;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.setColor(Color.BLACK);
        g.drawString(panel.title(), x0, y0 - 6);
        g.setColor(new Color(0xdddddd));
        for (int i = 0; i <= 4; i++) {
            int y = y0 + ph - i * ph / 4;
            g.drawLine(x0, y, x0 + pw, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format(Locale.ROOT, yMax >= 100 ? "%.0f" : "%.1f", yMax * i / 4), 8, y + 4);
            g.setColor(new Color(0xdddddd));
        }
        g.setColor(Color.BLACK);
        g.drawRect(x0, y0, pw, ph);
        for (int m = 0; m <= tMax; m += Math.max(1, (int) (tMax / 12))) {
            int x = x0 + (int) (pw * m / tMax);
            g.drawString(m + " min", x - 10, y0 + ph + 14);
        }
        for (int c = 0; c < panel.columns().size(); c++) {
            g.setColor(COLORS[c % COLORS.length]);
            g.setStroke(new BasicStroke(1.8f));
            int lastX = -1;
            int lastY = -1;
            for (Map<String, Double> r : rows) {
                double v = r.get(panel.columns().get(c));
                if (!Double.isFinite(v)) {
                    lastX = -1;
                    continue;
                }
                int x = x0 + (int) (pw * (r.get("t_s") / 60) / tMax);
                int y = y0 + ph - (int) (ph * v / yMax);
                if (lastX >= 0) {
                    g.drawLine(lastX, lastY, x, y);
                }
                g.fillOval(x - 2, y - 2, 4, 4);
                lastX = x;
                lastY = y;
            }
            g.drawString(panel.columns().get(c), x0 + pw - 420 + c * 140, y0 - 6);
        }
        g.setStroke(new BasicStroke(1f));
    }
}
