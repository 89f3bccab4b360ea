package org.skydas.obstacles;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Polygon;

/**
 * The marking plan as a printable map (PNG, drawn in the LKS-94 grid, north up): the perimeter hatched,
 * every sign numbered, the reference points, a scale bar, a north arrow and a title block naming the
 * field, the spacing and the sign design. For the team placing the signs; it shows nothing else.
 */
public final class MarkingPlanMap {

    private MarkingPlanMap() {
    }

    public static byte[] png(ObstacleField f, double spacingM, int widthPx) {
        List<MarkingPlan.Sign> signs = MarkingPlan.signs(f, spacingM);
        int w = Math.max(400, Math.min(4000, widthPx));
        int h = (int) Math.round(w * 0.75);
        int title = 70;
        Envelope env = new Envelope(f.geometry().getEnvelopeInternal());
        if (f.explosive() != null) {
            for (Records.ReferencePoint r : f.explosive().referencePoints()) {
                env.expandToInclude(org.skydas.geo.Lks94.toGrid(r.lon(), r.lat()));
            }
        }
        env.expandBy(Math.max(30, 0.1 * Math.max(env.getWidth(), env.getHeight())));
        double scale = Math.min((w - 40) / env.getWidth(), (h - title - 40) / env.getHeight()); // px per metre
        double ox = 20 + ((w - 40) - env.getWidth() * scale) / 2;
        double oy = title + 20 + ((h - title - 40) - env.getHeight() * scale) / 2;
        java.util.function.Function<Coordinate, double[]> px = c -> new double[] {
            ox + (c.x - env.getMinX()) * scale, oy + (env.getMaxY() - c.y) * scale};

        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);

        Path2D outline = new Path2D.Double();
        Coordinate[] ring = f.geometry() instanceof Polygon p ? p.getExteriorRing().getCoordinates()
                : f.geometry().getCoordinates();
        for (int i = 0; i < ring.length; i++) {
            double[] q = px.apply(ring[i]);
            if (i == 0) {
                outline.moveTo(q[0], q[1]);
            } else {
                outline.lineTo(q[0], q[1]);
            }
        }
        Color red = new Color(0xC0392B);
        if (f.geometry() instanceof Polygon) {
            g.setClip(outline);
            g.setColor(new Color(0xF5B7B1));
            g.setStroke(new BasicStroke(1));
            for (int d = -h; d < w + h; d += 10) {
                g.drawLine(d, h, d + h, 0);
            }
            g.setClip(null);
        }
        g.setColor(red);
        g.setStroke(new BasicStroke(2.5f));
        g.draw(outline);

        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (MarkingPlan.Sign s : signs) {
            double[] q = px.apply(s.grid());
            g.setColor(new Color(0xE67E22));
            g.fillOval((int) q[0] - 5, (int) q[1] - 5, 10, 10);
            g.setColor(new Color(0xB7950B));
            g.drawOval((int) q[0] - 5, (int) q[1] - 5, 10, 10);
            // the number outside the field, where the sign faces
            double a = Math.toRadians(s.facingDeg());
            g.setColor(Color.BLACK);
            g.drawString(Integer.toString(s.sequence()), (float) (q[0] + Math.sin(a) * 14 - 6),
                    (float) (q[1] - Math.cos(a) * 14 + 4));
        }
        if (f.explosive() != null) {
            int i = 1;
            for (Records.ReferencePoint r : f.explosive().referencePoints()) {
                double[] q = px.apply(org.skydas.geo.Lks94.toGrid(r.lon(), r.lat()));
                g.setColor(new Color(0x1F618D));
                g.fillRect((int) q[0] - 5, (int) q[1] - 5, 10, 10);
                g.drawString("RP" + i++, (float) q[0] + 8, (float) q[1] - 6);
            }
        }

        // scale bar: a round length near a fifth of the width
        double target = (w / 5.0) / scale;
        double pow = Math.pow(10, Math.floor(Math.log10(target)));
        double bar = target / pow >= 5 ? 5 * pow : target / pow >= 2 ? 2 * pow : pow;
        int bx = 20;
        int by = h - 20;
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(3));
        g.drawLine(bx, by, bx + (int) (bar * scale), by);
        g.drawString(String.format(Locale.ROOT, "%.0f m", bar), bx, by - 6);
        // north arrow (grid north)
        g.setStroke(new BasicStroke(2));
        g.drawLine(w - 30, h - 20, w - 30, h - 60);
        g.fillPolygon(new int[] {w - 36, w - 30, w - 24}, new int[] {h - 52, h - 64, h - 52}, 3);
        g.drawString("N", w - 34, h - 68);

        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString("Marking plan: " + f.name() + " (" + f.id() + ")", 12, 22);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString(String.format(Locale.ROOT, "%d signs, at most %.0f m apart, facing outward; LKS-94 grid, north up. "
                + "Signs: triangle >= 28 x 20 cm or square >= 15 cm, red/orange, yellow reflecting border, "
                + "\"MINES / MINOS / МИНЫ\"", signs.size(), spacingM), 12, 42);
        g.drawString("CCW Amended Protocol II, Technical Annex para. 4. Status: " + f.status().wire()
                + (f.example() ? ". EXAMPLE, not a real field." : "."), 12, 60);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
