package org.skydas.sim;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.skydas.ingest.asterix.AsterixDecoder;
import org.skydas.ingest.asterix.AsterixRecord;

/** Test helper: ASTERIX bytes → the decoder's JSON view of each record, failing on any decode error. */
final class Decoders {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Decoders() {
    }

    static List<JsonNode> asterix(byte[] b) {
        List<JsonNode> out = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        new AsterixDecoder().decode(b, 0, b.length, new AsterixDecoder.Listener() {
            @Override
            public void record(AsterixRecord r) {
                try {
                    out.add(JSON.readTree(r.toJson()));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public void error(int offset, String reason) {
                errors.add(offset + ": " + reason);
            }
        });
        if (!errors.isEmpty()) {
            throw new AssertionError("ASTERIX decode errors: " + errors);
        }
        return out;
    }
}
