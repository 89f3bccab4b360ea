package org.skydas.ingest.remoteid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.skydas.ingest.DecodeException;
import org.skydas.testkit.SharedData;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class OdidDecoderTest {

    private final OdidDecoder decoder = new OdidDecoder();
    private static final HexFormat HEX = HexFormat.of();

    /** Frame 1 of the beacon capture against expected_wifi_bcn_frame1.json, field by field. */
    @Test
    void beaconFrame1MatchesExpectedJson() throws Exception {
        JsonNode exp = new ObjectMapper().readTree(Files.readString(SharedData.require(OdidReference.DIR + "expected_wifi_bcn_frame1.json")));
        StringBuilder hex = new StringBuilder(exp.get("pack_header_hex").asText());
        exp.get("messages").forEach(m -> hex.append(m.get("hex").asText()));
        OdidMessagePack pack = (OdidMessagePack) decoder.decode(HEX.parseHex(hex));
        assertThat(pack.messages()).hasSize(exp.get("message_count").asInt());
        for (int i = 0; i < pack.messages().size(); i++) {
            JsonNode e = exp.get("messages").get(i);
            OdidMessage m = pack.messages().get(i);
            assertThat(m.messageType()).isEqualTo(e.get("msg_type").asInt());
            assertThat(m.protocolVersion()).isEqualTo(e.get("proto_version").asInt());
            // Each message alone decodes the same as inside the pack.
            assertThat(decoder.decode(HEX.parseHex(e.get("hex").asText()))).isEqualTo(m);
            switch (m) {
                case OdidBasicId b -> {
                    assertThat(b.idType()).isEqualTo(e.get("id_type").asInt());
                    assertThat(b.uaType()).isEqualTo(e.get("ua_type").asInt());
                    assertThat(b.uasId()).isEqualTo(e.get("uas_id").asText());
                }
                case OdidLocation l -> {
                    assertThat(l.status()).isEqualTo(e.get("status").asInt());
                    assertThat(l.heightType()).isEqualTo(e.get("height_type").asInt());
                    assertThat(l.directionDeg()).isEqualTo(e.get("direction_deg").asDouble());
                    assertThat(l.speedHorizontalMps()).isEqualTo(e.get("speed_h_mps").asDouble());
                    assertThat(e.get("speed_v_raw").asInt()).isEqualTo(126);
                    assertThat(l.speedVerticalMps()).isNaN(); // 63 m/s = unknown
                    assertThat(l.latDeg()).isCloseTo(e.get("lat").asDouble(), within(1e-12));
                    assertThat(l.lonDeg()).isCloseTo(e.get("lon").asDouble(), within(1e-12));
                    assertThat(e.get("alt_baro_raw").asInt()).isZero();
                    assertThat(l.altitudeBaroM()).isNaN(); // raw 0 = unknown
                    assertThat(l.altitudeGeoM()).isEqualTo(e.get("alt_geo_m").asDouble());
                    assertThat(l.heightM()).isEqualTo(e.get("height_m").asDouble());
                    assertThat(l.verticalAccuracy()).isEqualTo(e.get("vert_acc").asInt());
                    assertThat(l.horizontalAccuracy()).isEqualTo(e.get("horiz_acc").asInt());
                    assertThat(l.baroAccuracy()).isEqualTo(e.get("baro_acc").asInt());
                    assertThat(l.speedAccuracy()).isEqualTo(e.get("speed_acc").asInt());
                    assertThat(l.horizontalAccuracyM()).isEqualTo(30);
                    assertThat(l.verticalAccuracyM()).isEqualTo(25);
                    assertThat(l.timestampTenths()).isEqualTo(e.get("timestamp_raw").asInt());
                    assertThat(l.timestampAccuracyS()).isCloseTo(e.get("ts_accuracy_raw").asInt() * 0.1, within(1e-12));
                }
                case OdidSelfId s -> {
                    assertThat(s.descriptionType()).isEqualTo(e.get("desc_type").asInt());
                    assertThat(s.description()).isEqualTo(e.get("description").asText());
                }
                case OdidSystem s -> {
                    assertThat(s.classificationType()).isEqualTo(e.get("classification_type").asInt());
                    assertThat(s.operatorLocationType()).isEqualTo(e.get("operator_location_type").asInt());
                    assertThat(s.operatorLatDeg()).isCloseTo(e.get("operator_lat").asDouble(), within(1e-12));
                    assertThat(s.operatorLonDeg()).isCloseTo(e.get("operator_lon").asDouble(), within(1e-12));
                    assertThat(s.areaCount()).isEqualTo(e.get("area_count").asInt());
                    assertThat(s.areaRadiusM()).isEqualTo(e.get("area_radius_m").asDouble());
                    assertThat(s.areaCeilingM()).isNaN();
                    assertThat(s.areaFloorM()).isNaN();
                    assertThat(s.uaCategory()).isEqualTo(e.get("ua_category").asInt());
                    assertThat(s.uaClass()).isEqualTo(e.get("ua_class").asInt());
                    assertThat(s.operatorAltitudeGeoM()).isNaN();
                    assertThat(s.timestamp()).isNull(); // raw 0
                }
                case OdidOperatorId o -> {
                    assertThat(o.operatorIdType()).isEqualTo(e.get("operator_id_type").asInt());
                    assertThat(o.operatorId()).isEqualTo(e.get("operator_id").asText());
                }
                default -> throw new AssertionError("unexpected " + m);
            }
        }
    }

    @Test
    void westDirectionSpeedMultiplierAndUnknowns() throws DecodeException {
        byte[] m = new byte[25];
        m[0] = 0x12; // location, protocol version 2
        m[1] = (byte) (0x20 | 0x04 | 0x02 | 0x01); // airborne, above ground, west, ×0.75
        m[2] = 59; // +180 = 239°
        m[3] = 10; // 10 × 0.75 + 63.75
        m[4] = (byte) -7; // −3.5 m/s
        putI32(m, 5, 546_872_000);
        putI32(m, 9, 252_797_000);
        m[13] = (byte) 0xD0;
        m[14] = 0x07; // 2000 → 0 m
        m[21] = (byte) 0xFF;
        m[22] = (byte) 0xFF; // timestamp unknown
        OdidLocation l = (OdidLocation) decoder.decode(m);
        assertThat(l.protocolVersion()).isEqualTo(2);
        assertThat(l.status()).isEqualTo(2);
        assertThat(l.heightType()).isEqualTo(1);
        assertThat(l.directionDeg()).isEqualTo(239);
        assertThat(l.speedHorizontalMps()).isEqualTo(71.25);
        assertThat(l.speedVerticalMps()).isEqualTo(-3.5);
        assertThat(l.latDeg()).isCloseTo(54.6872, within(1e-9));
        assertThat(l.lonDeg()).isCloseTo(25.2797, within(1e-9));
        assertThat(l.altitudeBaroM()).isZero();
        assertThat(l.altitudeGeoM()).isNaN();
        assertThat(l.timestampTenths()).isEqualTo(-1);
        assertThat(l.resolveTime(Instant.now())).isNull();
        m[2] = (byte) 181; // 361 = unknown
        m[3] = (byte) 255;
        assertThat(((OdidLocation) decoder.decode(m)).directionDeg()).isNaN();
        assertThat(((OdidLocation) decoder.decode(m)).speedHorizontalMps()).isNaN();
    }

    @Test
    void locationTimestampResolvesAcrossTheHour() {
        OdidLocation l = new OdidLocation(0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 35_999, 0.1);
        // Sent at 11:59:59.9, received at 12:00:00.4 → belongs to the 11:00 hour.
        assertThat(l.resolveTime(Instant.parse("2026-01-01T12:00:00.400Z"))).isEqualTo(Instant.parse("2026-01-01T11:59:59.900Z"));
        OdidLocation early = new OdidLocation(0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0.1);
        // Sent at 13:00:00.5, received (clock skew) at 12:59:59.8 → the next hour.
        assertThat(early.resolveTime(Instant.parse("2026-01-01T12:59:59.800Z"))).isEqualTo(Instant.parse("2026-01-01T13:00:00.500Z"));
    }

    @Test
    void systemAndAuthenticationUseThe2019Epoch() throws DecodeException {
        byte[] s = new byte[25];
        s[0] = 0x42;
        s[1] = 0x05; // EU, live GNSS
        putI32(s, 20, 100);
        OdidSystem sys = (OdidSystem) decoder.decode(s);
        assertThat(sys.timestamp()).isEqualTo(Instant.parse("2019-01-01T00:01:40Z"));
        assertThat(sys.operatorLocationType()).isEqualTo(1);
        assertThat(sys.operatorLatDeg()).isNaN();

        byte[] a = new byte[25];
        a[0] = 0x22;
        a[1] = 0x10; // UAS ID signature, page 0
        a[2] = 2; // last page index
        a[3] = 57; // length
        putI32(a, 4, 86_400);
        for (int i = 8; i < 25; i++) {
            a[i] = (byte) i;
        }
        OdidAuthentication auth = (OdidAuthentication) decoder.decode(a);
        assertThat(auth.authType()).isEqualTo(1);
        assertThat(auth.page()).isZero();
        assertThat(auth.lastPageIndex()).isEqualTo(2);
        assertThat(auth.length()).isEqualTo(57);
        assertThat(auth.timestamp()).isEqualTo(Instant.parse("2019-01-02T00:00:00Z"));
        assertThat(auth.dataHex()).hasSize(34).startsWith("08090a");
        a[1] = 0x11; // page 1: 23 data bytes, no header
        OdidAuthentication page1 = (OdidAuthentication) decoder.decode(a);
        assertThat(page1.page()).isEqualTo(1);
        assertThat(page1.lastPageIndex()).isEqualTo(-1);
        assertThat(page1.timestamp()).isNull();
        assertThat(page1.dataHex()).hasSize(46);
    }

    @Test
    void refusesPacksThatLieAboutTheirSize() {
        byte[] pack = HEX.parseHex("f01902" + "00".repeat(25));
        assertThatThrownBy(() -> decoder.decode(pack)).hasMessageContaining("announces 2 messages (53 bytes) but only 28");
        assertThatThrownBy(() -> decoder.decode(HEX.parseHex("f01946"))).hasMessageContaining("70 messages, at most 9");
        assertThatThrownBy(() -> decoder.decode(HEX.parseHex("f05901" + "00".repeat(25)))).hasMessageContaining("89-byte messages");
        assertThatThrownBy(() -> decoder.decode(HEX.parseHex("f01901f01900" + "00".repeat(22)))).hasMessageContaining("nested");
        assertThatThrownBy(() -> decoder.decode(new byte[24])).hasMessageContaining("24 bytes");
    }

    @Test
    void emptyPackAndUnknownTypesAreKept() throws DecodeException {
        assertThat(decoder.decode(HEX.parseHex("f01900"))).isEqualTo(new OdidMessagePack(0, List.of()));
        OdidMessage unknown = decoder.decode(HEX.parseHex("72" + "00".repeat(24)));
        assertThat(unknown).isInstanceOf(OdidUnknown.class);
        assertThat(unknown.messageType()).isEqualTo(7);
        assertThat(unknown.typeName()).isEqualTo("unknown");
    }

    private static void putI32(byte[] b, int at, int v) {
        for (int i = 0; i < 4; i++) {
            b[at + i] = (byte) (v >>> (8 * i));
        }
    }
}
