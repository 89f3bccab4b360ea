package org.skydas.ingest.tak;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import org.skydas.ingest.DecodeException;
import org.skydas.ingest.Dumper;
import org.skydas.ingest.pcap.CaptureFormat;
import org.skydas.ingest.pcap.CaptureReader;

/**
 * {@code skydas decode tak-stream FILE}: the bytes a TAK server connection carried after protocol
 * negotiation (stream framing, see {@link TakStreamFramer}). A capture file is refused: the stream
 * lives in TCP, which needs reassembly this module does not do.
 */
public final class TakStreamDumper implements Dumper {

    static final int MAX_PAYLOAD = 4 << 20;

    @Override
    public String protocol() {
        return "tak-stream";
    }

    @Override
    public void dump(Path file, Consumer<String> jsonLine) throws IOException, DecodeException {
        if (CaptureReader.formatOf(file) != CaptureFormat.NONE) {
            throw new DecodeException("tak-stream reads the raw TCP byte stream; a pcap needs TCP reassembly first");
        }
        TakStreamFramer framer = new TakStreamFramer(MAX_PAYLOAD);
        TakMessageCodec codec = new TakMessageCodec();
        long[] n = {0};
        byte[] chunk = new byte[65536];
        try (InputStream in = Files.newInputStream(file)) {
            for (int r; (r = in.read(chunk)) > 0; ) {
                framer.feed(chunk, 0, r, (b, off, len) -> {
                    n[0]++;
                    TakMessage m;
                    try {
                        m = codec.decode(b, off, len);
                    } catch (DecodeException e) {
                        throw new DecodeException("message " + n[0] + ": " + e.getMessage());
                    }
                    jsonLine.accept(TakJson.toJson(n[0], m).toString());
                });
            }
        }
        if (framer.pendingBytes() > 0) {
            throw new DecodeException("truncated frame after message " + n[0] + " (" + framer.pendingBytes() + " bytes left)");
        }
        if (n[0] == 0) {
            throw new DecodeException("empty stream");
        }
    }
}
