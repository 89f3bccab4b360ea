package org.skydas.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skydas.ingest.pcap.UdpDatagram;
import org.skydas.ingest.pcap.UdpExtractor;
import org.skydas.sim.journal.PcapWriter;

/** The capture export, read back with Skydas's own pcap reader (tshark's view: {@link TsharkCrossCheckTest}). */
class PcapWriterTest {

    @TempDir
    Path dir;

    @Test
    void routedMessagesBecomeOneDatagramEachWithTheirTimeAndAPerSenderAddress() throws Exception {
        List<SimMessage> run = JournalTest.smallRun();
        Path file = dir.resolve("run.pcap");
        long skipped;
        try (PcapWriter pcap = PcapWriter.open(file).route(Channel.ASTERIX, 8600).route(Channel.REMOTE_ID, 4242)) {
            run.forEach(pcap::accept);
            skipped = pcap.skipped();
        }
        List<SimMessage> routed = run.stream()
                .filter(m -> m.channel() == Channel.ASTERIX || m.channel() == Channel.REMOTE_ID).toList();
        assertThat(routed).extracting(SimMessage::channel).contains(Channel.ASTERIX, Channel.REMOTE_ID);
        assertThat(skipped).isEqualTo(run.size() - routed.size()).isPositive();

        List<UdpDatagram> read = new ArrayList<>();
        UdpExtractor.Summary summary = UdpExtractor.forEachDatagram(file, read::add);
        assertThat(summary.frames()).isEqualTo(routed.size());
        assertThat(read).hasSize(routed.size());
        Map<String, String> addressOfSender = new HashMap<>();
        for (int i = 0; i < routed.size(); i++) {
            SimMessage m = routed.get(i);
            UdpDatagram d = read.get(i);
            assertThat(d.payload()).isEqualTo(m.payload());
            assertThat(d.destinationPort()).isEqualTo(m.channel() == Channel.ASTERIX ? 8600 : 4242);
            assertThat(d.destination()).isEqualTo(PcapWriter.receiver());
            // Microsecond timestamps: the message time truncated to whole microseconds.
            long nanos = m.time().getEpochSecond() * 1_000_000_000L + m.time().getNano() / 1000 * 1000L;
            assertThat(d.timestampNanos()).isEqualTo(nanos);
            String address = d.sourceAddress().getHostAddress();
            assertThat(addressOfSender.computeIfAbsent(m.sourceId(), id -> address)).as(m.sourceId()).isEqualTo(address);
            assertThat(ipv4HeaderSum(d.frame())).as("IPv4 header checksum of frame %d", i + 1).isEqualTo(0xFFFF);
        }
        assertThat(addressOfSender.values()).doesNotHaveDuplicates()
                .hasSize((int) routed.stream().map(SimMessage::sourceId).distinct().count());
    }

    @Test
    void refusesWhatAClassicPcapOrOneDatagramCannotHold() throws Exception {
        try (PcapWriter pcap = new PcapWriter(java.io.OutputStream.nullOutputStream()).route(Channel.ASTERIX, 8600)) {
            SimMessage huge = new SimMessage(0, Instant.parse("2026-01-01T00:00:00Z"), "r", Channel.ASTERIX,
                    new byte[PcapWriter.MAX_PAYLOAD + 1]);
            assertThatThrownBy(() -> pcap.accept(huge)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("does not fit");
            SimMessage old = new SimMessage(0, Instant.parse("1969-12-31T23:59:59Z"), "r", Channel.ASTERIX, new byte[3]);
            assertThatThrownBy(() -> pcap.accept(old)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("1970..2106");
            assertThat(pcap.frames()).isZero();
            assertThatThrownBy(() -> pcap.route(Channel.COT, 0)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    /** One's-complement sum over the 20-byte IPv4 header after the 14-byte Ethernet header; 0xFFFF when valid. */
    private static int ipv4HeaderSum(byte[] frame) {
        long sum = 0;
        for (int i = 14; i < 34; i += 2) {
            sum += ((frame[i] & 0xFF) << 8) | (frame[i + 1] & 0xFF);
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        return (int) sum;
    }
}
