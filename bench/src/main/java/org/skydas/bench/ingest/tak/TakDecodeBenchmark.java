package org.skydas.bench.ingest.tak;

import java.io.ByteArrayOutputStream;
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
import org.skydas.ingest.cot.CotEvent;
import org.skydas.ingest.tak.TakMeshFramer;
import org.skydas.ingest.tak.TakMessage;
import org.skydas.ingest.tak.TakMessageCodec;
import org.skydas.ingest.tak.TakStreamFramer;

/**
 * TAK protocol v1 messages per second on one thread. Input: {@value #MESSAGES} payloads cycling through
 * the takproto sample and the TAK encodings of the 36 CoT samples (position reports, shapes, routes,
 * chats: 100 B to 3 kB). {@code decodePayload}: protobuf → CotEvent; {@code decodeStream}: the same
 * as one TCP stream through the stream framer; {@code decodeMesh}: as mesh datagrams; {@code encode}:
 * CotEvent → payload. Scores are messages/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TakDecodeBenchmark {

    static final int MESSAGES = 1000;

    private byte[][] payloads;
    private byte[][] datagrams;
    private byte[] stream;
    private CotEvent[] events;
    private final TakMessageCodec codec = new TakMessageCodec();
    private final TakMeshFramer mesh = new TakMeshFramer();

    @Setup
    public void setUp() throws DecodeException {
        List<byte[]> seeds = TakFuzz.payloads();
        payloads = new byte[MESSAGES][];
        datagrams = new byte[MESSAGES][];
        events = new CotEvent[MESSAGES];
        ByteArrayOutputStream os = new ByteArrayOutputStream();
        for (int i = 0; i < MESSAGES; i++) {
            payloads[i] = seeds.get(i % seeds.size());
            datagrams[i] = TakMeshFramer.frame(1, payloads[i]);
            events[i] = codec.decode(payloads[i]).cotEvent();
            os.writeBytes(TakStreamFramer.frame(payloads[i]));
        }
        stream = os.toByteArray();
    }

    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public void decodePayload(Blackhole bh) throws DecodeException {
        for (byte[] p : payloads) {
            bh.consume(codec.decode(p));
        }
    }

    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public void decodeMesh(Blackhole bh) throws DecodeException {
        for (byte[] d : datagrams) {
            bh.consume(mesh.decode(d));
        }
    }

    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public void decodeStream(Blackhole bh) throws DecodeException {
        TakStreamFramer framer = new TakStreamFramer(1 << 20);
        for (int off = 0; off < stream.length; off += 16384) {
            framer.feed(stream, off, Math.min(16384, stream.length - off), (b, o, l) -> bh.consume(codec.decode(b, o, l)));
        }
    }

    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public void encode(Blackhole bh) {
        for (CotEvent e : events) {
            bh.consume(codec.encode(TakMessage.of(e)));
        }
    }
}
