package org.skydas.ingest.sapient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.skydas.ingest.DecodeException;
import org.skydas.ingest.Dumper;

/**
 * {@code skydas decode sapient FILE}: BSI Flex 335 v2.0 messages as proto3 JSON, one per line. The file is either
 * proto3 JSON (one message, as the Dstl fixtures) or a recorded TCP stream of length-prefixed binary messages.
 * Every message is validated; the first invalid one ends the run with its reasons.
 */
public final class SapientDumper implements Dumper {

    @Override
    public String protocol() {
        return "sapient";
    }

    @Override
    public void dump(Path file, Consumer<String> jsonLine) throws IOException, DecodeException {
        byte[] b = Files.readAllBytes(file);
        SapientCodec codec = new SapientCodec();
        int first = 0;
        while (first < b.length && Character.isWhitespace(b[first])) {
            first++;
        }
        if (first < b.length && b[first] == '{') {
            jsonLine.accept(SapientCodec.toJson(codec.decodeJson(new String(b, StandardCharsets.UTF_8))));
            return;
        }
        SapientFrames frames = new SapientFrames(Integer.MAX_VALUE);
        List<byte[]> messages = new ArrayList<>();
        boolean whole = frames.feed(b, 0, b.length, messages::add);
        int i = 0;
        for (byte[] m : messages) {
            try {
                jsonLine.accept(SapientCodec.toJson(codec.decode(m)));
            } catch (DecodeException e) {
                throw new DecodeException("message " + (i + 1) + ": " + e.getMessage());
            }
            i++;
        }
        if (!whole) {
            throw new DecodeException("message " + (i + 1) + ": length " + frames.oversizedLength() + " too large");
        }
        if (frames.buffered() > 0) {
            throw new DecodeException("truncated message at the end: " + frames.buffered() + " bytes");
        }
    }
}
