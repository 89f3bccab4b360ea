package org.skydas.bench.ingest.asterix;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.skydas.ingest.DecodeException;
import org.skydas.ingest.pcap.UdpExtractor;
import org.skydas.testkit.SharedData;

/** ASTERIX payloads of the shared samples, for the fuzz run and the benchmark. */
final class AsterixSamples {

    static final String DIR = "data/protocols/asterix/";

    private AsterixSamples() {
    }

    static Path file(String relative) {
        Path p = SharedData.root().resolve(relative);
        if (!Files.exists(p)) {
            throw new IllegalStateException("shared data missing: " + p + " (set SKYDAS_SHARED_DATA)");
        }
        return p;
    }

    /** Raw files whole, pcap files one UDP payload each. */
    static List<byte[]> payloads() {
        List<byte[]> seeds = new ArrayList<>();
        try {
            for (String f : List.of("croatiacontrol/sample_data/cat048.raw", "croatiacontrol/sample_data/cat034.raw",
                    "croatiacontrol/sample_data/cat062cat065.raw", "jasterix/cat034ed1.26.bin",
                    "jasterix/cat048ed1.15.bin", "jasterix/cat048ed1.23.bin", "jasterix/cat062ed1.12.bin",
                    "jasterix/cat062ed1.16.bin", "jasterix/cat065ed1.3.bin")) {
                seeds.add(Files.readAllBytes(file(DIR + f)));
            }
            for (String f : List.of("cat_034_048.pcap", "cat_062_065.pcap", "asterix.pcap")) {
                UdpExtractor.forEachDatagram(file(DIR + "croatiacontrol/sample_data/" + f), d -> seeds.add(d.payload()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DecodeException e) {
            throw new IllegalStateException(e);
        }
        return seeds;
    }
}
