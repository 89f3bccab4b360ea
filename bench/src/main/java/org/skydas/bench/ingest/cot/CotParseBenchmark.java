package org.skydas.bench.ingest.cot;

import java.nio.charset.StandardCharsets;
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
import org.skydas.bench.ingest.tak.IngestSamples;
import org.skydas.ingest.DecodeException;
import org.skydas.ingest.cot.CotEvent;
import org.skydas.ingest.cot.CotStreamSplitter;
import org.skydas.ingest.cot.CotXmlParser;
import org.skydas.ingest.cot.CotXmlWriter;

/**
 * CoT XML events per second on one thread. {@code parsePli}: the ATAK-CIV 3.12 position report of the
 * TAK Server tests (667 bytes; PLIs are most of the traffic); {@code parseSamples}: the 36 shared
 * samples in turn (markers, shapes, 10-point routes, chats: 0.3 to 4.4 kB); {@code parseLarge}: the 4 samples over
 * 2 kB in turn (routes, a telestration: the slowest); {@code splitAndParseStream}: the
 * samples as one TCP stream through the {@code </event>} splitter; {@code writePli}: event → XML.
 * Scores are events/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CotParseBenchmark {

    static final int PLI_BATCH = 100;
    /** Samples over 2 kB: routes and a telestration, whose big {@code <detail>} makes them the slowest to parse. */
    static final int LARGE = 4;

    private byte[] pli;
    private byte[][] samples;
    private byte[][] large;
    private byte[] stream;
    private CotEvent pliEvent;
    private final CotXmlParser parser = new CotXmlParser();
    private final CotXmlWriter writer = new CotXmlWriter();

    @Setup
    public void setUp() throws DecodeException {
        pli = IngestSamples.bytes("data/protocols/cot-tak/samples/takserver-tests/atak_civ_3.12_sa_pli_a-f-G-U-C.xml");
        List<byte[]> all = IngestSamples.cotSamples();
        samples = all.toArray(new byte[0][]);
        StringBuilder sb = new StringBuilder();
        for (byte[] s : samples) {
            sb.append(new String(s, StandardCharsets.UTF_8).strip());
        }
        stream = sb.toString().getBytes(StandardCharsets.UTF_8);
        pliEvent = parser.parse(pli);
        if (samples.length != 36) {
            throw new IllegalStateException("expected 36 samples, found " + samples.length);
        }
        large = all.stream().filter(s -> s.length > 2048).toArray(byte[][]::new);
        if (large.length != LARGE) {
            throw new IllegalStateException("expected " + LARGE + " samples over 2 kB, found " + large.length);
        }
    }

    @Benchmark
    @OperationsPerInvocation(PLI_BATCH)
    public void parsePli(Blackhole bh) throws DecodeException {
        for (int i = 0; i < PLI_BATCH; i++) {
            bh.consume(parser.parse(pli));
        }
    }

    @Benchmark
    @OperationsPerInvocation(36)
    public void parseSamples(Blackhole bh) throws DecodeException {
        for (byte[] s : samples) {
            bh.consume(parser.parse(s));
        }
    }

    @Benchmark
    @OperationsPerInvocation(LARGE)
    public void parseLarge(Blackhole bh) throws DecodeException {
        for (byte[] s : large) {
            bh.consume(parser.parse(s));
        }
    }

    @Benchmark
    @OperationsPerInvocation(36)
    public void splitAndParseStream(Blackhole bh) {
        CotStreamSplitter splitter = new CotStreamSplitter(1 << 20);
        splitter.feed(stream, 0, stream.length, ev -> {
            try {
                bh.consume(parser.parse(ev));
            } catch (DecodeException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Benchmark
    @OperationsPerInvocation(PLI_BATCH)
    public void writePli(Blackhole bh) {
        for (int i = 0; i < PLI_BATCH; i++) {
            bh.consume(writer.write(pliEvent));
        }
    }
}
