package org.skydas.ingest.asterix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

/** Framing rules of the decoder on hand-built bytes (values follow the asterix-specs definitions). */
class AsterixDecoderTest {

    /** CAT048 record, FSPEC F0 = FRN 1-4: I010 (SAC 25, SIC 201), I140, I020, I040 (bytes of cat048.raw). */
    private static final String CAT048_RECORD = "F0" + "19C9" + "356D4D" + "A0" + "C5AFF1E0";

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    private static String block(int cat, String recordsWithSpaces) {
        String records = recordsWithSpaces.replace(" ", "");
        int len = 3 + records.length() / 2;
        return String.format("%02X%04X", cat, len) + records;
    }

    private record Result(List<String> json, List<String> errors, int errorCount) {
    }

    private static Result decode(String hexBytes) {
        byte[] b = hex(hexBytes);
        List<String> json = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        int n = new AsterixDecoder().decode(b, 0, b.length, new AsterixDecoder.Listener() {
            @Override
            public void record(AsterixRecord r) {
                json.add(r.toJson());
            }

            @Override
            public void error(int offset, String reason) {
                errors.add(offset + ": " + reason);
            }
        });
        return new Result(json, errors, n);
    }

    @Test
    void severalRecordsAndSeveralCategoriesInOneDatagram() throws Exception {
        Result r = decode(block(48, CAT048_RECORD + CAT048_RECORD) + block(34, "E0" + "1909" + "02" + "3A6A2F"));
        assertThat(r.errors()).isEmpty();
        assertThat(r.json()).hasSize(3);
        JsonNode first = Decoded.parse(r.json().get(0));
        assertThat(first.get("category").asInt()).isEqualTo(48);
        assertThat(first.get("edition").asText()).isEqualTo("1.31");
        assertThat(first.at("/items/I048~1010/SAC").asInt()).isEqualTo(25);
        assertThat(first.at("/items/I048~1140").asDouble()).isEqualTo(27354.6015625);
        assertThat(first.at("/items/I048~1040/RHO").asDouble()).isEqualTo(197.68359375);
        assertThat(first.at("/items/I048~1040/THETA").asDouble()).isEqualTo(340.13671875);
        JsonNode third = Decoded.parse(r.json().get(2));
        assertThat(third.get("category").asInt()).isEqualTo(34);
        assertThat(third.at("/items/I034~1000").asInt()).isEqualTo(2);
    }

    @Test
    void fspecEndingWithAnAllZeroOctetIsAccepted() {
        // FSPEC F1 00: FRN 1-4, then an extension octet that announces nothing.
        Result r = decode(block(48, "F100" + "19C9" + "356D4D" + "A0" + "C5AFF1E0"));
        assertThat(r.errors()).isEmpty();
        assertThat(r.json()).hasSize(1);
    }

    @Test
    void spAndReAreSkippedByTheirLengthByte() throws Exception {
        // FSPEC: FRN 1 (I010) in octet 1, FX through octets 2-3, octet 4 has FRN 27 (SP) and FRN 28 (RE).
        String record = "81" + "01" + "01" + "06" + "19C9" + "03AABB" + "050801 0100";
        Result r = decode(block(48, record + CAT048_RECORD));
        assertThat(r.errors()).isEmpty();
        assertThat(r.json()).hasSize(2);
        JsonNode first = Decoded.parse(r.json().get(0));
        assertThat(first.at("/items/I048~1SP").asText()).isEqualTo("aabb");
        assertThat(first.at("/items/I048~1RE").asText()).isEqualTo("08010100");
        assertThat(Decoded.parse(r.json().get(1)).at("/items/I048~1010/SIC").asInt()).isEqualTo(201);
    }

    @Test
    void aBadRecordSkipsTheRestOfItsBlockAndDecodingResumesAtTheNextBlock() {
        // Second record: I040 cut by the end of the block. The CAT034 block after it still decodes.
        String bad = "F0" + "19C9" + "356D4D" + "A0" + "C5AF";
        Result r = decode(block(48, CAT048_RECORD + bad) + block(34, "E0" + "1909" + "02" + "3A6A2F"));
        assertThat(r.json()).hasSize(2);
        assertThat(r.errorCount()).isEqualTo(1);
        assertThat(r.errors().get(0)).contains("I048/040").contains("rest of data block skipped");
    }

    @Test
    void lyingBlockLengthStopsThisInputWithAReason() {
        String good = block(48, CAT048_RECORD);
        Result tooLong = decode(good + "30FFFF" + CAT048_RECORD);
        assertThat(tooLong.json()).hasSize(1);
        assertThat(tooLong.errors()).singleElement().asString().contains("LEN 65535");
        Result tooShort = decode(good + "300001");
        assertThat(tooShort.errors()).singleElement().asString().contains("LEN 1");
    }

    @Test
    void unsupportedCategoryAndUndefinedFrnAreReported() {
        Result r = decode(block(1, "80AA") + block(48, "01 01 01 01 80" + "00")); // FRN 29: beyond the 28 of the UAP
        assertThat(r.json()).isEmpty();
        assertThat(r.errors()).hasSize(2);
        assertThat(r.errors().get(0)).contains("unsupported category 1");
        assertThat(r.errors().get(1)).contains("FRN");
    }

    @Test
    void repetitiveAndCompoundItemsAndSignedValues() throws Exception {
        // I048/090 FL raw 0x3FFC = -4 quarter FL -> -1 FL (two's complement, see the erratum in editions/cat048-1.31.txt).
        // FSPEC: FRN 6 (I090) -> octet 1 = 0x04 | FX; FRN 10 (I250) -> octet 2 = 0x20.
        String record = "05" + "20" + "3FFC" + "02" + "C0780031BC000040" + "8BD9EB2FBFE40060";
        Result r = decode(block(48, record));
        assertThat(r.errors()).isEmpty();
        JsonNode j = Decoded.parse(r.json().get(0));
        assertThat(j.at("/items/I048~1090/FL").asDouble()).isEqualTo(-1.0);
        assertThat(j.at("/items/I048~1250")).hasSize(2);
        assertThat(j.at("/items/I048~1250/0/BDS1").asInt()).isEqualTo(4);
        assertThat(j.at("/items/I048~1250/1/BDS1").asInt()).isEqualTo(6);
    }
}
