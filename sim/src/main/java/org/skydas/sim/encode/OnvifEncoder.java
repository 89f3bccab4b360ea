package org.skydas.sim.encode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Writes ONVIF {@code tt:MetadataStream} documents (Profile M object analytics) as a camera pushes them and
 * {@code org.skydas.ingest.onvif.OnvifMetadataParser} reads them: one {@code tt:VideoAnalytics/tt:Frame} with a
 * {@code tt:Object} per object, each with its bounding box (normalised image coordinates, -1..1), its class
 * ({@code Human}, {@code Vehicle}, {@code Animal}) with a likelihood, and its geolocation (WGS84 degrees, m).
 */
public final class OnvifEncoder {

    /** One object in a frame: the camera's object id, box centre across the image (-1 left .. 1 right), class. */
    public record FrameObject(int objectId, double centreX, double halfWidth, String type, double likelihood,
                              double lonDeg, double latDeg, double elevationM) {
    }

    private OnvifEncoder() {
    }

    public static byte[] frame(Instant time, String videoSource, List<FrameObject> objects) {
        StringBuilder b = new StringBuilder(256 + 400 * objects.size());
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<tt:MetadataStream xmlns:tt=\"http://www.onvif.org/ver10/schema\"><tt:VideoAnalytics>")
                .append("<tt:Frame UtcTime=\"").append(time).append("\" Source=\"").append(xml(videoSource)).append("\">");
        for (FrameObject o : objects) {
            double left = Math.max(-1, o.centreX() - o.halfWidth());
            double right = Math.min(1, o.centreX() + o.halfWidth());
            b.append("<tt:Object ObjectId=\"").append(o.objectId()).append("\"><tt:Appearance><tt:Shape>")
                    .append(String.format(Locale.ROOT, "<tt:BoundingBox left=\"%.4f\" top=\"0.1000\" right=\"%.4f\""
                            + " bottom=\"-0.3000\"/><tt:CenterOfGravity x=\"%.4f\" y=\"-0.1000\"/>", left, right,
                            (left + right) / 2))
                    .append("</tt:Shape><tt:Class>")
                    .append(String.format(Locale.ROOT, "<tt:Type Likelihood=\"%.2f\">", o.likelihood()))
                    .append(xml(o.type())).append("</tt:Type></tt:Class>")
                    .append(String.format(Locale.ROOT, "<tt:GeoLocation lon=\"%.7f\" lat=\"%.7f\" elevation=\"%.1f\"/>",
                            o.lonDeg(), o.latDeg(), o.elevationM()))
                    .append("</tt:Appearance></tt:Object>");
        }
        b.append("</tt:Frame></tt:VideoAnalytics></tt:MetadataStream>\n");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
