package org.skydas.ingest.tak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import org.skydas.ingest.DecodeException;
import org.skydas.ingest.Dumper;
import org.skydas.ingest.cot.CotJson;
import org.skydas.ingest.cot.CotXmlParser;
import org.skydas.ingest.pcap.CaptureFormat;
import org.skydas.ingest.pcap.CaptureReader;
import org.skydas.ingest.pcap.UdpExtractor;

/**
 * {@code skydas decode tak-mesh FILE}: one mesh datagram (raw file), or every UDP datagram of a
 * pcap/pcapng. On the mesh, version-0 nodes still send plain XML events on the same port, and the
 * mesh header exists precisely to tell them apart, so a datagram starting with {@code <} is read as
 * XML CoT; everything else must carry the {@code 0xBF <version> 0xBF} header.
 */
public final class TakMeshDumper implements Dumper {

    @Override
    public String protocol() {
        return "tak-mesh";
    }

    @Override
    public void dump(Path file, Consumer<String> jsonLine) throws IOException, DecodeException {
        TakMeshFramer mesh = new TakMeshFramer();
        CotXmlParser xml = new CotXmlParser();
        if (CaptureReader.formatOf(file) != CaptureFormat.NONE) {
            long[] n = {0};
            UdpExtractor.forEachDatagram(file, d -> {
                n[0]++;
                decodeOne(mesh, xml, n[0], d.frame(), d.payloadOffset(), d.payloadLength(), jsonLine);
            });
            if (n[0] == 0) {
                throw new DecodeException("no UDP datagram in the capture");
            }
            return;
        }
        byte[] all = Files.readAllBytes(file);
        decodeOne(mesh, xml, 1, all, 0, all.length, jsonLine);
    }

    private static void decodeOne(TakMeshFramer mesh, CotXmlParser xml, long index, byte[] b, int off, int len,
                                  Consumer<String> jsonLine) throws DecodeException {
        try {
            if (len > 0 && b[off] == '<') {
                var o = CotJson.MAPPER.createObjectNode();
                o.put("message", index);
                o.put("tak_protocol_version", 0);
                o.set("cot_event", CotJson.toJson(xml.parse(b, off, len)));
                jsonLine.accept(o.toString());
            } else {
                jsonLine.accept(TakJson.toJson(index, mesh.decode(b, off, len)).put("tak_protocol_version", 1).toString());
            }
        } catch (DecodeException e) {
            throw new DecodeException("datagram " + index + ": " + e.getMessage());
        }
    }
}
