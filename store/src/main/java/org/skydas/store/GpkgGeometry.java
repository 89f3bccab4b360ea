package org.skydas.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * The GeoPackage geometry blob (OGC 12-128r18 §2.1.3): "GP", version 0, flags, srs_id, an optional
 * envelope, then standard WKB. Points carry no envelope (as GDAL writes them); everything else carries
 * [minx, maxx, miny, maxy] so that readers can skip parsing.
 */
public final class GpkgGeometry {

    private static final int HEADER = 8;

    private GpkgGeometry() {
    }

    public static byte[] encode(Geometry g, int srsId) {
        boolean empty = g.isEmpty();
        boolean envelope = !empty && !(g instanceof Point);
        byte[] wkb = new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN).write(g);
        ByteBuffer b = ByteBuffer.allocate(HEADER + (envelope ? 32 : 0) + wkb.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'G').put((byte) 'P').put((byte) 0);
        int flags = 1; // little-endian header
        if (envelope) {
            flags |= 1 << 1; // envelope [minx, maxx, miny, maxy]
        }
        if (empty) {
            flags |= 1 << 4;
        }
        b.put((byte) flags);
        b.putInt(srsId);
        if (envelope) {
            Envelope e = g.getEnvelopeInternal();
            b.putDouble(e.getMinX()).putDouble(e.getMaxX()).putDouble(e.getMinY()).putDouble(e.getMaxY());
        }
        b.put(wkb);
        return b.array();
    }

    public static Geometry decode(byte[] blob, GeometryFactory factory) {
        int offset = wkbOffset(blob);
        try {
            Geometry g = new WKBReader(factory).read(java.util.Arrays.copyOfRange(blob, offset, blob.length));
            g.setSRID(factory.getSRID());
            return g;
        } catch (ParseException e) {
            throw new IllegalArgumentException("corrupt geometry blob: " + e.getMessage());
        }
    }

    /** Envelope [minx, maxx, miny, maxy] from the header, or by parsing the WKB when absent; null if empty. */
    public static double[] envelope(byte[] blob) {
        if (blob == null || isEmpty(blob)) {
            return null;
        }
        ByteBuffer b = header(blob);
        int indicator = (blob[3] >> 1) & 0x7;
        if (indicator >= 1 && indicator <= 4) {
            return new double[] {b.getDouble(8), b.getDouble(16), b.getDouble(24), b.getDouble(32)};
        }
        Envelope e = decode(blob, new GeometryFactory()).getEnvelopeInternal();
        return new double[] {e.getMinX(), e.getMaxX(), e.getMinY(), e.getMaxY()};
    }

    public static boolean isEmpty(byte[] blob) {
        header(blob);
        return (blob[3] & (1 << 4)) != 0;
    }

    private static ByteBuffer header(byte[] blob) {
        if (blob.length < HEADER || blob[0] != 'G' || blob[1] != 'P') {
            throw new IllegalArgumentException("not a GeoPackage geometry blob (no 'GP' magic)");
        }
        return ByteBuffer.wrap(blob).order((blob[3] & 1) == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
    }

    private static int wkbOffset(byte[] blob) {
        header(blob);
        int indicator = (blob[3] >> 1) & 0x7;
        int envelopeBytes = switch (indicator) {
            case 0 -> 0;
            case 1 -> 32;
            case 2, 3 -> 48;
            case 4 -> 64;
            default -> throw new IllegalArgumentException("invalid envelope indicator " + indicator);
        };
        if (blob.length < HEADER + envelopeBytes + 5) {
            throw new IllegalArgumentException("truncated geometry blob");
        }
        return HEADER + envelopeBytes;
    }
}
