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
 * proto3 JSON (one message, as the Dstl fixtures; a v1.0 message that is not v2.0 JSON is read as v1.0) or a recorded
 * TCP stream of length-prefixed binary v2.0 messages.
 * Every message is validated; the first invalid one ends the run with its reasons.
 */
public final class SapientDumper implements Dumper {

    @Override
    public String protocol() {
        return "sapient";
    }

    /**
     * A JSON message that is not v2.0 JSON may be v1.0 (v2.0 made some fields repeated, so the two differ): read and
     * checked as v1.0; a message neither version reads fails with the v2.0 reason.
     */
    private static com.google.protobuf.Message v1OrRethrow(String json, DecodeException v2) throws DecodeException {
        if (!v2.getMessage().startsWith("invalid JSON")) {
            throw v2;
        }
        uk.gov.dstl.sapientmsg.bsiflex335v1.SapientMessage v1;
        try {
            v1 = SapientV1.parseJson(json);
        } catch (DecodeException notV1) {
            throw v2;
        }
        List<String> problems = SapientV1.problems(SapientV1.toV2(v1));
        if (!problems.isEmpty()) {
            throw new DecodeException("invalid message (v1.0): " + String.join("; ", problems));
        }
        return v1;
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
            String json = new String(b, StandardCharsets.UTF_8);
            try {
                jsonLine.accept(SapientCodec.toJson(codec.decodeJson(json)));
            } catch (DecodeException v2) {
                jsonLine.accept(SapientCodec.toJson(v1OrRethrow(json, v2)));
            }
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
