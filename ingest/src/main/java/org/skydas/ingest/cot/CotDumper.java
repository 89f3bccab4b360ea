package org.skydas.ingest.cot;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.skydas.ingest.DecodeException;
import org.skydas.ingest.Dumper;
import org.skydas.ingest.pcap.CaptureFormat;
import org.skydas.ingest.pcap.CaptureReader;
import org.skydas.ingest.pcap.UdpExtractor;

/**
 * {@code skydas decode cot FILE}: a TAK XML stream (events back to back, split after each
 * {@code </event>}), or a pcap/pcapng whose UDP datagrams each hold one event (mesh SA, protocol
 * version 0). One JSON line per event; the first event that cannot be parsed ends the dump.
 */
public final class CotDumper implements Dumper {

    /** Larger than any real event (routes with hundreds of points stay far below). */
    static final int MAX_EVENT_BYTES = 4 << 20;

    @Override
    public String protocol() {
        return "cot";
    }

    @Override
    public void dump(Path file, Consumer<String> jsonLine) throws IOException, DecodeException {
        CotXmlParser parser = new CotXmlParser();
        if (CaptureReader.formatOf(file) != CaptureFormat.NONE) {
            long[] n = {0};
            UdpExtractor.forEachDatagram(file, d -> {
                n[0]++;
                CotEvent e;
                try {
                    e = parser.parse(d.frame(), d.payloadOffset(), d.payloadLength());
                } catch (DecodeException ex) {
                    throw new DecodeException("datagram " + n[0] + ": " + ex.getMessage());
                }
                jsonLine.accept(CotJson.toJson(e).toString());
            });
            if (n[0] == 0) {
                throw new DecodeException("no UDP datagram in the capture");
            }
            return;
        }
        CotStreamSplitter splitter = new CotStreamSplitter(MAX_EVENT_BYTES);
        List<byte[]> events = new ArrayList<>();
        long count = 0;
        long offset = 0;
        byte[] chunk = new byte[65536];
        try (InputStream in = Files.newInputStream(file)) {
            for (int r; (r = in.read(chunk)) > 0; ) {
                splitter.feed(chunk, 0, r, events::add);
                for (byte[] ev : events) {
                    count++;
                    try {
                        jsonLine.accept(CotJson.toJson(parser.parse(ev)).toString());
                    } catch (DecodeException ex) {
                        throw new DecodeException("event " + count + " (near byte " + offset + "): " + ex.getMessage());
                    }
                    offset += ev.length;
                }
                events.clear();
            }
        }
        if (splitter.oversizedEvents() > 0) {
            throw new DecodeException(splitter.oversizedEvents() + " event(s) larger than " + MAX_EVENT_BYTES + " bytes skipped");
        }
        if (splitter.pendingBytes() > 0) {
            throw new DecodeException(count == 0 ? "no </event> found: not a CoT XML stream"
                    : "truncated event after event " + count + " (" + splitter.pendingBytes() + " bytes without </event>)");
        }
        if (count == 0) {
            throw new DecodeException("no CoT event in the file");
        }
    }
}
