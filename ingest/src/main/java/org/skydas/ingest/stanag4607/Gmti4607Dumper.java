package org.skydas.ingest.stanag4607;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import org.skydas.ingest.DecodeException;
import org.skydas.ingest.Dumper;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code skydas decode stanag4607 FILE}: a .4607 file (concatenated packets) as one JSON object per segment. */
public final class Gmti4607Dumper implements Dumper {

    @Override
    public String protocol() {
        return "stanag4607";
    }

    @Override
    public void dump(Path file, Consumer<String> jsonLine) throws IOException, DecodeException {
        byte[] b = Files.readAllBytes(file);
        Gmti4607Stream s = new Gmti4607Stream(Integer.MAX_VALUE);
        String[] firstError = {null};
        s.feed(b, 0, b.length, new Gmti4607Stream.Handler() {
            @Override
            public void packet(Gmti.Packet p) {
                for (ObjectNode o : Gmti4607Json.segments(p)) {
                    jsonLine.accept(o.toString());
                }
            }

            @Override
            public void malformed(String reason) {
                if (firstError[0] == null) {
                    firstError[0] = reason;
                }
            }
        });
        if (firstError[0] != null) {
            throw new DecodeException(firstError[0]);
        }
        if (s.buffered() > 0) {
            throw new DecodeException("truncated packet at the end: " + s.buffered() + " bytes");
        }
    }
}
