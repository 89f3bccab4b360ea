package org.skydas.ingest.asterix;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.ObjectMapper;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import org.junit.jupiter.api.Test;
import org.skydas.ingest.DecodeException;
import org.skydas.ingest.pcap.CaptureReader;
import org.skydas.ingest.pcap.CapturedPacket;
import org.skydas.ingest.pcap.UdpExtractor;
import org.skydas.testkit.SharedData;

/**
 * Hostile input: the decoder reports, it never throws, never loops, and every record it returns lies inside the
 * input and renders as valid JSON. The 10^6-input run is {@code org.skydas.bench.ingest.asterix.AsterixFuzz};
 * this test keeps a bounded 10^4 so it stays quick.
 */
class AsterixRobustnessTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DIR = "data/protocols/asterix/";

    /** The ASTERIX payloads of every sample: raw files whole, pcap files per UDP datagram. */
    static List<byte[]> seeds() throws IOException, DecodeException {
        List<byte[]> seeds = new ArrayList<>();
        for (String f : List.of("croatiacontrol/sample_data/cat048.raw", "croatiacontrol/sample_data/cat034.raw",
                "croatiacontrol/sample_data/cat062cat065.raw", "jasterix/cat034ed1.26.bin", "jasterix/cat048ed1.15.bin",
                "jasterix/cat048ed1.23.bin", "jasterix/cat062ed1.12.bin", "jasterix/cat062ed1.16.bin",
                "jasterix/cat065ed1.3.bin")) {
            seeds.add(Files.readAllBytes(SharedData.require(DIR + f)));
        }
        for (String f : List.of("cat_034_048.pcap", "cat_062_065.pcap", "asterix.pcap")) {
            UdpExtractor.forEachDatagram(SharedData.require(DIR + "croatiacontrol/sample_data/" + f),
                    d -> seeds.add(d.payload()));
        }
        return seeds;
    }

    /** Decodes {@code b}, renders each record, and checks the invariants. Returns records + errors. */
    static int decodeChecked(AsterixDecoder decoder, byte[] b) {
        int[] records = {0};
        int errors = decoder.decode(b, 0, b.length, new AsterixDecoder.Listener() {
            @Override
            public void record(AsterixRecord r) {
                records[0]++;
                assertThat(r.start()).isBetween(3, b.length - 1);
                assertThat(r.start() + r.length()).isLessThanOrEqualTo(b.length);
                String json = r.toJson();
                try {
                    assertThat(JSON.readTree(json).get("items").size()).isEqualTo(r.itemCount());
                } catch (IOException e) {
                    throw new AssertionError("invalid JSON " + json, e);
                }
            }

            @Override
            public void error(int offset, String reason) {
                assertThat(offset).isBetween(0, b.length);
                assertThat(reason).isNotBlank().doesNotContain("\n");
            }
        });
        // Each record needs at least 2 bytes (FSPEC + 1 item byte) and each block 3: the counts are bounded.
        assertThat(records[0]).isLessThanOrEqualTo(b.length / 2);
        assertThat(errors).isLessThanOrEqualTo(b.length / 3 + 1);
        return records[0] + errors;
    }

    @Test
    void tenThousandMutatedSamplesNeitherThrowNorLoop() throws Exception {
        List<byte[]> seeds = seeds();
        Random rnd = new Random(20261127L);
        AsterixDecoder decoder = new AsterixDecoder();
        long outcomes = 0;
        for (int i = 0; i < 10_000; i++) {
            byte[] input = Mutator.mutate(seeds.get(rnd.nextInt(seeds.size())), rnd);
            outcomes += decodeChecked(decoder, input);
        }
        assertThat(decoder.errors()).isPositive(); // the mutations did reach the error paths
        assertThat(decoder.records()).isPositive(); // and many inputs still decoded in part
        assertThat(outcomes).isPositive();
    }

    @Property(tries = 2000)
    void arbitraryBytesAreReportedNotThrown(@ForAll @Size(max = 600) byte[] input) {
        decodeChecked(new AsterixDecoder(), input);
    }

    @Property(tries = 1000)
    void blocksWithArbitraryRecordsUnderAValidHeader(@ForAll("category") int category,
                                                     @ForAll @Size(max = 300) byte[] body) {
        byte[] b = new byte[body.length + 3];
        b[0] = (byte) category;
        b[1] = (byte) (b.length >>> 8);
        b[2] = (byte) b.length;
        System.arraycopy(body, 0, b, 3, body.length);
        decodeChecked(new AsterixDecoder(), b);
    }

    @Provide
    Arbitrary<Integer> category() {
        return Arbitraries.of(34, 48, 62, 65);
    }

    @Property(tries = 300)
    void concatenatingGoodInputsAddsTheirRecords(@ForAll("seedIndex") int a, @ForAll("seedIndex") int b)
            throws Exception {
        List<byte[]> seeds = seeds();
        byte[] x = seeds.get(a % seeds.size());
        byte[] y = seeds.get(b % seeds.size());
        AsterixDecoder d = new AsterixDecoder();
        int nx = countRecords(d, x);
        int ny = countRecords(d, y);
        byte[] both = new byte[x.length + y.length];
        System.arraycopy(x, 0, both, 0, x.length);
        System.arraycopy(y, 0, both, x.length, y.length);
        // Only when x decoded cleanly can its blocks be followed by y's (a bad LEN stops an input).
        if (new AsterixDecoder().decode(x, 0, x.length, r -> { }) == 0) {
            assertThat(countRecords(d, both)).isEqualTo(nx + ny);
        }
    }

    @Provide
    Arbitrary<Integer> seedIndex() {
        return Arbitraries.integers().between(0, 1000);
    }

    private static int countRecords(AsterixDecoder d, byte[] b) {
        int[] n = {0};
        d.decode(b, 0, b.length, r -> n[0]++);
        return n[0];
    }

    @Test
    void mutatedCapturesEndWithDecodeExceptionOrCleanly() throws Exception {
        List<byte[]> files = new ArrayList<>();
        for (Path p : List.of(SharedData.require(DIR + "croatiacontrol/sample_data/cat_062_065.pcap"),
                SharedData.require(DIR + "croatiacontrol/sample_data/cat_034_048.pcap"),
                SharedData.require("data/protocols/remoteid/captures/odid_bt5_lr_sample.pcapng"))) {
            files.add(Files.readAllBytes(p));
        }
        Random rnd = new Random(5);
        int failures = 0;
        for (int i = 0; i < 3000; i++) {
            byte[] input = Mutator.mutate(files.get(rnd.nextInt(files.size())), rnd);
            try (CaptureReader r = CaptureReader.open(new ByteArrayInputStream(input))) {
                CapturedPacket p;
                while ((p = r.next()) != null) {
                    assertThat(p.data().length).isLessThanOrEqualTo(input.length);
                    UdpExtractor.extract(p);
                }
            } catch (DecodeException e) {
                failures++;
                assertThat(e.getMessage()).doesNotContain("\n");
            }
        }
        assertThat(failures).isPositive();
    }
}
