package org.skydas.ingest.tak;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.skydas.ingest.DecodeException;
import org.skydas.ingest.cot.CotEvent;
import org.skydas.ingest.cot.CotXmlParser;
import org.skydas.testkit.SharedData;

/** The takproto samples: both framings decode to the values of protoc's decode and of the source XML. */
class TakSamplesTest {

    private static final String DIR = "data/protocols/cot-tak/samples/takproto/";

    private static byte[] read(String name) throws IOException {
        return Files.readAllBytes(SharedData.require(DIR + name));
    }

    @Test
    void meshFrameDecodesToProtocValues() throws Exception {
        byte[] mesh = read("takproto_v1_mesh.bin");
        TakMeshFramer.Frame f = TakMeshFramer.parseHeader(mesh, 0, mesh.length);
        assertThat(f.version()).isEqualTo(1);
        assertThat(f.payloadLength()).isEqualTo(307);
        assertMatchesProtocDecode(new TakMeshFramer().decode(mesh).cotEvent());
    }

    @Test
    void streamFrameDecodesToProtocValues() throws Exception {
        byte[] stream = read("takproto_v1_stream.bin");
        List<byte[]> payloads = new ArrayList<>();
        TakStreamFramer framer = new TakStreamFramer(1 << 20);
        framer.feed(stream, 0, stream.length, (b, off, len) -> payloads.add(Arrays.copyOfRange(b, off, off + len)));
        assertThat(payloads).hasSize(1);
        assertThat(framer.pendingBytes()).isZero();
        assertMatchesProtocDecode(new TakMessageCodec().decode(payloads.get(0)).cotEvent());
    }

    @Test
    void bothFramingsCarryTheSamePayload() throws Exception {
        byte[] mesh = read("takproto_v1_mesh.bin");
        byte[] stream = read("takproto_v1_stream.bin");
        assertThat(Arrays.copyOfRange(mesh, 3, mesh.length)).isEqualTo(Arrays.copyOfRange(stream, 3, stream.length));
        // Our framers rebuild both headers byte for byte around the payload.
        byte[] payload = Arrays.copyOfRange(mesh, 3, mesh.length);
        assertThat(TakMeshFramer.frame(1, payload)).isEqualTo(mesh);
        assertThat(TakStreamFramer.frame(payload)).isEqualTo(stream);
    }

    /** Field-by-field comparison with protoc's text decode (parsed here, not hard-coded). */
    private static void assertMatchesProtocDecode(CotEvent e) throws IOException {
        Map<String, String> p = protocFields(Files.readString(SharedData.require(DIR + "takproto_v1_payload.protoc-decode.txt")));
        assertThat(e.type()).isEqualTo(p.get("cotEvent.type"));
        assertThat(e.uid()).isEqualTo(p.get("cotEvent.uid"));
        assertThat(e.time().toEpochMilli()).isEqualTo(Long.parseLong(p.get("cotEvent.sendTime")));
        assertThat(e.start().toEpochMilli()).isEqualTo(Long.parseLong(p.get("cotEvent.startTime")));
        assertThat(e.stale().toEpochMilli()).isEqualTo(Long.parseLong(p.get("cotEvent.staleTime")));
        assertThat(e.how()).isEqualTo(p.get("cotEvent.how"));
        assertThat(e.point().lat()).isEqualTo(Double.parseDouble(p.get("cotEvent.lat")));
        assertThat(e.point().lon()).isEqualTo(Double.parseDouble(p.get("cotEvent.lon")));
        assertThat(e.point().hae()).isEqualTo(Double.parseDouble(p.get("cotEvent.hae")));
        assertThat(e.point().ce()).isEqualTo(Double.parseDouble(p.get("cotEvent.ce")));
        assertThat(e.point().le()).isEqualTo(Double.parseDouble(p.get("cotEvent.le")));
        assertThat(e.detail().xmlDetail()).isEqualTo(p.get("cotEvent.detail.xmlDetail"));
        assertThat(e.detail().contact().endpoint()).isEqualTo(p.get("cotEvent.detail.contact.endpoint"));
        assertThat(e.callsign()).isEqualTo(p.get("cotEvent.detail.contact.callsign"));
        assertThat(e.detail().group().name()).isEqualTo(p.get("cotEvent.detail.group.name"));
        assertThat(e.detail().group().role()).isEqualTo(p.get("cotEvent.detail.group.role"));
        assertThat(e.detail().status().battery()).isEqualTo(Integer.parseInt(p.get("cotEvent.detail.status.battery")));
        assertThat(e.detail().takv().device()).isEqualTo(p.get("cotEvent.detail.takv.device"));
        assertThat(e.detail().takv().platform()).isEqualTo(p.get("cotEvent.detail.takv.platform"));
        assertThat(e.detail().takv().os()).isEqualTo(p.get("cotEvent.detail.takv.os"));
        assertThat(e.detail().takv().version()).isEqualTo(p.get("cotEvent.detail.takv.version"));
        assertThat(p).containsKey("cotEvent.detail.track"); // present but empty: proto3 dropped the zeros
        assertThat(e.detail().track().speed()).isZero();
        assertThat(e.detail().track().course()).isZero();
        // Spot checks of NOTES.md section 4, independent of the protoc text.
        assertThat(e.uid()).isEqualTo("aa0b0312-b5cd-4c2c-bbbc-9c4c70216261");
        assertThat(e.callsign()).isEqualTo("Eliopoli HQ");
        assertThat(e.point().lat()).isEqualTo(43.97957317);
    }

    /** Flattens protoc's text format into dotted paths; string escapes \" and \\ are undone. */
    static Map<String, String> protocFields(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        List<String> path = new ArrayList<>();
        Pattern scalar = Pattern.compile("^\\s*(\\w+): (.*)$");
        Pattern open = Pattern.compile("^\\s*(\\w+) \\{$");
        for (String line : text.split("\n")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            Matcher m;
            if ((m = open.matcher(line)).matches()) {
                path.add(m.group(1));
                out.put(String.join(".", path), "{}");
            } else if (line.strip().equals("}")) {
                path.remove(path.size() - 1);
            } else if ((m = scalar.matcher(line)).matches()) {
                String v = m.group(2);
                if (v.startsWith("\"")) {
                    v = v.substring(1, v.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
                }
                path.add(m.group(1));
                out.put(String.join(".", path), v);
                path.remove(path.size() - 1);
            }
        }
        return out;
    }

    @Test
    void sourceXmlAndProtobufGiveTheSameEvent() throws Exception {
        CotEvent fromXml = new CotXmlParser().parse(read("takproto_source_event.xml"));
        CotEvent fromProto = new TakMeshFramer().decode(read("takproto_v1_mesh.bin")).cotEvent();
        assertThat(fromProto.uid()).isEqualTo(fromXml.uid());
        assertThat(fromProto.type()).isEqualTo(fromXml.type());
        assertThat(fromProto.how()).isEqualTo(fromXml.how());
        assertThat(fromProto.time()).isEqualTo(fromXml.time()).isEqualTo(Instant.parse("2020-02-08T18:10:44Z"));
        assertThat(fromProto.stale()).isEqualTo(fromXml.stale());
        assertThat(fromProto.point()).isEqualTo(fromXml.point());
        assertThat(fromProto.detail().contact()).isEqualTo(fromXml.detail().contact());
        assertThat(fromProto.detail().group()).isEqualTo(fromXml.detail().group());
        assertThat(fromProto.detail().status()).isEqualTo(fromXml.detail().status());
        assertThat(fromProto.detail().takv()).isEqualTo(fromXml.detail().takv());
        assertThat(fromProto.detail().track()).isEqualTo(fromXml.detail().track());
        // xmlDetail differs only in serialisation (takproto writes a blank before "/>").
        assertThat(fromProto.detail().xmlDetail().replace(" />", "/>")).isEqualTo(fromXml.detail().xmlDetail());
        // And our encoder, fed the XML, produces a payload that decodes to the same event.
        byte[] ours = new TakMessageCodec().encode(fromXml);
        CotEvent again = new TakMessageCodec().decode(ours).cotEvent();
        assertThat(again.detail()).isEqualTo(fromXml.detail());
        assertThat(again.point()).isEqualTo(fromXml.point());
    }

    @Test
    void rejectsFramingErrorsWithAReason() {
        byte[] notMagic = {0x12, 0x00};
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new TakStreamFramer(100).feed(notMagic, 0, 2, (b, o, l) -> { }))
                .isInstanceOf(DecodeException.class).hasMessageContaining("expected 0xbf");
        byte[] lying = {(byte) 0xbf, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x7f};
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new TakStreamFramer(1 << 20).feed(lying, 0, lying.length, (b, o, l) -> { }))
                .isInstanceOf(DecodeException.class).hasMessageContaining("more than the limit");
        byte[] tooLong = new byte[13];
        Arrays.fill(tooLong, (byte) 0x80);
        tooLong[0] = (byte) 0xbf;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new TakStreamFramer(100).feed(tooLong, 0, tooLong.length, (b, o, l) -> { }))
                .isInstanceOf(DecodeException.class).hasMessageContaining("invalid length varint");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new TakMeshFramer().decode(new byte[] {(byte) 0xbf, 0x02, (byte) 0xbf, 0x00}))
                .hasMessage("unsupported TAK protocol version 2");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new TakMeshFramer().decode(new byte[] {(byte) 0xbf, 0x01, 0x12}))
                .hasMessageContaining("no 0xbf after version 1");
    }
}
