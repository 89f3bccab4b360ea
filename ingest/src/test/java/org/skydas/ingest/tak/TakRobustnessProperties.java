package org.skydas.ingest.tak;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.skydas.ingest.DecodeException;
import org.skydas.ingest.cot.CotContact;
import org.skydas.ingest.cot.CotDetail;
import org.skydas.ingest.cot.CotEvent;
import org.skydas.ingest.cot.CotGroup;
import org.skydas.ingest.cot.CotPoint;
import org.skydas.ingest.cot.CotStatus;
import org.skydas.ingest.cot.CotTrack;
import org.skydas.testkit.SharedData;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * TAK v1 decoders never fail other than with DecodeException, whatever the bytes (random, or a real
 * payload with flipped bits, truncations and lying varint lengths), allocate in proportion to the
 * input only, and round-trip every event they can represent.
 */
class TakRobustnessProperties {

    private static final byte[] SAMPLE = sample();

    private static byte[] sample() {
        try {
            byte[] mesh = Files.readAllBytes(SharedData.require("data/protocols/cot-tak/samples/takproto/takproto_v1_mesh.bin"));
            return Arrays.copyOfRange(mesh, 3, mesh.length);
        } catch (IOException | RuntimeException | Error e) {
            // Without the shared data the properties still run on an encoder-made payload.
            return new TakMessageCodec().encode(CotEvent.of("u", "a-f-G", "m-g", Instant.EPOCH, Instant.EPOCH,
                    Instant.ofEpochSecond(60), new CotPoint(1, 2, 3, 4, 5),
                    new CotDetail(new CotContact("c", "e"), new CotGroup("g", "r"), null, new CotStatus(5), null,
                            new CotTrack(1, 2), "<x a=\"1\"/>")));
        }
    }

    static {
        // The first decode initialises protobuf-java's descriptors of the generated classes (about half a megabyte,
        // once per JVM): done here, so that the allocation property below measures what one input costs.
        for (long seed = 0; seed < 100; seed++) {
            try {
                new TakMessageCodec().decode(Mutations.mutate(SAMPLE, seed));
            } catch (DecodeException expected) {
                // warm-up only
            }
        }
    }

    private final TakMessageCodec codec = new TakMessageCodec();
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Property(tries = 10_000)
    void mutatedPayloadsDecodeOrFailCleanly(@ForAll long seed) {
        byte[] input = Mutations.mutate(SAMPLE, seed);
        long before = THREADS.getCurrentThreadAllocatedBytes();
        try {
            codec.decode(input);
        } catch (DecodeException expected) {
            assertThat(expected.getMessage()).isNotBlank().doesNotContain("\n");
        }
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
        // Strings decoded (≤ 2 bytes per char for the String plus the decoder's copy) plus a constant for
        // the exception and its stack trace (deep under jqwik) and first-call class loading. A lying
        // length would show up as megabytes.
        assertThat(allocated).as("allocated for %d input bytes", input.length).isLessThan(16L * input.length + 256 * 1024);
    }

    @Property(tries = 10_000)
    void randomBytesDecodeOrFailCleanly(@ForAll @Size(max = 400) byte[] input) {
        try {
            codec.decode(input);
        } catch (DecodeException expected) {
            assertThat(expected.getMessage()).startsWith("protobuf: ");
        }
    }

    @Property(tries = 10_000)
    void framersSurviveMutatedFrames(@ForAll long seed, @ForAll @IntRange(min = 1, max = 64) int chunk) {
        byte[] stream = Mutations.mutate(TakStreamFramer.frame(SAMPLE), seed);
        TakStreamFramer framer = new TakStreamFramer(1024);
        try {
            for (int off = 0; off < stream.length; off += chunk) {
                framer.feed(stream, off, Math.min(chunk, stream.length - off), (b, o, l) -> {
                    assertThat(l).isLessThanOrEqualTo(1024);
                    try {
                        codec.decode(b, o, l);
                    } catch (DecodeException ignored) {
                        // payload damaged, framing fine
                    }
                });
            }
            assertThat(framer.pendingBytes()).isLessThanOrEqualTo(1024 + 11);
        } catch (DecodeException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
        byte[] mesh = Mutations.mutate(TakMeshFramer.frame(1, SAMPLE), seed);
        try {
            new TakMeshFramer().decode(mesh);
        } catch (DecodeException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 2_000)
    void streamChunkingNeverChangesThePayloads(@ForAll @Size(min = 1, max = 20) List<@Size(max = 300) byte[]> payloads,
                                               @ForAll @IntRange(min = 1, max = 700) int chunk) throws DecodeException {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (byte[] p : payloads) {
            all.writeBytes(TakStreamFramer.frame(p));
        }
        byte[] bytes = all.toByteArray();
        List<byte[]> out = new ArrayList<>();
        TakStreamFramer framer = new TakStreamFramer(300);
        for (int off = 0; off < bytes.length; off += chunk) {
            framer.feed(bytes, off, Math.min(chunk, bytes.length - off), (b, o, l) -> out.add(Arrays.copyOfRange(b, o, o + l)));
        }
        assertThat(out).hasSize(payloads.size());
        for (int i = 0; i < out.size(); i++) {
            assertThat(out.get(i)).isEqualTo(payloads.get(i));
        }
        assertThat(framer.pendingBytes()).isZero();
    }

    @Property(tries = 2_000)
    void encodeDecodeRoundTrip(@ForAll("events") CotEvent e) throws DecodeException {
        TakMessage back = codec.decode(codec.encode(new TakMessage(new TakControl(1, 1, "c"), e, 5, 0)));
        assertThat(back.cotEvent()).isEqualTo(e);
        assertThat(back.takControl()).isEqualTo(new TakControl(1, 1, "c"));
        assertThat(back.submissionTime()).isEqualTo(5);
    }

    @Provide
    Arbitrary<CotEvent> events() {
        Arbitrary<String> text = Arbitraries.strings().ofMinLength(1).ofMaxLength(30);
        Arbitrary<Instant> times = Arbitraries.longs().between(0, 4_102_444_800_000L).map(Instant::ofEpochMilli);
        Arbitrary<CotPoint> points = Combinators.combine(Arbitraries.doubles().between(-90, 90), Arbitraries.doubles().between(-180, 180),
                Arbitraries.doubles().between(-500, 9000), Arbitraries.doubles().between(0.1, 9_999_999))
                .as((la, lo, h, c) -> new CotPoint(la, lo, h, c, c));
        Arbitrary<CotDetail> details = Combinators.combine(text, text, Arbitraries.integers().between(0, 100),
                Arbitraries.doubles().between(0.5, 300), Arbitraries.of("", "<remarks>x</remarks>", "<a b=\"&amp;\"/>"))
                .as((cs, ep, bat, sp, xml) -> new CotDetail(new CotContact(cs, ep), new CotGroup(cs, ep), null,
                        new CotStatus(bat), null, new CotTrack(sp, sp / 2), xml));
        return Combinators.combine(text, Arbitraries.of("a-f-G", "a-h-A-M-F-Q", "b-m-p-s-m"), times, points, details)
                .as((uid, type, t, p, d) -> new CotEvent("2.0", uid, type, "m-g", t, t, t.plusSeconds(60), null, null, null, p, d, List.of()));
    }
}
