package org.skydas.sim.journal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.skydas.sim.MessageSink;
import org.skydas.sim.SimMessage;

/**
 * Records every message of a run as JSON lines:
 * {@code {"t":12.5,"time":"2026-11-27T04:00:12.500Z","source":"radar-BY-015","channel":"asterix","base64":"MAAv..."}};
 * text channels (JSON detections, CoT) store {@code "text"} instead of {@code "base64"} so the journal stays readable.
 */
public final class JournalWriter implements MessageSink, AutoCloseable {

    private final ObjectMapper mapper = new ObjectMapper();
    private final Writer out;
    private long written;

    public JournalWriter(Writer out) {
        this.out = out;
    }

    public static JournalWriter open(Path file) throws IOException {
        return new JournalWriter(new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8)));
    }

    @Override
    public void accept(SimMessage m) {
        ObjectNode o = mapper.createObjectNode();
        o.put("t", m.simTimeS());
        o.put("time", m.time().toString());
        o.put("source", m.sourceId());
        o.put("channel", m.channel().wire());
        if (m.channel().isText()) {
            o.put("text", m.text());
        } else {
            o.put("base64", Base64.getEncoder().encodeToString(m.payload()));
        }
        try {
            out.write(o.toString());
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("journal write failed", e);
        }
        written++;
    }

    public long written() {
        return written;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
