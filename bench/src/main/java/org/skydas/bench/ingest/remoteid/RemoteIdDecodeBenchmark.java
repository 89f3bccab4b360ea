package org.skydas.bench.ingest.remoteid;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.skydas.ingest.DecodeException;
import org.skydas.ingest.pcap.CapturedPacket;
import org.skydas.ingest.remoteid.OdidDecoder;
import org.skydas.ingest.remoteid.OdidPayload;
import org.skydas.ingest.remoteid.OdidTransport;

/**
 * Remote ID throughput on one thread. {@code decodePayloads}: the 307 good-CRC payloads of the shared
 * captures (single messages and packs of up to 9) → messages, scored in payloads/s;
 * {@code framesToMessages}: the 358 captured frames through transport parsing (radiotap/802.11, Nordic BLE)
 * and decoding, scored in frames/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RemoteIdDecodeBenchmark {

    static final int PAYLOADS = 307;
    static final int FRAMES = 358;

    private byte[][] payloads;
    private CapturedPacket[] frames;
    private final OdidDecoder decoder = new OdidDecoder();

    @Setup
    public void setUp() {
        List<byte[]> p = RemoteIdSamples.payloads();
        List<CapturedPacket> f = RemoteIdSamples.frames();
        if (p.size() != PAYLOADS || f.size() != FRAMES) {
            throw new IllegalStateException("samples changed: " + p.size() + " payloads, " + f.size() + " frames");
        }
        payloads = p.toArray(new byte[0][]);
        frames = f.toArray(new CapturedPacket[0]);
    }

    @Benchmark
    @OperationsPerInvocation(PAYLOADS)
    public void decodePayloads(Blackhole bh) throws DecodeException {
        for (byte[] p : payloads) {
            bh.consume(decoder.decode(p));
        }
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public void framesToMessages(Blackhole bh) {
        for (CapturedPacket f : frames) {
            for (OdidPayload p : OdidTransport.fromCapturedPacket(f)) {
                if (!Boolean.FALSE.equals(p.crcOk())) {
                    try {
                        bh.consume(decoder.decode(p.payload()));
                    } catch (DecodeException e) {
                        bh.consume(e);
                    }
                }
            }
        }
    }
}
