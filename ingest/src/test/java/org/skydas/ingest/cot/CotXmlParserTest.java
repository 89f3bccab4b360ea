package org.skydas.ingest.cot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.skydas.ingest.DecodeException;

class CotXmlParserTest {

    private final CotXmlParser parser = new CotXmlParser();

    private static final String PLI = "<event version=\"2.0\" uid=\"U1\" type=\"a-f-G-U-C\" how=\"m-g\" "
            + "time=\"2020-02-12T13:16:07Z\" start=\"2020-02-12T13:16:05.5Z\" stale=\"2020-02-12T13:16:50.123456Z\">"
            + "<point lat=\"54.6872\" lon=\"25.2797\" hae=\"120.5\" ce=\"4.9\" le=\"9999999.0\"/>"
            + "<detail><contact callsign=\"Vilkas\" endpoint=\"*:-1:stcp\"/><__group name=\"Cyan\" role=\"Team Lead\"/>"
            + "<status battery=\"87\"/><track speed=\"3.5\" course=\"271.25\"/><remarks>a &amp; b</remarks></detail></event>";

    @Test
    void readsEventPointAndTypedDetail() throws DecodeException {
        CotEvent e = parser.parse(PLI);
        assertThat(e.uid()).isEqualTo("U1");
        assertThat(e.type()).isEqualTo("a-f-G-U-C");
        assertThat(e.how()).isEqualTo("m-g");
        assertThat(e.time()).isEqualTo(Instant.parse("2020-02-12T13:16:07Z"));
        assertThat(e.start()).isEqualTo(Instant.parse("2020-02-12T13:16:05.500Z"));
        assertThat(e.stale()).isEqualTo(Instant.parse("2020-02-12T13:16:50.123456Z"));
        assertThat(e.point().lat()).isEqualTo(54.6872);
        assertThat(e.point().lon()).isEqualTo(25.2797);
        assertThat(e.point().hae()).isEqualTo(120.5);
        assertThat(e.point().ce()).isEqualTo(4.9);
        assertThat(e.point().leKnown()).isFalse();
        assertThat(e.callsign()).isEqualTo("Vilkas");
        assertThat(e.detail().contact().endpoint()).isEqualTo("*:-1:stcp");
        assertThat(e.detail().group()).isEqualTo(new CotGroup("Cyan", "Team Lead"));
        assertThat(e.detail().status().battery()).isEqualTo(87);
        assertThat(e.track()).isEqualTo(new CotTrack(3.5, 271.25));
        assertThat(e.detail().xmlDetail()).isEqualTo("<remarks>a &amp; b</remarks>");
        assertThat(e.deviations()).isEmpty();
    }

    @Test
    void acceptsAnyChildOrderAndSingleQuotes() throws DecodeException {
        String xml = "<?xml version='1.0' encoding='UTF-8'?>\n<event version='2.0' uid='X' type='a-h-G' how='h-e' "
                + "time='2024-01-01T00:00:00.0Z' start='2024-01-01T00:00:00Z' stale='2024-01-01T00:05:00Z'>"
                + "<detail><track course='10' speed='2'/></detail><point lat='1' lon='2' hae='3' ce='4' le='5'/></event>";
        CotEvent e = parser.parse(xml);
        assertThat(e.point()).isEqualTo(new CotPoint(1, 2, 3, 4, 5));
        assertThat(e.track().course()).isEqualTo(10);
        assertThat(e.deviations()).isEmpty();
    }

    @Test
    void fractionalSecondsOfAnyLengthAndOffsets() {
        assertThat(CotTime.parse("2023-07-18T15:23:09Z")).isEqualTo(Instant.parse("2023-07-18T15:23:09Z"));
        assertThat(CotTime.parse("2023-07-18T15:23:09.0Z")).isEqualTo(Instant.parse("2023-07-18T15:23:09Z"));
        assertThat(CotTime.parse("2023-07-18T15:23:09.00Z")).isEqualTo(Instant.parse("2023-07-18T15:23:09Z"));
        assertThat(CotTime.parse("2023-07-18T15:23:09.047Z")).isEqualTo(Instant.parse("2023-07-18T15:23:09.047Z"));
        assertThat(CotTime.parse("2023-07-18T15:23:09.0471Z")).isEqualTo(Instant.parse("2023-07-18T15:23:09.0471Z"));
        assertThat(CotTime.parse("2023-07-18T15:23:09.123456Z")).isEqualTo(Instant.parse("2023-07-18T15:23:09.123456Z"));
        assertThat(CotTime.parse("2023-07-18T17:23:09.5+02:00")).isEqualTo(Instant.parse("2023-07-18T15:23:09.5Z"));
        assertThat(CotTime.parse("2023-07-18T15:23:09")).isEqualTo(Instant.parse("2023-07-18T15:23:09Z"));
        assertThat(CotTime.format(Instant.parse("2023-07-18T15:23:09.123456Z"))).isEqualTo("2023-07-18T15:23:09.123Z");
        assertThat(CotTime.format(Instant.parse("1969-12-31T23:59:59Z"))).isEqualTo("1969-12-31T23:59:59.000Z");
        assertThatThrownBy(() -> CotTime.parse("2023-02-30T00:00:00Z")).hasMessageContaining("invalid date");
        assertThatThrownBy(() -> CotTime.parse("2023-07-18 15:23:09Z")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CotTime.parse("2023-07-18T15:23:09.Z")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unknownSentinelsAndNaNAreNotKnownValues() throws DecodeException {
        CotEvent e = parser.parse(PLI.replace("hae=\"120.5\" ce=\"4.9\"", "hae=\"NaN\" ce=\"999999\""));
        assertThat(e.point().haeKnown()).isFalse();
        assertThat(e.point().ceKnown()).isFalse();
        assertThat(e.deviations()).containsExactly("point hae 'NaN' is not an xs:decimal");
    }

    @Test
    void toleratesMissingHowAndTextInPointButRecordsIt() throws DecodeException {
        CotEvent e = parser.parse(PLI.replace(" how=\"m-g\"", "").replace("le=\"9999999.0\"/>", "le=\"9999999.0\"> </point>"));
        assertThat(e.how()).isNull();
        assertThat(e.deviations()).containsExactlyInAnyOrder("attribute how missing", "character content inside <point>");
    }

    @Test
    void elementsTheTypedFormCannotHoldStayInXmlDetail() throws DecodeException {
        CotEvent e = parser.parse(PLI.replace("<status battery=\"87\"/>", "<status battery=\"87\" readiness=\"true\"/>")
                .replace("<track speed=\"3.5\" course=\"271.25\"/>", "<track speed=\"3.5\" course=\"271.25\" slope=\"0\"/>"));
        assertThat(e.detail().status()).isNull();
        assertThat(e.detail().track()).isNull();
        assertThat(e.detail().xmlDetail()).contains("<status battery=\"87\" readiness=\"true\"/>")
                .contains("<track speed=\"3.5\" course=\"271.25\" slope=\"0\"/>");
        assertThat(e.track()).isEqualTo(new CotTrack(3.5, 271.25)); // still readable
    }

    @Test
    void refusesDoctypeAndExternalEntities() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE event [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + PLI.replace("<remarks>a &amp; b</remarks>", "<remarks>&x;</remarks>");
        assertThatThrownBy(() -> parser.parse(xxe)).isInstanceOf(DecodeException.class)
                .satisfies(t -> assertThat(t.getMessage()).doesNotContain("root:"));
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE event [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>"
                + PLI.replace("<remarks>a &amp; b</remarks>", "<remarks>&b;</remarks>");
        assertThatThrownBy(() -> parser.parse(bomb)).isInstanceOf(DecodeException.class);
        String plainDoctype = "<!DOCTYPE event>" + PLI;
        assertThatThrownBy(() -> parser.parse(plainDoctype)).isInstanceOf(DecodeException.class).hasMessageContaining("DOCTYPE");
    }

    @Test
    void refusesEventsUselessForTrackingWithAReason() {
        assertThatThrownBy(() -> parser.parse(PLI.replace(" uid=\"U1\"", ""))).hasMessage("event has no uid");
        assertThatThrownBy(() -> parser.parse(PLI.replace("lat=\"54.6872\"", "lat=\"95\""))).hasMessageContaining("lat '95'");
        assertThatThrownBy(() -> parser.parse(PLI.replace("2020-02-12T13:16:07Z", "yesterday"))).hasMessageContaining("attribute time");
        assertThatThrownBy(() -> parser.parse("<evnt/>")).hasMessageContaining("not <event>");
        assertThatThrownBy(() -> parser.parse(PLI.substring(0, 200))).isInstanceOf(DecodeException.class).hasMessageContaining("malformed XML");
        assertThatThrownBy(() -> parser.parse(PLI.replaceAll("<point[^>]*/>", ""))).hasMessageContaining("no <point>");
    }

    @Test
    void writerOutputParsesBackToTheSameEvent() throws DecodeException {
        CotEvent e = parser.parse(PLI);
        String xml = new CotXmlWriter().write(e);
        assertThat(xml).startsWith(CotXmlWriter.DECLARATION).endsWith("</event>");
        CotEvent back = parser.parse(xml);
        assertThat(back.time()).isEqualTo(e.time());
        assertThat(back.stale()).isEqualTo(Instant.parse("2020-02-12T13:16:50.123Z")); // emitted with ms
        assertThat(back.point()).isEqualTo(e.point());
        assertThat(back.detail()).isEqualTo(e.detail());
        assertThat(back.deviations()).isEmpty();
    }

    @Test
    void writerEmitsPlainDecimalsAndUnknownForNaN() throws DecodeException {
        CotEvent e = CotEvent.of("u", "a-h-A", "m-f", Instant.EPOCH, Instant.EPOCH, Instant.ofEpochSecond(60),
                new CotPoint(1e-7, -0.00001, Double.NaN, 12345678.9, 3), CotDetail.EMPTY);
        String xml = new CotXmlWriter().write(e);
        assertThat(xml).contains("lat=\"0.0000001\"").contains("lon=\"-0.00001\"").contains("hae=\"9999999.0\"")
                .contains("ce=\"12345678.9\"").doesNotContain("E-").doesNotContain("<detail>");
        CotEvent back = parser.parse(xml);
        assertThat(back.point().lat()).isCloseTo(1e-7, within(0.0));
        assertThat(back.deviations()).isEmpty();
    }

    @Test
    void remarksWithNewlinesAndControlCharactersSurviveTheWriter() throws DecodeException {
        CotEvent e = parser.parse(PLI.replace("<remarks>a &amp; b</remarks>", "<remarks>line1\nline2 &lt;x&gt;</remarks>")
                .replace("callsign=\"Vilkas\"", "callsign=\"A&#10;B\""));
        CotEvent back = parser.parse(new CotXmlWriter().write(e));
        assertThat(back.callsign()).isEqualTo("A\nB");
        assertThat(back.detail().xmlDetail()).isEqualTo("<remarks>line1\nline2 &lt;x&gt;</remarks>");
    }

    @Test
    void bytesAreUtf8UnlessTheDeclarationSaysOtherwise() throws DecodeException {
        byte[] utf8 = PLI.replace("Vilkas", "Vilkas-ąž").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(parser.parse(utf8).callsign()).isEqualTo("Vilkas-ąž");
        byte[] bom = new byte[utf8.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, bom, 3, utf8.length);
        assertThat(parser.parse(bom).callsign()).isEqualTo("Vilkas-ąž");
        byte[] latin1 = ("<?xml version='1.0' encoding='ISO-8859-1'?>" + PLI.replace("Vilkas", "Vilkas-é"))
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(parser.parse(latin1).callsign()).isEqualTo("Vilkas-é");
        byte[] broken = utf8.clone();
        broken[PLI.indexOf("Vilkas")] = (byte) 0xC3; // lead byte followed by ASCII
        assertThatThrownBy(() -> parser.parse(broken)).isInstanceOf(DecodeException.class).hasMessageContaining("UTF-8");
    }
}
