package org.skydas.ingest.asterix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

import org.skydas.ingest.DecodeException;
import org.skydas.ingest.Dumper;
import org.skydas.ingest.pcap.CaptureFormat;
import org.skydas.ingest.pcap.CaptureReader;
import org.skydas.ingest.pcap.UdpExtractor;

/**
 * {@code skydas decode asterix FILE}: a raw ASTERIX byte stream, or a pcap/pcapng capture whose UDP payloads
 * are ASTERIX (told apart by the magic number). One JSON line per record; undecodable parts are skipped (the
 * decoder resynchronises at the next data block or datagram) and the dump then ends with a
 * {@link DecodeException} naming the first problem and how many there were.
 */
public final class AsterixDumper implements Dumper {

    private final Map<Integer, AsterixCategory> editions;

    /** With the {@link AsterixEditions#defaults() default editions} (what the service loader creates). */
    public AsterixDumper() {
        this(AsterixEditions.defaults());
    }

    /** With chosen editions, e.g. {@code AsterixEditions.with(Map.of(62, "1.16"))}. */
    public AsterixDumper(Map<Integer, AsterixCategory> editions) {
        this.editions = Map.copyOf(editions);
    }

    @Override
    public String protocol() {
        return "asterix";
    }

    @Override
    public void dump(Path file, Consumer<String> jsonLine) throws IOException, DecodeException {
        AsterixDecoder decoder = new AsterixDecoder(editions);
        StringBuilder sb = new StringBuilder(512);
        AsterixDecoder.Listener listener = r -> {
            sb.setLength(0);
            jsonLine.accept(r.appendJson(sb).toString());
        };
        String where;
        if (CaptureReader.formatOf(file) == CaptureFormat.NONE) {
            byte[] bytes = Files.readAllBytes(file);
            decoder.decode(bytes, 0, bytes.length, listener);
            where = "at byte " + decoder.firstErrorOffset();
        } else {
            long[] datagram = {0, 0};
            UdpExtractor.forEachDatagram(file, d -> {
                datagram[0]++;
                long before = decoder.errors();
                decoder.decode(d.frame(), d.payloadOffset(), d.payloadLength(), listener);
                if (datagram[1] == 0 && decoder.errors() > before) {
                    datagram[1] = datagram[0];
                }
            });
            where = "in UDP datagram " + datagram[1] + " at payload byte " + decoder.firstErrorOffset();
        }
        if (decoder.errors() > 0) {
            throw new DecodeException(decoder.firstError() + " " + where
                    + (decoder.errors() > 1 ? " (" + decoder.errors() + " errors in all)" : "")
                    + "; " + decoder.records() + " records decoded");
        }
    }
}
