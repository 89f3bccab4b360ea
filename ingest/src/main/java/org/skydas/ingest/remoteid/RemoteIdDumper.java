package org.skydas.ingest.remoteid;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import org.skydas.ingest.DecodeException;
import org.skydas.ingest.Dumper;
import org.skydas.ingest.pcap.CaptureFormat;
import org.skydas.ingest.pcap.CaptureReader;
import org.skydas.ingest.pcap.CapturedPacket;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code skydas decode remoteid FILE}. A pcap/pcapng (802.11 with or without radiotap, Bluetooth LE
 * link layer, nRF Sniffer) gives one JSON line per Remote ID message, messages of a pack expanded,
 * with frame number, transport and counter; then one {@code "type":"summary"} line with the counts
 * (frames, payloads, bad CRC, malformed). Frames with a bad link-layer CRC are counted and skipped.
 * Any other file is read as Open Drone ID messages and packs back to back (no counter bytes).
 */
public final class RemoteIdDumper implements Dumper {

    @Override
    public String protocol() {
        return "remoteid";
    }

    @Override
    public void dump(Path file, Consumer<String> jsonLine) throws IOException, DecodeException {
        if (CaptureReader.formatOf(file) != CaptureFormat.NONE) {
            dumpCapture(file, jsonLine);
        } else {
            dumpRaw(Files.readAllBytes(file), jsonLine);
        }
    }

    private static void dumpCapture(Path file, Consumer<String> jsonLine) throws IOException, DecodeException {
        RemoteIdReceiver receiver = new RemoteIdReceiver();
        long frames = 0;
        long badCrcFrames = 0;
        try (CaptureReader reader = CaptureReader.open(file)) {
            for (CapturedPacket p; (p = reader.next()) != null; ) {
                frames++;
                List<OdidPayload> payloads = OdidTransport.fromCapturedPacket(p);
                if (payloads.isEmpty() && Boolean.FALSE.equals(OdidTransport.crcVerdict(p))) {
                    badCrcFrames++; // so corrupt that not even the ODID element could be found
                }
                Instant received = p.timestampNanos() == CapturedPacket.NO_TIMESTAMP ? null
                        : Instant.ofEpochSecond(0, p.timestampNanos());
                for (OdidPayload payload : payloads) {
                    RemoteIdReceiver.Received r = receiver.accept(payload);
                    if (r == null) {
                        continue;
                    }
                    emit(r.message(), received, frames, payload, jsonLine);
                }
            }
        }
        ObjectNode s = OdidJson.MAPPER.createObjectNode();
        s.put("type", "summary");
        s.put("frames", frames);
        s.put("odid_payloads", receiver.payloads());
        s.put("bad_crc", receiver.badCrc() + badCrcFrames);
        s.put("malformed", receiver.malformed());
        s.put("messages", receiver.messages());
        if (receiver.lastError() != null) {
            s.put("last_error", receiver.lastError());
        }
        jsonLine.accept(s.toString());
        if (receiver.payloads() == 0) {
            throw new DecodeException("no Open Drone ID payload in " + frames + " frames");
        }
    }

    private static void emit(OdidMessage m, Instant received, long frame, OdidPayload payload, Consumer<String> jsonLine) {
        List<OdidMessage> list = m instanceof OdidMessagePack pack ? pack.messages() : List.of(m);
        for (int i = 0; i < list.size(); i++) {
            ObjectNode o = OdidJson.MAPPER.createObjectNode();
            o.put("frame", frame);
            o.put("transport", payload.transport());
            o.put("counter", payload.counter());
            if (m instanceof OdidMessagePack) {
                o.put("pack_index", i);
            }
            o.setAll(OdidJson.toJson(list.get(i), received));
            jsonLine.accept(o.toString());
        }
    }

    private static void dumpRaw(byte[] b, Consumer<String> jsonLine) throws DecodeException {
        OdidDecoder decoder = new OdidDecoder();
        int p = 0;
        long n = 0;
        while (p < b.length) {
            int size = (b[p] & 0xF0) == 0xF0 && p + 2 < b.length
                    ? 3 + (b[p + 2] & 0xFF) * OdidDecoder.MESSAGE_SIZE : OdidDecoder.MESSAGE_SIZE;
            OdidMessage m;
            try {
                m = decoder.decode(b, p, Math.min(size, b.length - p));
            } catch (DecodeException e) {
                throw new DecodeException("at byte " + p + ": " + e.getMessage());
            }
            n++;
            List<OdidMessage> list = m instanceof OdidMessagePack pack ? pack.messages() : List.of(m);
            for (int i = 0; i < list.size(); i++) {
                ObjectNode o = OdidJson.MAPPER.createObjectNode();
                o.put("offset", p);
                if (m instanceof OdidMessagePack) {
                    o.put("pack_index", i);
                }
                o.setAll(OdidJson.toJson(list.get(i), null));
                jsonLine.accept(o.toString());
            }
            p += size;
        }
        if (n == 0) {
            throw new DecodeException("empty file");
        }
    }
}
