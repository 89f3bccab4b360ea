package org.skydas.ingest.tak;

import java.time.Instant;
import java.util.List;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnknownFieldSet;

import atakmap.commoncommo.protobuf.v1.ContactOuterClass;
import atakmap.commoncommo.protobuf.v1.Cotevent;
import atakmap.commoncommo.protobuf.v1.DetailOuterClass;
import atakmap.commoncommo.protobuf.v1.GroupOuterClass;
import atakmap.commoncommo.protobuf.v1.Precisionlocation;
import atakmap.commoncommo.protobuf.v1.StatusOuterClass;
import atakmap.commoncommo.protobuf.v1.Takcontrol;
import atakmap.commoncommo.protobuf.v1.Takmessage;
import atakmap.commoncommo.protobuf.v1.TakvOuterClass;
import atakmap.commoncommo.protobuf.v1.TrackOuterClass;

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
 * The TAK v1 payload codec over the protobuf-java classes protoc generates at build time from TAK Server's
 * published .proto files (package {@code atakmap.commoncommo.protobuf.v1}; see ingest/pom.xml and
 * docs/adr/0019-tak-codec-generated.md).
 *
 * <p>Decoding accepts the union of the ATAK-CIV and TAK Server flavours: TAK Server's schema is generated, and
 * ATAK-CIV's one extra field, {@code TakControl.contactUid} (3), is read from the unknown fields protobuf-java keeps.
 * Other unknown fields are skipped. Proto3 drops zero values, so absent numbers decode as 0 (an empty
 * {@code track {}} is speed 0, course 0) and absent strings as null. Malformed protobuf (truncation, lying lengths,
 * invalid UTF-8 in a string) is a {@link DecodeException} starting "protobuf: "; so is an event without uid or
 * type, or with a position out of range. Encoding writes the ATAK-CIV flavour plus TAK Server's times when set;
 * unknown hae/ce/le (NaN) are sent as TAK's 9999999. Stateless and thread-safe.
 */
public final class TakMessageCodec {

    /** ATAK-CIV's {@code TakControl.contactUid}, absent from TAK Server's schema. */
    private static final int CONTACT_UID = 3;

    public TakMessage decode(byte[] payload) throws DecodeException {
        return decode(payload, 0, payload.length);
    }

    /** Decodes one payload (no framing header) from {@code bytes[offset, offset+length)}. */
    public TakMessage decode(byte[] bytes, int offset, int length) throws DecodeException {
        if (offset < 0 || length < 0 || offset + length > bytes.length) {
            throw new IllegalArgumentException("range outside the array");
        }
        Takmessage.TakMessage m;
        try {
            m = Takmessage.TakMessage.parser().parseFrom(bytes, offset, length);
        } catch (InvalidProtocolBufferException e) {
            throw new DecodeException("protobuf: " + oneLine(e.getMessage()));
        }
        TakControl control = m.hasTakControl() ? control(m.getTakControl()) : null;
        CotEvent event = m.hasCotEvent() ? event(m.getCotEvent()) : null;
        return new TakMessage(control, event, m.getSubmissionTime(), m.getCreationTime());
    }

    private static TakControl control(Takcontrol.TakControl c) {
        String contactUid = null;
        UnknownFieldSet.Field f = c.getUnknownFields().getField(CONTACT_UID);
        if (!f.getLengthDelimitedList().isEmpty()) {
            // Last one wins, as for any protobuf scalar; not valid UTF-8 is replaced, as new String(...) does.
            contactUid = emptyToNull(f.getLengthDelimitedList().get(f.getLengthDelimitedList().size() - 1).toStringUtf8());
        }
        return new TakControl(c.getMinProtoVersion(), c.getMaxProtoVersion(), contactUid);
    }

    private static CotEvent event(Cotevent.CotEvent e) throws DecodeException {
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

    private static CotDetail detail(DetailOuterClass.Detail d) {
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
            Precisionlocation.PrecisionLocation p = d.getPrecisionLocation();
            precision = new CotPrecisionLocation(emptyToNull(p.getGeopointsrc()), emptyToNull(p.getAltsrc()));
        }
        CotStatus status = d.hasStatus() ? new CotStatus(d.getStatus().getBattery()) : null;
        CotTakv takv = null;
        if (d.hasTakv()) {
            TakvOuterClass.Takv t = d.getTakv();
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
        Takmessage.TakMessage.Builder b = Takmessage.TakMessage.newBuilder();
        TakControl control = m.takControl();
        if (control != null) {
            Takcontrol.TakControl.Builder c = Takcontrol.TakControl.newBuilder()
                    .setMinProtoVersion(control.minProtoVersion()).setMaxProtoVersion(control.maxProtoVersion());
            if (control.contactUid() != null && !control.contactUid().isEmpty()) {
                c.setUnknownFields(UnknownFieldSet.newBuilder().addField(CONTACT_UID, UnknownFieldSet.Field.newBuilder()
                        .addLengthDelimited(ByteString.copyFromUtf8(control.contactUid())).build()).build());
            }
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

    private static Cotevent.CotEvent.Builder event(CotEvent e) {
        Cotevent.CotEvent.Builder b = Cotevent.CotEvent.newBuilder();
        if (e.type() != null) {
            b.setType(e.type());
        }
        if (e.access() != null) {
            b.setAccess(e.access());
        }
        if (e.qos() != null) {
            b.setQos(e.qos());
        }
        if (e.opex() != null) {
            b.setOpex(e.opex());
        }
        if (e.uid() != null) {
            b.setUid(e.uid());
        }
        b.setSendTime(e.time().toEpochMilli()).setStartTime(e.start().toEpochMilli()).setStaleTime(e.stale().toEpochMilli());
        if (e.how() != null) {
            b.setHow(e.how());
        }
        CotPoint p = e.point();
        b.setLat(p.lat()).setLon(p.lon()).setHae(orUnknown(p.hae())).setCe(orUnknown(p.ce())).setLe(orUnknown(p.le()));
        CotDetail d = e.detail();
        if (!d.isEmpty()) {
            b.setDetail(detail(d));
        }
        return b;
    }

    private static DetailOuterClass.Detail.Builder detail(CotDetail d) {
        DetailOuterClass.Detail.Builder b = DetailOuterClass.Detail.newBuilder().setXmlDetail(d.xmlDetail());
        if (d.contact() != null) {
            ContactOuterClass.Contact.Builder c = ContactOuterClass.Contact.newBuilder();
            if (d.contact().endpoint() != null) {
                c.setEndpoint(d.contact().endpoint());
            }
            if (d.contact().callsign() != null) {
                c.setCallsign(d.contact().callsign());
            }
            b.setContact(c);
        }
        if (d.group() != null) {
            GroupOuterClass.Group.Builder g = GroupOuterClass.Group.newBuilder();
            if (d.group().name() != null) {
                g.setName(d.group().name());
            }
            if (d.group().role() != null) {
                g.setRole(d.group().role());
            }
            b.setGroup(g);
        }
        if (d.precisionLocation() != null) {
            Precisionlocation.PrecisionLocation.Builder p = Precisionlocation.PrecisionLocation.newBuilder();
            if (d.precisionLocation().geopointsrc() != null) {
                p.setGeopointsrc(d.precisionLocation().geopointsrc());
            }
            if (d.precisionLocation().altsrc() != null) {
                p.setAltsrc(d.precisionLocation().altsrc());
            }
            b.setPrecisionLocation(p);
        }
        if (d.status() != null) {
            b.setStatus(StatusOuterClass.Status.newBuilder().setBattery(d.status().battery()));
        }
        if (d.takv() != null) {
            TakvOuterClass.Takv.Builder t = TakvOuterClass.Takv.newBuilder();
            if (d.takv().device() != null) {
                t.setDevice(d.takv().device());
            }
            if (d.takv().platform() != null) {
                t.setPlatform(d.takv().platform());
            }
            if (d.takv().os() != null) {
                t.setOs(d.takv().os());
            }
            if (d.takv().version() != null) {
                t.setVersion(d.takv().version());
            }
            b.setTakv(t);
        }
        if (d.track() != null) {
            b.setTrack(TrackOuterClass.Track.newBuilder().setSpeed(finiteOrZero(d.track().speed()))
                    .setCourse(finiteOrZero(d.track().course())));
        }
        return b;
    }

    private static double orUnknown(double v) {
        return Double.isFinite(v) ? v : CotPoint.UNKNOWN;
    }

    private static double finiteOrZero(double v) {
        return Double.isFinite(v) ? v : 0.0;
    }
}
