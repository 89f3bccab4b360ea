package org.skydas.ingest.tak;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import com.google.protobuf.InvalidProtocolBufferException;

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
 * The TAK v1 payload codec over the protobuf-java classes protoc generates at build time ({@link TakProtos}) from
 * Skydas's restatement of the TAK v1 schema, {@code ingest/src/main/proto/takmessage.proto}: the union of the
 * ATAK-CIV and TAK Server flavours, checked field by field against both published schemas by {@code TakSchemaTest}
 * (docs/adr/0019-tak-codec-generated.md).
 *
 * <p>Unknown fields are skipped. Proto3 drops zero values, so absent numbers decode as 0 (an empty {@code track {}}
 * is speed 0, course 0) and absent strings as null. Malformed protobuf (truncation, a length past the end, invalid
 * UTF-8 in a string field, as protoc and takproto refuse too) is a {@link DecodeException} starting "protobuf: "; so
 * is an event without uid or type, or with a position out of range. A known field with an unexpected wire type is
 * treated as an unknown field, and a sub-message that appears twice is merged, as the protobuf specification says.
 * Encoding writes the ATAK-CIV flavour plus TAK Server's times when set; unknown hae/ce/le (NaN) are sent as TAK's
 * 9999999. Stateless and thread-safe.
 */
public final class TakMessageCodec {

    public TakMessage decode(byte[] payload) throws DecodeException {
        return decode(payload, 0, payload.length);
    }

    /** Decodes one payload (no framing header) from {@code bytes[offset, offset+length)}. */
    public TakMessage decode(byte[] bytes, int offset, int length) throws DecodeException {
        if (offset < 0 || length < 0 || offset + length > bytes.length) {
            throw new IllegalArgumentException("range outside the array");
        }
        TakProtos.TakMessage m;
        try {
            m = TakProtos.TakMessage.parser().parseFrom(bytes, offset, length);
        } catch (InvalidProtocolBufferException e) {
            throw new DecodeException("protobuf: " + oneLine(e.getMessage()));
        }
        TakControl control = m.hasTakControl() ? control(m.getTakControl()) : null;
        CotEvent event = m.hasCotEvent() ? event(m.getCotEvent()) : null;
        return new TakMessage(control, event, m.getSubmissionTime(), m.getCreationTime());
    }

    private static TakControl control(TakProtos.TakControl c) {
        return new TakControl(c.getMinProtoVersion(), c.getMaxProtoVersion(), emptyToNull(c.getContactUid()));
    }

    private static CotEvent event(TakProtos.CotEvent e) throws DecodeException {
        String uid = e.getUid();
        if (uid.isEmpty()) {
            throw new DecodeException("protobuf: cotEvent without uid");
        }
        if (e.getType().isEmpty()) {
            throw new DecodeException("protobuf: cotEvent " + uid + " without type");
        }
        double lat = e.getLat();
        double lon = e.getLon();
        if (!(Math.abs(lat) <= 90) || !(Math.abs(lon) <= 180)) {
            throw new DecodeException("protobuf: cotEvent " + uid + " position " + lat + ", " + lon + " out of range");
        }
        CotDetail detail = e.hasDetail() ? detail(e.getDetail()) : CotDetail.EMPTY;
        return new CotEvent("2.0", uid, e.getType(), emptyToNull(e.getHow()), Instant.ofEpochMilli(e.getSendTime()),
                Instant.ofEpochMilli(e.getStartTime()), Instant.ofEpochMilli(e.getStaleTime()),
                emptyToNull(e.getAccess()), emptyToNull(e.getQos()), emptyToNull(e.getOpex()),
                new CotPoint(lat, lon, e.getHae(), e.getCe(), e.getLe()), detail, List.of());
    }

    private static CotDetail detail(TakProtos.Detail d) {
        CotContact contact = null;
        if (d.hasContact()) {
            contact = new CotContact(emptyToNull(d.getContact().getCallsign()), emptyToNull(d.getContact().getEndpoint()));
        }
        CotGroup group = null;
        if (d.hasGroup()) {
            group = new CotGroup(emptyToNull(d.getGroup().getName()), emptyToNull(d.getGroup().getRole()));
        }
        CotPrecisionLocation precision = null;
        if (d.hasPrecisionLocation()) {
            TakProtos.PrecisionLocation p = d.getPrecisionLocation();
            precision = new CotPrecisionLocation(emptyToNull(p.getGeopointsrc()), emptyToNull(p.getAltsrc()));
        }
        CotStatus status = d.hasStatus() ? new CotStatus(d.getStatus().getBattery()) : null;
        CotTakv takv = null;
        if (d.hasTakv()) {
            TakProtos.Takv t = d.getTakv();
            takv = new CotTakv(emptyToNull(t.getDevice()), emptyToNull(t.getPlatform()), emptyToNull(t.getOs()),
                    emptyToNull(t.getVersion()));
        }
        CotTrack track = d.hasTrack() ? new CotTrack(d.getTrack().getSpeed(), d.getTrack().getCourse()) : null;
        return new CotDetail(contact, group, precision, status, takv, track, d.getXmlDetail());
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }

    private static String oneLine(String s) {
        return s == null ? "malformed message" : s.replace('\n', ' ');
    }

    /** Encodes one payload (without framing). */
    public byte[] encode(TakMessage m) {
        TakProtos.TakMessage.Builder b = TakProtos.TakMessage.newBuilder();
        TakControl control = m.takControl();
        if (control != null) {
            TakProtos.TakControl.Builder c = TakProtos.TakControl.newBuilder()
                    .setMinProtoVersion(control.minProtoVersion()).setMaxProtoVersion(control.maxProtoVersion());
            ifSet(control.contactUid(), c::setContactUid);
            b.setTakControl(c);
        }
        if (m.cotEvent() != null) {
            b.setCotEvent(event(m.cotEvent()));
        }
        return b.setSubmissionTime(m.submissionTime()).setCreationTime(m.creationTime()).build().toByteArray();
    }

    public byte[] encode(CotEvent e) {
        return encode(TakMessage.of(e));
    }

    private static TakProtos.CotEvent.Builder event(CotEvent e) {
        TakProtos.CotEvent.Builder b = TakProtos.CotEvent.newBuilder();
        ifSet(e.type(), b::setType);
        ifSet(e.access(), b::setAccess);
        ifSet(e.qos(), b::setQos);
        ifSet(e.opex(), b::setOpex);
        ifSet(e.uid(), b::setUid);
        b.setSendTime(e.time().toEpochMilli()).setStartTime(e.start().toEpochMilli()).setStaleTime(e.stale().toEpochMilli());
        ifSet(e.how(), b::setHow);
        CotPoint p = e.point();
        b.setLat(p.lat()).setLon(p.lon()).setHae(orUnknown(p.hae())).setCe(orUnknown(p.ce())).setLe(orUnknown(p.le()));
        CotDetail d = e.detail();
        if (!d.isEmpty()) {
            b.setDetail(detail(d));
        }
        return b;
    }

    private static TakProtos.Detail.Builder detail(CotDetail d) {
        TakProtos.Detail.Builder b = TakProtos.Detail.newBuilder().setXmlDetail(d.xmlDetail());
        if (d.contact() != null) {
            TakProtos.Contact.Builder c = TakProtos.Contact.newBuilder();
            ifSet(d.contact().endpoint(), c::setEndpoint);
            ifSet(d.contact().callsign(), c::setCallsign);
            b.setContact(c);
        }
        if (d.group() != null) {
            TakProtos.Group.Builder g = TakProtos.Group.newBuilder();
            ifSet(d.group().name(), g::setName);
            ifSet(d.group().role(), g::setRole);
            b.setGroup(g);
        }
        if (d.precisionLocation() != null) {
            TakProtos.PrecisionLocation.Builder p = TakProtos.PrecisionLocation.newBuilder();
            ifSet(d.precisionLocation().geopointsrc(), p::setGeopointsrc);
            ifSet(d.precisionLocation().altsrc(), p::setAltsrc);
            b.setPrecisionLocation(p);
        }
        if (d.status() != null) {
            b.setStatus(TakProtos.Status.newBuilder().setBattery(d.status().battery()));
        }
        if (d.takv() != null) {
            TakProtos.Takv.Builder t = TakProtos.Takv.newBuilder();
            ifSet(d.takv().device(), t::setDevice);
            ifSet(d.takv().platform(), t::setPlatform);
            ifSet(d.takv().os(), t::setOs);
            ifSet(d.takv().version(), t::setVersion);
            b.setTakv(t);
        }
        if (d.track() != null) {
            b.setTrack(TakProtos.Track.newBuilder().setSpeed(finiteOrZero(d.track().speed()))
                    .setCourse(finiteOrZero(d.track().course())));
        }
        return b;
    }

    /** Proto3 has no null: an absent string is simply not set (and so not written). */
    private static void ifSet(String value, Consumer<String> setter) {
        if (value != null) {
            setter.accept(value);
        }
    }

    private static double orUnknown(double v) {
        return Double.isFinite(v) ? v : CotPoint.UNKNOWN;
    }

    private static double finiteOrZero(double v) {
        return Double.isFinite(v) ? v : 0.0;
    }
}
