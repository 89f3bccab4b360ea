package org.skydas.sim.journal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.skydas.sim.Channel;
import org.skydas.sim.SimMessage;

/**
 * Reads a journal written by {@link JournalWriter}. A line that is not a valid entry is counted and skipped
 * with its reason (the first one is kept); blank lines are ignored.
 */
public final class JournalReader {

    private final ObjectMapper mapper = new ObjectMapper();
    private long skipped;
    private String firstError;

    public List<SimMessage> read(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r);
        }
    }

    public List<SimMessage> read(Reader reader) throws IOException {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        List<SimMessage> out = new ArrayList<>();
        String line;
        int n = 0;
        while ((line = in.readLine()) != null) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            try {
                out.add(parse(line));
            } catch (IOException | RuntimeException e) {
                skipped++;
                if (firstError == null) {
                    firstError = "line " + n + ": " + e.getMessage();
                }
            }
        }
        return out;
    }

    private SimMessage parse(String line) throws IOException {
        JsonNode o = mapper.readTree(line);
        if (o == null || !o.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        JsonNode t = o.get("t");
        if (t == null || !t.isNumber() || !(t.asDouble() >= 0)) {
            throw new IllegalArgumentException("missing or negative 't'");
        }
        Channel c = Channel.fromWire(text(o, "channel"));
        byte[] payload;
        if (o.has("text")) {
            payload = text(o, "text").getBytes(StandardCharsets.UTF_8);
        } else {
            payload = Base64.getDecoder().decode(text(o, "base64"));
        }
        return new SimMessage(t.asDouble(), Instant.parse(text(o, "time")), text(o, "source"), c, payload);
    }

    private static String text(JsonNode o, String name) {
        JsonNode v = o.get(name);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("missing '" + name + "'");
        }
        return v.asText();
    }

    public long skipped() {
        return skipped;
    }

    public String firstError() {
        return firstError;
    }
}
