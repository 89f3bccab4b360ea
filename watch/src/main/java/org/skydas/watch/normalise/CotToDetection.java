package org.skydas.watch.normalise;

import java.util.Locale;

import org.locationtech.jts.geom.Coordinate;
import org.skydas.geo.Lks94;
import org.skydas.ingest.cot.CotEvent;
import org.skydas.ingest.cot.CotPoint;
import org.skydas.model.TargetKind;
import org.skydas.track.Detection;
import org.skydas.track.Dimension;

/**
 * A Cursor-on-Target event as a tracker detection in the LKS-94 grid. The CoT type's affiliation
 * (a-f friend, a-h hostile, a-u unknown, a-n neutral, ...) and function give a class hint; its dimension
 * (G ground, A air) is stated, and constrains the class (a ground report is never a drone, an air report never
 * a person or vehicle); the circular error {@code ce} (taken as one sigma, as MITRE's CoT schema defines it)
 * gives the noise. Friendly positions are not threats to track: the pipeline keeps them apart.
 */
public final class CotToDetection {

    /** Noise assumed when the event gives no circular error. */
    static final double UNKNOWN_CE_M = 50.0;
    /** Smallest noise accepted: GPS positions claiming centimetres would make a brittle filter. */
    static final double MIN_SIGMA_M = 3.0;

    private CotToDetection() {
    }

    public static boolean isFriendly(CotEvent e) {
        return e.type() != null && e.type().startsWith("a-f-");
    }

    /** Only atoms (a-...) describe things that move and can be tracked. */
    public static boolean isTrackable(CotEvent e) {
        return e.type() != null && e.type().startsWith("a-") && e.point() != null
                && Double.isFinite(e.point().lat()) && Double.isFinite(e.point().lon())
                && !(e.point().lat() == 0 && e.point().lon() == 0);
    }

    public static Detection convert(CotEvent e, int sensorId) {
        CotPoint p = e.point();
        Coordinate grid = Lks94.toGrid(p.lon(), p.lat());
        double sigma = p.ceKnown() ? Math.max(MIN_SIGMA_M, p.ce()) : UNKNOWN_CE_M;
        double t = e.time().toEpochMilli() / 1000.0;
        Detection d = Detection.position(t, sensorId, grid.x, grid.y, sigma).withExternalId(e.uid());
        TargetKind hint = classHint(e.type());
        if (hint != null) {
            d = d.withClassHint(hint, 0.8);
        }
        Dimension dimension = dimension(e.type());
        if (dimension != null) {
            d = d.withDimension(dimension);
        }
        if (p.haeKnown()) {
            d = d.withHeight(p.hae(), p.leKnown() ? Math.max(MIN_SIGMA_M, p.le()) : UNKNOWN_CE_M);
        }
        return d;
    }

    /** The dimension an atom's type states: a-?-G… ground, a-?-A… air; others (sea, space, unknown) null. */
    static Dimension dimension(String type) {
        String[] parts = atoms(type);
        return parts == null ? null : switch (parts[2]) {
            case "G" -> Dimension.GROUND;
            case "A" -> Dimension.AIR;
            default -> null;
        };
    }

    /** a-?-A... is air (a drone, at border-watch scale); a-?-G-E-V... a ground vehicle; a-?-G-U... a unit on foot. */
    static TargetKind classHint(String type) {
        String[] parts = atoms(type);
        return parts == null ? null : switch (parts[2]) {
            case "A" -> TargetKind.DRONE;
            case "G" -> parts.length >= 5 && parts[3].equals("E") && parts[4].equals("V") ? TargetKind.VEHICLE
                    : parts.length >= 4 && parts[3].equals("U") ? TargetKind.PERSON : null;
            default -> null;
        };
    }

    /** The type's atoms upper-cased, or null when it has no dimension (fewer than three). */
    private static String[] atoms(String type) {
        String[] parts = type.toUpperCase(Locale.ROOT).split("-");
        return parts.length < 3 ? null : parts;
    }
}
