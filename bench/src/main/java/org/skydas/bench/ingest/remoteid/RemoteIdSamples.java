package org.skydas.bench.ingest.remoteid;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.skydas.bench.ingest.tak.IngestSamples;
import org.skydas.ingest.pcap.CaptureReader;
import org.skydas.ingest.pcap.CapturedPacket;

/** The Remote ID payloads (TSV, good CRC only) and the raw frames of the three shared captures. */
final class RemoteIdSamples {

    private RemoteIdSamples() {
    }

    static List<byte[]> payloads() {
        List<byte[]> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(IngestSamples.file("data/protocols/remoteid/captures/odid_payloads_extracted.tsv"))) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (!"0".equals(f[3])) {
                    out.add(HexFormat.of().parseHex(f[5]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static List<CapturedPacket> frames() {
        List<CapturedPacket> out = new ArrayList<>();
        for (String c : List.of("odid_wifi_bcn_sample.pcap", "odid_wifi_sample.pcap", "odid_bt5_lr_sample.pcapng")) {
            try (CaptureReader r = CaptureReader.open(IngestSamples.file("data/protocols/remoteid/captures/" + c))) {
                for (CapturedPacket p; (p = r.next()) != null; ) {
                    out.add(p);
                }
            } catch (Exception e) {
                throw new IllegalStateException(c + ": " + e.getMessage(), e);
            }
        }
        return out;
    }
}
