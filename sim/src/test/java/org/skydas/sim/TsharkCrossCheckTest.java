package org.skydas.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skydas.ingest.asterix.AsterixDumper;
import org.skydas.model.Scenario;
import org.skydas.model.demo.DemoScenario;
import org.skydas.sim.encode.Cat034Encoder;
import org.skydas.sim.encode.Cat048Encoder;
import org.skydas.sim.encode.RadarPlot;
import org.skydas.sim.journal.PcapWriter;
import org.skydas.sim.script.DemoScript;
import org.skydas.testkit.ExternalTool;

/**
 * Issue #8: the simulator's ASTERIX, exported as a capture, is decoded identically by Skydas (the dumper behind
 * {@code skydas decode asterix}) and by tshark's ASTERIX dissector (Wireshark 4.0 defaults: CAT034 1.29, CAT048
 * 1.31, as Skydas's).
 *
 * <p>The capture holds the demo scenario's first five simulated minutes plus a few {@link #extremes datagrams at
 * the ends of every field's range} written with the same encoders. What is compared, record by record in capture
 * order: the category, and every field of every item Skydas decodes (I034/010, 000, 030, 041, 120; I048/010, 140,
 * 020, 040, 161, 110), matched to tshark's field of the same name ({@code I048/040 RHO} ↔
 * {@code asterix.048_040_RHO}; bare values ↔ {@code _VALUE}). Both sides print quantities in the specification's
 * units (NM, degrees, seconds, feet, metres), so values must agree on the raw count of the field's LSB
 * ({@link #LSB}); integer fields must be equal. tshark must show no item Skydas does not, flag nothing as
 * malformed, and see as many records per category. A field without a known LSB fails the test, so an encoder that
 * starts writing a new item extends this table. One known tshark 4.0 deviation is allowed:
 * {@link #UNSIGNED_IN_TSHARK}. A second test has tshark verify the capture's IPv4 and UDP checksums.
 */
class TsharkCrossCheckTest {

    /** Simulated time exported: the demo's first five minutes, many antenna turns of every radar. */
    private static final double RUN_S = 300;
    private static final int ASTERIX_PORT = 8600;

    /** LSB of each compared field, in the unit both decoders print; 1 for integer fields. */
    private static final Map<String, Double> LSB = Map.ofEntries(
            Map.entry("034_010_SAC", 1.0), Map.entry("034_010_SIC", 1.0),
            Map.entry("034_000_VALUE", 1.0),
            Map.entry("034_030_VALUE", 1 / 128.0),
            Map.entry("034_041_VALUE", 1 / 128.0),
            Map.entry("034_120_HGT", 1.0),
            Map.entry("034_120_LAT", 180 / Math.pow(2, 23)), Map.entry("034_120_LON", 180 / Math.pow(2, 23)),
            Map.entry("048_010_SAC", 1.0), Map.entry("048_010_SIC", 1.0),
            Map.entry("048_140_VALUE", 1 / 128.0),
            Map.entry("048_020_TYP", 1.0), Map.entry("048_020_SIM", 1.0), Map.entry("048_020_RDP", 1.0),
            Map.entry("048_020_SPI", 1.0), Map.entry("048_020_RAB", 1.0),
            Map.entry("048_040_RHO", 1 / 256.0), Map.entry("048_040_THETA", 360 / 65536.0),
            Map.entry("048_161_TRN", 1.0),
            Map.entry("048_110_3DH", 25.0));

    /**
     * Fields tshark 4.0 reads unsigned although the specification makes them signed (two's complement of the
     * field's width → number of raw values). I034/120 HGT is signed in CAT034 1.29 (asterix-specs corrected its
     * definition in 2023, pull request #25; Wireshark 4.0's dissector was generated before). For these the two
     * decoders must agree on the raw bits, and Skydas's value must be the signed one.
     */
    private static final Map<String, Long> UNSIGNED_IN_TSHARK = Map.of("034_120_HGT", 1L << 16);

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static Path tshark;
    static Path capture;
    static long datagrams;

    @BeforeAll
    static void exportDemoRun() throws Exception {
        tshark = ExternalTool.require("tshark");
        Scenario scenario = new DemoScenario().build();
        Simulation sim = new Simulation(scenario, DemoScript.build(scenario));
        capture = dir.resolve("demo-asterix.pcap");
        try (PcapWriter pcap = PcapWriter.open(capture).route(Channel.ASTERIX, ASTERIX_PORT)) {
            sim.advanceTo(RUN_S, pcap);
            extremes(sim.now()).forEach(pcap::accept);
            datagrams = pcap.frames();
        }
        assertThat(datagrams).as("ASTERIX datagrams exported").isGreaterThan(20);
    }

    @Test
    void skydasAndTsharkDecodeEveryRecordAlike() throws Exception {
        List<JsonNode> skydas = new ArrayList<>();
        new AsterixDumper().dump(capture, line -> skydas.add(parse(line)));
        List<Record> reference = tsharkRecords();

        assertThat(countByCategory(reference.stream().map(Record::category).toList()))
                .as("records per category, tshark vs Skydas")
                .isEqualTo(countByCategory(skydas.stream().map(r -> r.get("category").asInt()).toList()));
        assertThat(countByCategory(reference.stream().map(Record::category).toList())).containsOnlyKeys(34, 48);

        Map<String, Integer> compared = new TreeMap<>();
        double worstLsbFraction = 0;
        int signedReadAsUnsigned = 0;
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < skydas.size(); i++) {
            JsonNode ours = skydas.get(i);
            Record theirs = reference.get(i);
            String where = "record " + i + " (CAT" + theirs.category() + ", datagram " + theirs.frame() + ")";
            assertThat(ours.get("category").asInt()).as(where).isEqualTo(theirs.category());
            int seen = 0;
            for (Iterator<Map.Entry<String, JsonNode>> it = ours.get("items").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> item = it.next();
                String prefix = item.getKey().substring(1).replace('/', '_'); // I048/040 → 048_040
                JsonNode tsItem = theirs.items().get("asterix." + prefix);
                if (tsItem == null) {
                    mismatches.add(where + ": tshark lacks " + item.getKey());
                    continue;
                }
                seen++;
                Map<String, JsonNode> values = new TreeMap<>();
                if (item.getValue().isObject()) {
                    item.getValue().fields().forEachRemaining(f -> values.put(prefix + "_" + f.getKey(), f.getValue()));
                } else {
                    values.put(prefix + "_VALUE", item.getValue());
                }
                for (Map.Entry<String, JsonNode> v : values.entrySet()) {
                    Double lsb = LSB.get(v.getKey());
                    assertThat(lsb).as("%s: no LSB known for field %s: extend TsharkCrossCheckTest.LSB", where, v.getKey())
                            .isNotNull();
                    JsonNode tsValue = tsItem.get("asterix." + v.getKey());
                    if (tsValue == null) {
                        mismatches.add(where + ": tshark lacks field " + v.getKey());
                        continue;
                    }
                    double a = v.getValue().asDouble();
                    double b = number(tsValue.asText());
                    compared.merge(v.getKey(), 1, Integer::sum);
                    long rawSkydas = Math.round(a / lsb);
                    long rawTshark = Math.round(b / lsb);
                    Long wrap = UNSIGNED_IN_TSHARK.get(v.getKey());
                    boolean agree = wrap == null ? rawSkydas == rawTshark
                            : Math.floorMod(rawSkydas, wrap) == rawTshark && rawSkydas >= -wrap / 2 && rawSkydas < wrap / 2;
                    if (!agree) {
                        mismatches.add(where + ": " + v.getKey() + " Skydas " + a + " vs tshark " + b);
                    } else if (rawSkydas != rawTshark) {
                        signedReadAsUnsigned++;
                    } else {
                        worstLsbFraction = Math.max(worstLsbFraction, Math.abs(a - b) / lsb);
                    }
                }
            }
            if (seen != theirs.items().size()) {
                mismatches.add(where + ": tshark shows items " + theirs.items().keySet() + ", Skydas " + ours.get("items"));
            }
        }
        int fields = compared.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("tshark cross-check: %d datagrams, %d records %s, %d fields compared %s, %d mismatches, "
                        + "largest difference %.3g LSB, %d negative values tshark reads unsigned (%s)%n", datagrams,
                skydas.size(), countByCategory(reference.stream().map(Record::category).toList()), fields, compared,
                mismatches.size(), worstLsbFraction, signedReadAsUnsigned, UNSIGNED_IN_TSHARK.keySet());
        assertThat(mismatches).as("fields on which Skydas and tshark disagree").isEmpty();
        // Every field the encoders write was exercised, the optional height (drones) included.
        assertThat(compared.keySet()).as("fields compared at least once").isEqualTo(LSB.keySet());
    }

    @Test
    void tsharkFindsTheCaptureHeadersAndChecksumsValid() {
        ExternalTool.Result r = ExternalTool.run(List.of(tshark.toString(), "-r", capture.toString(),
                "-o", "ip.check_checksum:TRUE", "-o", "udp.check_checksum:TRUE",
                "-T", "fields", "-e", "ip.checksum.status", "-e", "udp.checksum.status", "-e", "udp.dstport"), null, 120);
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        List<String> lines = r.stdout().lines().toList();
        assertThat(lines).hasSize((int) datagrams);
        // 1 is tshark's "Good" for both checksum status fields.
        assertThat(lines).allSatisfy(l -> assertThat(l).isEqualTo("1\t1\t" + ASTERIX_PORT));
    }

    /**
     * Datagrams the demo does not produce: plots with the optional I048/110 height (no demo radar sees a drone)
     * and every field at the ends of its range (midnight wrap, 0 and almost 256 NM, north, track 4095, negative
     * heights, a southern/western site, a long antenna period).
     */
    private static List<SimMessage> extremes(Instant at) {
        double lastTick = 86_400 - 1 / 128.0;
        Cat048Encoder plots = new Cat048Encoder(255, 254);
        List<byte[]> blocks = new ArrayList<>(plots.encode(List.of(
                new RadarPlot(0, 0, 0, 0, 0),
                new RadarPlot(lastTick, 255.99 * 1852, 359.999, 4095, -150),
                new RadarPlot(43_200.5, 12_345.6, 180.0, 2048, 1_234.5),
                new RadarPlot(1.0, 1_000, 0.0027, 1, 8191 * 25 * 0.3048),
                new RadarPlot(2.0, 2_000, 90, 7, -8192 * 25 * 0.3048),
                new RadarPlot(3.0, 3_000, 270, 8, Double.NaN))));
        Cat034Encoder markers = new Cat034Encoder(0, 0);
        blocks.add(markers.northMarker(lastTick, 511.99, -33.9, -70.6, -20));
        blocks.add(markers.northMarker(0, 0.5, 89.99, 179.99, 3_000));
        List<SimMessage> out = new ArrayList<>();
        for (byte[] b : blocks) {
            out.add(new SimMessage(RUN_S, at, "extremes", Channel.ASTERIX, b));
        }
        return out;
    }

    /** One ASTERIX record as tshark shows it: its items keyed {@code asterix.048_040} etc. */
    private record Record(int frame, int category, Map<String, JsonNode> items) {
    }

    private static List<Record> tsharkRecords() throws Exception {
        // --no-duplicate-keys: several blocks in a datagram or records in a block become arrays, not repeated keys.
        ExternalTool.Result r = ExternalTool.run(List.of(tshark.toString(), "-r", capture.toString(), "-T", "json",
                "--no-duplicate-keys", "-d", "udp.port==" + ASTERIX_PORT + ",asterix"), null, 300);
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        JsonNode packets = JSON.readTree(r.stdout());
        assertThat(packets.size()).as("frames tshark read").isEqualTo(datagrams);
        List<Record> out = new ArrayList<>();
        for (int f = 0; f < packets.size(); f++) {
            JsonNode layers = packets.get(f).path("_source").path("layers");
            for (Iterator<String> it = layers.fieldNames(); it.hasNext(); ) {
                String layer = it.next();
                assertThat(layer).as("frame %d: tshark expert info or malformed packet", f + 1).doesNotStartWith("_ws");
            }
            assertThat(layers.has("asterix")).as("frame %d dissected as ASTERIX", f + 1).isTrue();
            for (JsonNode block : elements(layers.get("asterix"))) {
                int category = Integer.parseInt(block.get("asterix.category").asText());
                for (JsonNode message : elements(block.get("asterix.message"))) {
                    Map<String, JsonNode> items = new TreeMap<>();
                    message.fields().forEachRemaining(e -> {
                        if (!e.getKey().equals("asterix.fspec")) {
                            items.put(e.getKey(), e.getValue());
                        }
                    });
                    out.add(new Record(f + 1, category, items));
                }
            }
        }
        return out;
    }

    /** A node that is one element, or an array of them (tshark's way of merging repeated keys). */
    private static List<JsonNode> elements(JsonNode n) {
        List<JsonNode> out = new ArrayList<>();
        if (n == null) {
            return out;
        }
        if (n.isArray()) {
            n.forEach(out::add);
        } else {
            out.add(n);
        }
        return out;
    }

    /** tshark prints integers in decimal or {@code 0x..} hex (SAC/SIC), quantities as decimals. */
    private static double number(String s) {
        return s.startsWith("0x") ? Long.parseLong(s.substring(2), 16) : Double.parseDouble(s);
    }

    private static Map<Integer, Integer> countByCategory(List<Integer> categories) {
        Map<Integer, Integer> m = new TreeMap<>();
        categories.forEach(c -> m.merge(c, 1, Integer::sum));
        return m;
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new IllegalStateException("Skydas dump line is not JSON: " + line, e);
        }
    }
}
