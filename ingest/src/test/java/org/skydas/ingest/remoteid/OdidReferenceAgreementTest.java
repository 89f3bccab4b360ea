package org.skydas.ingest.remoteid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.skydas.ingest.DecodeException;
import org.skydas.ingest.pcap.CaptureReader;
import org.skydas.ingest.pcap.CapturedPacket;
import org.skydas.testkit.SharedData;

/**
 * Agreement, frame by frame and field by field, with the shared references: the TSV of extracted
 * payloads (our transport layer must find the same bytes in the pcaps) and the opendroneid Wireshark
 * dissector's text (our decoded values must equal its values after unit conversion).
 */
class OdidReferenceAgreementTest {

    private static final String[] CAPTURES = {"odid_wifi_bcn_sample.pcap", "odid_wifi_sample.pcap", "odid_bt5_lr_sample.pcapng"};

    @Test
    void transportLayerFindsTheTsvPayloadsInThePcaps() throws Exception {
        List<OdidReference.Row> rows = OdidReference.tsv();
        StringBuilder report = new StringBuilder("Remote ID transport agreement with odid_payloads_extracted.tsv:\n");
        for (String capture : CAPTURES) {
            Map<Integer, OdidReference.Row> expected = new LinkedHashMap<>();
            rows.stream().filter(r -> r.capture().equals(capture)).forEach(r -> expected.put(r.frame(), r));
            Map<Integer, OdidPayload> found = new LinkedHashMap<>();
            try (CaptureReader reader = CaptureReader.open(SharedData.require(OdidReference.DIR + "captures/" + capture))) {
                int frame = 0;
                for (CapturedPacket p; (p = reader.next()) != null; ) {
                    frame++;
                    List<OdidPayload> ps = OdidTransport.fromCapturedPacket(p);
                    assertThat(ps.size()).as(capture + " frame " + frame).isLessThanOrEqualTo(1);
                    if (!ps.isEmpty()) {
                        found.put(frame, ps.get(0));
                    }
                }
            }
            // Frames with a good (or no) CRC must match exactly. In a frame with a bad CRC the
            // extended-header length itself may be corrupt (frame 9): we may then find nothing there.
            assertThat(expected.keySet()).as(capture).containsAll(found.keySet());
            int missedBadCrc = 0;
            for (var e : expected.entrySet()) {
                OdidPayload p = found.get(e.getKey());
                OdidReference.Row r = e.getValue();
                if (p == null && Boolean.FALSE.equals(r.crcOk())) {
                    missedBadCrc++;
                    continue;
                }
                assertThat(p).as(capture + " frame " + e.getKey()).isNotNull();
                String at = capture + " frame " + e.getKey();
                assertThat(p.transport()).as(at).isEqualTo(r.transport());
                assertThat(p.crcOk()).as(at).isEqualTo(r.crcOk());
                assertThat(p.counter()).as(at).isEqualTo(r.counter());
                assertThat(HexFormat.of().formatHex(p.payload())).as(at).isEqualTo(r.hex());
            }
            assertThat(missedBadCrc).isLessThanOrEqualTo(1);
            report.append(String.format("  %-28s %3d frames with ODID, %3d equal (transport, CRC flag, counter, bytes), %d bad-CRC frames unreadable%n",
                    capture, expected.size(), expected.size() - missedBadCrc, missedBadCrc));
        }
        System.out.print(report);
    }

    @Test
    void decodedValuesEqualTheDissectorFieldByField() throws Exception {
        List<OdidReference.Row> rows = OdidReference.tsv();
        OdidDecoder decoder = new OdidDecoder();
        StringBuilder report = new StringBuilder("Remote ID value agreement with the opendroneid dissector (tshark -V):\n");
        List<String> mismatches = new ArrayList<>();
        for (String capture : CAPTURES) {
            Map<Integer, List<OdidReference.Dissected>> tshark = OdidReference.tshark(capture);
            int frames = 0;
            int messages = 0;
            int fields = 0;
            int badCrc = 0;
            for (OdidReference.Row r : rows) {
                if (!r.capture().equals(capture)) {
                    continue;
                }
                if (Boolean.FALSE.equals(r.crcOk())) {
                    badCrc++;
                    continue; // dropped by the receiver; the dissector decodes garbage there
                }
                OdidMessage m = decoder.decode(r.bytes());
                List<OdidMessage> ours = m instanceof OdidMessagePack pack ? pack.messages() : List.of(m);
                List<OdidReference.Dissected> theirs = tshark.getOrDefault(r.frame(), List.of());
                if (ours.size() != theirs.size()) {
                    mismatches.add(capture + " frame " + r.frame() + ": " + ours.size() + " messages vs " + theirs.size());
                    continue;
                }
                frames++;
                for (int i = 0; i < ours.size(); i++) {
                    messages++;
                    fields += compare(ours.get(i), theirs.get(i), capture + " frame " + r.frame() + " msg " + i, mismatches);
                }
            }
            report.append(String.format("  %-28s %3d frames, %4d messages, %5d fields equal; %d bad-CRC frames dropped%n",
                    capture, frames, messages, fields, badCrc));
        }
        System.out.print(report);
        assertThat(mismatches).isEmpty();
    }

    @Test
    void badCrcFramesAreCountedAndDropped() throws Exception {
        RemoteIdReceiver receiver = new RemoteIdReceiver();
        List<OdidReference.Row> rows = OdidReference.tsv();
        long bad = rows.stream().filter(r -> Boolean.FALSE.equals(r.crcOk())).count();
        for (OdidReference.Row r : rows) {
            receiver.accept(new OdidPayload(r.transport(), r.crcOk(), r.counter(), r.bytes()));
        }
        assertThat(receiver.payloads()).isEqualTo(rows.size());
        assertThat(receiver.badCrc()).isEqualTo(bad).isEqualTo(29); // the 30th bad frame of NOTES.md holds no ODID element
        assertThat(receiver.malformed()).isZero();
        assertThat(receiver.messages()).isEqualTo(105 + 42 + 1069);
    }

    /** Compares the fields the dissector prints; returns how many were compared. */
    private static int compare(OdidMessage m, OdidReference.Dissected d, String at, List<String> out) {
        Checker c = new Checker(at + " " + d.title(), out);
        switch (m) {
            case OdidBasicId b -> {
                c.eq("ID Type", OdidReference.code(d.first("ID Type")), b.idType());
                c.eq("UA Type", OdidReference.code(d.first("UA Type")), b.uaType());
                c.eq("ID", d.first("ID").strip(), b.uasId());
            }
            case OdidLocation l -> {
                c.eq("Operational Status", OdidReference.code(d.first("Operational Status")), l.status());
                c.eq("Height Type", OdidReference.code(d.first("Height Type")), l.heightType());
                c.near("Direction", OdidReference.si(d.first("Direction")), l.directionDeg(), 0);
                c.near("Speed", OdidReference.si(d.first("Speed")), l.speedHorizontalMps(), 0.005);
                c.near("Vert Speed", OdidReference.si(d.first("Vert Speed")), l.speedVerticalMps(), 0.005);
                c.near("UA Lattitude", OdidReference.si(d.first("UA Lattitude")), l.latDeg(), 1e-9);
                c.near("UA Longitude", OdidReference.si(d.first("UA Longitude")), l.lonDeg(), 1e-9);
                c.near("UA Pressure Altitude", OdidReference.si(d.first("UA Pressure Altitude")), l.altitudeBaroM(), 0.05);
                c.near("UA Geodetic Altitude", OdidReference.si(d.first("UA Geodetic Altitude")), l.altitudeGeoM(), 0.05);
                c.near("UA Height AGL", OdidReference.si(d.first("UA Height AGL")), l.heightM(), 0.05);
                c.eq("Horizontal Accuracy", OdidReference.code(d.first("Horizontal Accuracy")), l.horizontalAccuracy());
                c.eq("Vertical Accuracy", OdidReference.code(d.first("Vertical Accuracy")), l.verticalAccuracy());
                c.eq("Baro Accuracy", OdidReference.code(d.first("Baro Accuracy")), l.baroAccuracy());
                c.eq("Speed Accuracy", OdidReference.code(d.first("Speed Accuracy")), l.speedAccuracy());
                c.eq("Timestamp", (int) OdidReference.raw(d.first("Timestamp (1/10s since the hour)")), l.timestampTenths());
                c.near("Timestamp Accuracy", Integer.parseInt(d.first("Timestamp Accuracy (1/10s)").strip()) * 0.1,
                        Double.isNaN(l.timestampAccuracyS()) ? 0 : l.timestampAccuracyS(), 1e-9);
            }
            case OdidSelfId s -> {
                c.eq("Self Description Type", OdidReference.code(d.first("Self Description Type")), s.descriptionType());
                c.eq("Self Description", d.first("Self Description").strip(), s.description());
            }
            case OdidSystem s -> {
                c.eq("Classification Type", OdidReference.code(d.first("Classification Type")), s.classificationType());
                c.eq("Operator Location Type", OdidReference.code(d.first("Operator Location Type")), s.operatorLocationType());
                c.near("Operator Lattitude", OdidReference.si(d.first("Operator Lattitude")), s.operatorLatDeg(), 1e-9);
                c.near("Operator Longitude", OdidReference.si(d.first("Operator Longitude")), s.operatorLonDeg(), 1e-9);
                c.eq("Area Count", Integer.parseInt(d.first("Area Count").strip()), s.areaCount());
                c.near("Area Radius", OdidReference.si(d.first("Area Radius")), s.areaRadiusM(), 0);
                c.near("Area Ceiling", OdidReference.si(d.first("Area Ceiling")), s.areaCeilingM(), 0.05);
                c.near("Area Floor", OdidReference.si(d.first("Area Floor")), s.areaFloorM(), 0.05);
                List<String> cat = d.all("UA Classification Category"); // the dissector labels both nibbles so
                c.eq("UA Category", OdidReference.code(cat.get(0)), s.uaCategory());
                c.eq("UA Class", OdidReference.code(cat.get(1)), s.uaClass());
                c.near("Operator Geodetic Alt", OdidReference.si(d.first("Operator Geodetic Alt")), s.operatorAltitudeGeoM(), 0.05);
                long ts = OdidReference.raw(d.first("Message Timestamp"));
                c.eq("Message Timestamp", ts == 0 ? null : java.time.Instant.ofEpochSecond(OdidDecoder.EPOCH_2019 + ts), s.timestamp());
            }
            case OdidOperatorId o -> {
                c.eq("Operator ID Type", OdidReference.code(d.first("Operator ID Type")), o.operatorIdType());
                c.eq("Operator ID", d.first("Operator ID").strip(), o.operatorId());
            }
            default -> out.add(at + ": no comparison for " + m);
        }
        return c.count;
    }

    private static final class Checker {
        final String at;
        final List<String> out;
        int count;

        Checker(String at, List<String> out) {
            this.at = at;
            this.out = out;
        }

        void eq(String field, Object expected, Object actual) {
            count++;
            if (!java.util.Objects.equals(expected, actual)) {
                out.add(at + " " + field + ": dissector " + expected + ", ours " + actual);
            }
        }

        void near(String field, double expected, double actual, double tol) {
            count++;
            boolean ok = Double.isNaN(expected) ? Double.isNaN(actual) : Math.abs(expected - actual) <= tol;
            if (!ok) {
                out.add(at + " " + field + ": dissector " + expected + ", ours " + actual);
            }
        }
    }

    @Test
    void decoderRefusesNothingWithAGoodCrc() throws DecodeException, java.io.IOException {
        OdidDecoder decoder = new OdidDecoder();
        int decoded = 0;
        for (OdidReference.Row r : OdidReference.tsv()) {
            if (!Boolean.FALSE.equals(r.crcOk())) {
                decoder.decode(r.bytes());
                decoded++;
            }
        }
        assertThat(decoded).isEqualTo(21 + 42 + 244);
    }
}
