package org.skydas.ingest.tak;

import java.time.Instant;
import java.util.List;

import org.skydas.ingest.DecodeException;
import org.skydas.ingest.cot.CotContact;
import org.skydas.ingest.cot.CotDetail;
import org.skydas.ingest.cot.CotEvent;
import org.skydas.ingest.cot.CotGroup;
import org.skydas.ingest.cot.CotPoint;
import org.skydas.ingest.cot.CotPrecisionLocation;
import org.skydas.ingest.cot.CotStatus;
import org.skydas.ingest.cot.CotTakv;
import org.skydas.ingest.cot.CotTrack;

/**
 * Hand-written protobuf codec for the TAK v1 payload ({@code takmessage.proto} in this package's
 * resources documents the schema, with the field numbers of the public protocol). No generated code:
 * the schema is small and stable, and a direct decoder is faster and allocation-light.
 *
 * <p>Decoding accepts the union of the ATAK-CIV and TAK Server flavours and skips unknown fields.
 * Proto3 drops zero values, so absent numbers decode as 0 (an empty {@code track {}} is speed 0,
 * course 0) and absent strings as null. Encoding writes the ATAK-CIV flavour plus nothing else;
 * unknown hae/ce/le (NaN) are sent as TAK's 9999999. Stateless and thread-safe.
 */
public final class TakMessageCodec {

    // TakMessage
    private static final int TM_CONTROL = 1;
    private static final int TM_EVENT = 2;
    private static final int TM_SUBMISSION_TIME = 3;
    private static final int TM_CREATION_TIME = 4;
    // TakControl
    private static final int TC_MIN = 1;
    private static final int TC_MAX = 2;
    private static final int TC_CONTACT_UID = 3;
    // CotEvent
    private static final int CE_TYPE = 1;
    private static final int CE_ACCESS = 2;
    private static final int CE_QOS = 3;
    private static final int CE_OPEX = 4;
    private static final int CE_UID = 5;
    private static final int CE_SEND_TIME = 6;
    private static final int CE_START_TIME = 7;
    private static final int CE_STALE_TIME = 8;
    private static final int CE_HOW = 9;
    private static final int CE_LAT = 10;
    private static final int CE_LON = 11;
    private static final int CE_HAE = 12;
    private static final int CE_CE = 13;
    private static final int CE_LE = 14;
    private static final int CE_DETAIL = 15;
    // Detail
    private static final int D_XML = 1;
    private static final int D_CONTACT = 2;
    private static final int D_GROUP = 3;
    private static final int D_PRECISION = 4;
    private static final int D_STATUS = 5;
    private static final int D_TAKV = 6;
    private static final int D_TRACK = 7;

    private static final int VARINT = ProtoReader.VARINT;
    private static final int FIXED64 = ProtoReader.FIXED64;
    private static final int LEN = ProtoReader.LENGTH_DELIMITED;

    public TakMessage decode(byte[] payload) throws DecodeException {
        return decode(payload, 0, payload.length);
    }

    /** Decodes one payload (no framing header) from {@code bytes[offset, offset+length)}. */
    public TakMessage decode(byte[] bytes, int offset, int length) throws DecodeException {
        if (offset < 0 || length < 0 || offset + length > bytes.length) {
            throw new IllegalArgumentException("range outside the array");
        }
        ProtoReader r = new ProtoReader(bytes, offset, length);
        TakControl control = null;
        CotEvent event = null;
        long submission = 0;
        long creation = 0;
        for (int tag; (tag = r.readTag()) != 0; ) {
            switch (tag >>> 3) {
                case TM_CONTROL -> {
                    r.expect(tag, LEN);
                    int old = r.pushLimit(r.readLength());
                    control = decodeControl(r);
                    r.popLimit(old);
                }
                case TM_EVENT -> {
                    r.expect(tag, LEN);
                    int old = r.pushLimit(r.readLength());
                    event = decodeEvent(r);
                    r.popLimit(old);
                }
                case TM_SUBMISSION_TIME -> {
                    r.expect(tag, VARINT);
                    submission = r.readVarint();
                }
                case TM_CREATION_TIME -> {
                    r.expect(tag, VARINT);
                    creation = r.readVarint();
                }
                default -> r.skip(tag);
            }
        }
        return new TakMessage(control, event, submission, creation);
    }

    private static TakControl decodeControl(ProtoReader r) throws DecodeException {
        long min = 0;
        long max = 0;
        String contactUid = null;
        for (int tag; (tag = r.readTag()) != 0; ) {
            switch (tag >>> 3) {
                case TC_MIN -> {
                    r.expect(tag, VARINT);
                    min = r.readVarint();
                }
                case TC_MAX -> {
                    r.expect(tag, VARINT);
                    max = r.readVarint();
                }
                case TC_CONTACT_UID -> {
                    r.expect(tag, LEN);
                    contactUid = emptyToNull(r.readString());
                }
                default -> r.skip(tag);
            }
        }
        return new TakControl((int) min, (int) max, contactUid); // uint32 on the wire: truncation is protobuf's rule
    }

    private static CotEvent decodeEvent(ProtoReader r) throws DecodeException {
        String type = "";
        String access = null;
        String qos = null;
        String opex = null;
        String uid = "";
        long send = 0;
        long start = 0;
        long stale = 0;
        String how = null;
        double lat = 0;
        double lon = 0;
        double hae = 0;
        double ce = 0;
        double le = 0;
        CotDetail detail = CotDetail.EMPTY;
        for (int tag; (tag = r.readTag()) != 0; ) {
            switch (tag >>> 3) {
                case CE_TYPE -> {
                    r.expect(tag, LEN);
                    type = r.readString();
                }
                case CE_ACCESS -> {
                    r.expect(tag, LEN);
                    access = emptyToNull(r.readString());
                }
                case CE_QOS -> {
                    r.expect(tag, LEN);
                    qos = emptyToNull(r.readString());
                }
                case CE_OPEX -> {
                    r.expect(tag, LEN);
                    opex = emptyToNull(r.readString());
                }
                case CE_UID -> {
                    r.expect(tag, LEN);
                    uid = r.readString();
                }
                case CE_SEND_TIME -> {
                    r.expect(tag, VARINT);
                    send = r.readVarint();
                }
                case CE_START_TIME -> {
                    r.expect(tag, VARINT);
                    start = r.readVarint();
                }
                case CE_STALE_TIME -> {
                    r.expect(tag, VARINT);
                    stale = r.readVarint();
                }
                case CE_HOW -> {
                    r.expect(tag, LEN);
                    how = emptyToNull(r.readString());
                }
                case CE_LAT -> {
                    r.expect(tag, FIXED64);
                    lat = r.readDouble();
                }
                case CE_LON -> {
                    r.expect(tag, FIXED64);
                    lon = r.readDouble();
                }
                case CE_HAE -> {
                    r.expect(tag, FIXED64);
                    hae = r.readDouble();
                }
                case CE_CE -> {
                    r.expect(tag, FIXED64);
                    ce = r.readDouble();
                }
                case CE_LE -> {
                    r.expect(tag, FIXED64);
                    le = r.readDouble();
                }
                case CE_DETAIL -> {
                    r.expect(tag, LEN);
                    int old = r.pushLimit(r.readLength());
                    detail = decodeDetail(r);
                    r.popLimit(old);
                }
                default -> r.skip(tag);
            }
        }
        if (uid.isEmpty()) {
            throw r.error("cotEvent without uid");
        }
        if (type.isEmpty()) {
            throw r.error("cotEvent " + uid + " without type");
        }
        if (!(Math.abs(lat) <= 90) || !(Math.abs(lon) <= 180)) {
            throw r.error("cotEvent " + uid + " position " + lat + ", " + lon + " out of range");
        }
        return new CotEvent("2.0", uid, type, how, millis(send), millis(start), millis(stale), access, qos, opex,
                new CotPoint(lat, lon, hae, ce, le), detail, List.of());
    }

    private static Instant millis(long ms) {
        return Instant.ofEpochMilli(ms);
    }

    private static CotDetail decodeDetail(ProtoReader r) throws DecodeException {
        String xml = "";
        CotContact contact = null;
        CotGroup group = null;
        CotPrecisionLocation precision = null;
        CotStatus status = null;
        CotTakv takv = null;
        CotTrack track = null;
        for (int tag; (tag = r.readTag()) != 0; ) {
            int field = tag >>> 3;
            if (field == D_XML) {
                r.expect(tag, LEN);
                xml = r.readString();
                continue;
            }
            if (field < D_CONTACT || field > D_TRACK) {
                r.skip(tag);
                continue;
            }
            r.expect(tag, LEN);
            int old = r.pushLimit(r.readLength());
            switch (field) {
                case D_CONTACT -> {
                    String[] s = strings(r, 2);
                    contact = new CotContact(s[1], s[0]);
                }
                case D_GROUP -> {
                    String[] s = strings(r, 2);
                    group = new CotGroup(s[0], s[1]);
                }
                case D_PRECISION -> {
                    String[] s = strings(r, 2);
                    precision = new CotPrecisionLocation(s[0], s[1]);
                }
                case D_STATUS -> status = decodeStatus(r);
                case D_TAKV -> {
                    String[] s = strings(r, 4);
                    takv = new CotTakv(s[0], s[1], s[2], s[3]);
                }
                default -> track = decodeTrack(r);
            }
            r.popLimit(old);
        }
        return new CotDetail(contact, group, precision, status, takv, track, xml);
    }

    /** Reads a message made only of string fields 1..n (Contact, Group, PrecisionLocation, Takv). */
    private static String[] strings(ProtoReader r, int n) throws DecodeException {
        String[] s = new String[n];
        for (int tag; (tag = r.readTag()) != 0; ) {
            int field = tag >>> 3;
            if (field >= 1 && field <= n) {
                r.expect(tag, LEN);
                s[field - 1] = emptyToNull(r.readString());
            } else {
                r.skip(tag);
            }
        }
        return s;
    }

    private static CotStatus decodeStatus(ProtoReader r) throws DecodeException {
        long battery = 0;
        for (int tag; (tag = r.readTag()) != 0; ) {
            if (tag >>> 3 == 1) {
                r.expect(tag, VARINT);
                battery = r.readVarint();
            } else {
                r.skip(tag);
            }
        }
        return new CotStatus((int) battery);
    }

    private static CotTrack decodeTrack(ProtoReader r) throws DecodeException {
        double speed = 0;
        double course = 0;
        for (int tag; (tag = r.readTag()) != 0; ) {
            switch (tag >>> 3) {
                case 1 -> {
                    r.expect(tag, FIXED64);
                    speed = r.readDouble();
                }
                case 2 -> {
                    r.expect(tag, FIXED64);
                    course = r.readDouble();
                }
                default -> r.skip(tag);
            }
        }
        return new CotTrack(speed, course);
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }

    /** Encodes one payload (without framing). */
    public byte[] encode(TakMessage m) {
        ProtoWriter w = new ProtoWriter(256);
        if (m.takControl() != null) {
            ProtoWriter c = new ProtoWriter(32);
            c.uint64(TC_MIN, Integer.toUnsignedLong(m.takControl().minProtoVersion()));
            c.uint64(TC_MAX, Integer.toUnsignedLong(m.takControl().maxProtoVersion()));
            c.string(TC_CONTACT_UID, m.takControl().contactUid());
            w.message(TM_CONTROL, c);
        }
        if (m.cotEvent() != null) {
            w.message(TM_EVENT, encodeEvent(m.cotEvent()));
        }
        w.uint64(TM_SUBMISSION_TIME, m.submissionTime());
        w.uint64(TM_CREATION_TIME, m.creationTime());
        return w.toByteArray();
    }

    public byte[] encode(CotEvent e) {
        return encode(TakMessage.of(e));
    }

    private static ProtoWriter encodeEvent(CotEvent e) {
        ProtoWriter w = new ProtoWriter(256 + e.detail().xmlDetail().length() * 3);
        w.string(CE_TYPE, e.type());
        w.string(CE_ACCESS, e.access());
        w.string(CE_QOS, e.qos());
        w.string(CE_OPEX, e.opex());
        w.string(CE_UID, e.uid());
        w.uint64(CE_SEND_TIME, e.time().toEpochMilli());
        w.uint64(CE_START_TIME, e.start().toEpochMilli());
        w.uint64(CE_STALE_TIME, e.stale().toEpochMilli());
        w.string(CE_HOW, e.how());
        CotPoint p = e.point();
        w.doubleField(CE_LAT, p.lat());
        w.doubleField(CE_LON, p.lon());
        w.doubleField(CE_HAE, orUnknown(p.hae()));
        w.doubleField(CE_CE, orUnknown(p.ce()));
        w.doubleField(CE_LE, orUnknown(p.le()));
        CotDetail d = e.detail();
        if (!d.isEmpty()) {
            ProtoWriter dw = new ProtoWriter(64 + d.xmlDetail().length() * 3);
            dw.string(D_XML, d.xmlDetail());
            if (d.contact() != null) {
                ProtoWriter s = new ProtoWriter(64);
                s.string(1, d.contact().endpoint());
                s.string(2, d.contact().callsign());
                dw.message(D_CONTACT, s);
            }
            if (d.group() != null) {
                ProtoWriter s = new ProtoWriter(32);
                s.string(1, d.group().name());
                s.string(2, d.group().role());
                dw.message(D_GROUP, s);
            }
            if (d.precisionLocation() != null) {
                ProtoWriter s = new ProtoWriter(32);
                s.string(1, d.precisionLocation().geopointsrc());
                s.string(2, d.precisionLocation().altsrc());
                dw.message(D_PRECISION, s);
            }
            if (d.status() != null) {
                ProtoWriter s = new ProtoWriter(8);
                s.uint64(1, Integer.toUnsignedLong(d.status().battery()));
                dw.message(D_STATUS, s);
            }
            if (d.takv() != null) {
                ProtoWriter s = new ProtoWriter(96);
                s.string(1, d.takv().device());
                s.string(2, d.takv().platform());
                s.string(3, d.takv().os());
                s.string(4, d.takv().version());
                dw.message(D_TAKV, s);
            }
            if (d.track() != null) {
                ProtoWriter s = new ProtoWriter(24);
                s.doubleField(1, finiteOrZero(d.track().speed()));
                s.doubleField(2, finiteOrZero(d.track().course()));
                dw.message(D_TRACK, s);
            }
            w.message(CE_DETAIL, dw);
        }
        return w;
    }

    private static double orUnknown(double v) {
        return Double.isFinite(v) ? v : CotPoint.UNKNOWN;
    }

    private static double finiteOrZero(double v) {
        return Double.isFinite(v) ? v : 0.0;
    }
}
