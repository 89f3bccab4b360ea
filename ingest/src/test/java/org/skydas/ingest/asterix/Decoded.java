package org.skydas.ingest.asterix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.skydas.ingest.DecodeException;
import org.skydas.ingest.pcap.CaptureFormat;
import org.skydas.ingest.pcap.CaptureReader;
import org.skydas.ingest.pcap.UdpExtractor;

/** All records of a sample file, as our JSON (parsed back) plus the record bytes in hex, and the errors. */
record Decoded(List<JsonNode> records, List<String> hex, List<String> errors) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Decoded of(Path file) throws IOException, DecodeException {
        List<JsonNode> records = new ArrayList<>();
        List<String> hex = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        AsterixDecoder decoder = new AsterixDecoder();
        AsterixDecoder.Listener listener = new AsterixDecoder.Listener() {
            @Override
            public void record(AsterixRecord r) {
                try {
                    records.add(JSON.readTree(r.toJson()));
                } catch (IOException e) {
                    throw new AssertionError("our JSON does not parse: " + r.toJson(), e);
                }
                hex.add(HexFormat.of().withUpperCase().formatHex(r.buffer(), r.start(), r.start() + r.length()));
            }

            @Override
            public void error(int offset, String reason) {
                errors.add(reason);
            }
        };
        if (CaptureReader.formatOf(file) == CaptureFormat.NONE) {
            byte[] b = Files.readAllBytes(file);
            decoder.decode(b, 0, b.length, listener);
        } else {
            UdpExtractor.forEachDatagram(file,
                    d -> decoder.decode(d.frame(), d.payloadOffset(), d.payloadLength(), listener));
        }
        return new Decoded(records, hex, errors);
    }

    static JsonNode parse(String json) throws IOException {
        return JSON.readTree(json);
    }
}
