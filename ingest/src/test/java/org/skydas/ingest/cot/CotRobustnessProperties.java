package org.skydas.ingest.cot;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.skydas.ingest.DecodeException;
import org.skydas.ingest.tak.Mutations;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The CoT parser fails only with DecodeException on damaged XML, and writer output always parses back. */
class CotRobustnessProperties {

    /** Typical real events: an iTAK position report and a UAS-tool track with detail before point. */
    static final byte[][] SEEDS = {
            ("<event version=\"2.0\" uid=\"C94B9215\" type=\"a-f-G-E-V-C\" time=\"2023-07-18T15:23:09.00Z\" "
                    + "start=\"2023-07-18T15:23:09.00Z\" stale=\"2023-07-18T15:25:09.00Z\" how=\"m-g\"><point lat=\"41.52309645\" "
                    + "lon=\"-107.72376567\" hae=\"1681.23725821\" ce=\"9999999\" le=\"9999999\" /><detail><contact callsign=\"D\" "
                    + "endpoint=\"*:-1:stcp\" /><__group name=\"Yellow\" role=\"Team Member\" /><status battery=\"100\" />"
                    + "<track speed=\"0.00000000\" course=\"137.23542786\" /><remarks>a &amp; b</remarks></detail></event>")
                    .getBytes(StandardCharsets.UTF_8),
            ("<?xml version='1.0' encoding='UTF-8'?><event version=\"2\" uid=\"2983J8B001V013\" type=\"a-f-A-M-H-Q\" "
                    + "time=\"2024-04-24T16:37:38.002Z\" start=\"2024-04-24T16:37:38.002Z\" stale=\"2024-04-24T16:37:41.502Z\" > "
                    + "<detail> <track course=\"140.8\" slope=\"0\" speed=\"0\" > </track> <spatial> <attitude roll=\"-0.2\"/> "
                    + "</spatial></detail> <point lat=\"39.1\" lon=\"-108.6\" ce=\"0\" hae=\"1381.333\" le=\"0\" > </point></event>")
                    .getBytes(StandardCharsets.UTF_8)};

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final CotXmlParser parser = new CotXmlParser();

    @Property(tries = 10_000)
    void mutatedEventsParseOrFailCleanly(@ForAll long seed) {
        byte[] input = Mutations.mutate(SEEDS[(int) (seed & 1)], seed);
        long before = THREADS.getCurrentThreadAllocatedBytes();
        try {
            CotEvent e = parser.parse(input);
            assertThat(Math.abs(e.point().lat())).isLessThanOrEqualTo(90);
        } catch (DecodeException expected) {
            assertThat(expected.getMessage()).isNotBlank().doesNotContain("\n");
        }
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
        assertThat(allocated).as("allocated for %d input bytes", input.length).isLessThan(64L * input.length + 2 * 1024 * 1024);
    }

    @Property(tries = 2_000)
    void writerOutputParsesBackToTheSameEvent(@ForAll("events") CotEvent e) throws DecodeException {
        CotEvent back = parser.parse(new CotXmlWriter().write(e));
        assertThat(back).isEqualTo(e);
    }

    @Provide
    Arbitrary<CotEvent> events() {
        Arbitrary<String> text = Arbitraries.strings().withCharRange(' ', '~').withChars('\n', '\t', 'ą', 'ž', '€')
                .ofMinLength(1).ofMaxLength(25).filter(s -> !s.isBlank());
        Arbitrary<Instant> times = Arbitraries.longs().between(0, 4_102_444_800_000L).map(Instant::ofEpochMilli);
        Arbitrary<CotPoint> points = Combinators.combine(Arbitraries.doubles().between(-90, 90), Arbitraries.doubles().between(-180, 180),
                Arbitraries.doubles().between(-500, 9000), Arbitraries.doubles().between(0, 1e6))
                .as((la, lo, h, c) -> new CotPoint(la, lo, h, c, CotPoint.UNKNOWN));
        Arbitrary<CotDetail> details = Combinators.combine(text, text, Arbitraries.integers().between(0, 100),
                Arbitraries.doubles().between(0, 300))
                .as((cs, ep, bat, sp) -> new CotDetail(new CotContact(cs, ep), new CotGroup(cs, null), null,
                        new CotStatus(bat), new CotTakv(ep, "WinTAK", null, "1"), new CotTrack(sp, sp / 2), "<remarks>r</remarks>"));
        return Combinators.combine(text, Arbitraries.of("a-f-G", "a-h-A-M-F-Q", "b-m-p-s-m"), times, points, details)
                .as((uid, type, t, p, d) -> new CotEvent("2.0", uid.strip().isEmpty() ? "x" : uid, type, "h-e", t, t,
                        t.plusMillis(60_001), null, null, null, p, d, List.of()));
    }
}
