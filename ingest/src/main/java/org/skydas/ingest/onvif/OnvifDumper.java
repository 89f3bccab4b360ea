package org.skydas.ingest.onvif;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import org.skydas.ingest.DecodeException;
import org.skydas.ingest.Dumper;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code skydas decode onvif FILE}: a {@code tt:MetadataStream} document (or a pushed SOAP Notify) as JSON lines,
 * one per event and one per analytics frame; a file holding one RTP packet (RTP version 2 header) is read as a
 * complete single-packet document.
 */
public final class OnvifDumper implements Dumper {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String protocol() {
        return "onvif";
    }

    @Override
    public void dump(Path file, Consumer<String> jsonLine) throws IOException, DecodeException {
        byte[] b = Files.readAllBytes(file);
        if (b.length > 12 && (b[0] & 0xC0) == 0x80) {
            byte[] doc = new OnvifRtp(4 << 20).add(b, 0, b.length);
            if (doc == null) {
                throw new DecodeException("RTP packet without the marker bit: the document goes on in the next packet");
            }
            b = doc;
        }
        Onvif.Document d = new OnvifMetadataParser().parse(b);
        for (Onvif.Event e : d.events()) {
            ObjectNode o = JSON.createObjectNode().put("kind", "event").put("topic", e.topic())
                    .put("utcTime", e.utcTime() == null ? null : e.utcTime().toString()).put("operation", e.operation());
            o.set("source", JSON.valueToTree(new java.util.TreeMap<>(e.source())));
            o.set("key", JSON.valueToTree(new java.util.TreeMap<>(e.key())));
            o.set("data", JSON.valueToTree(new java.util.TreeMap<>(e.data())));
            jsonLine.accept(o.toString());
        }
        for (Onvif.Frame f : d.frames()) {
            ObjectNode o = JSON.createObjectNode().put("kind", "frame")
                    .put("utcTime", f.utcTime() == null ? null : f.utcTime().toString()).put("source", f.source());
            o.set("objects", JSON.valueToTree(f.objects()));
            jsonLine.accept(o.toString());
        }
    }
}
