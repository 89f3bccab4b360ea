package org.skydas.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.skydas.ingest.cot.CotEvent;
import org.skydas.ingest.cot.CotStreamSplitter;
import org.skydas.ingest.cot.CotXmlParser;
import org.skydas.track.TargetClass;
import org.skydas.track.TrackState;
import org.skydas.track.TrackStatus;

/**
 * What a TAK client reads from Skydas's CoT out: a track's type claims no more than Skydas observed — unknown
 * affiliation, the dimension, and for vehicles "ground equipment, vehicle"; never a unit (a-?-G-U-…), a
 * military air function (a-?-A-M-…) or any other function. Skydas's class is in the detail and the remarks.
 */
class CotOutTest {

    /** Types whose every atom Skydas observes: affiliation unknown, dimension, and E-V for a seen vehicle. */
    static final List<String> OBSERVABLE = List.of("a-u-G", "a-u-G-E-V", "a-u-A");

    static TrackState track(long id, TargetClass cls) {
        double[] p = new double[TargetClass.COUNT];
        Arrays.fill(p, 0.1);
        p[cls.ordinal()] = 0.7;
        double[] cov = new double[16];
        cov[0] = cov[5] = 100;
        return new TrackState(id, 1_700_000_000, 560_000 + id * 100, 6_050_000, 3, 4, Double.NaN, Double.NaN, cov,
                TrackStatus.CONFIRMED, p, 0.9, new int[] {1}, 1_700_000_000, null);
    }

    @Test
    void takClientsReadOnlyObservedTypesWithTheClassInDetail() throws Exception {
        Map<String, CotEvent> received = new HashMap<>();
        try (CotOut out = CotOut.start("127.0.0.1", 0); Socket tak = new Socket("127.0.0.1", out.port())) {
            tak.setSoTimeout(200);
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (out.stats().get("clients") < 1 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            for (TargetClass c : TargetClass.values()) {
                out.track(track(c.ordinal() + 1, c));
            }
            CotStreamSplitter splitter = new CotStreamSplitter(1 << 16);
            CotXmlParser parser = new CotXmlParser();
            InputStream in = tak.getInputStream();
            byte[] buf = new byte[65536];
            while (received.size() < TargetClass.COUNT && System.nanoTime() < deadline) {
                try {
                    int n = in.read(buf);
                    if (n < 0) {
                        break;
                    }
                    splitter.feed(buf, 0, n, xml -> {
                        try {
                            CotEvent e = parser.parse(xml);
                            received.put(e.uid(), e);
                        } catch (Exception ex) {
                            throw new AssertionError("CoT out is not valid CoT: " + ex.getMessage(), ex);
                        }
                    });
                } catch (SocketTimeoutException e) {
                    // keep reading until the deadline
                }
            }
        }
        assertThat(received).hasSize(TargetClass.COUNT);
        Map<String, String> expected = Map.of("person", "a-u-G", "vehicle", "a-u-G-E-V", "drone", "a-u-A",
                "unknown", "a-u-G");
        for (CotEvent e : received.values()) {
            String type = e.type();
            assertThat(type).as("%s: affiliation unknown", e.uid()).startsWith("a-u-");
            assertThat(type).as("%s claims only what Skydas observed", e.uid()).isIn(OBSERVABLE);
            assertThat(type).as("no unit, no military function").doesNotContain("-U-").doesNotContain("-M-")
                    .doesNotContain("-C");
            String detail = e.detail().xmlDetail();
            String cls = detail.replaceAll("(?s).*<skydas class=\"([a-z]+)\" probability=\"0\\.70\"/>.*", "$1");
            assertThat(expected).as("class element in %s", detail).containsKey(cls);
            assertThat(type).as("type of a %s", cls).isEqualTo(expected.get(cls));
            assertThat(detail).contains("<remarks>").contains("class " + cls + " (probability 0.70)")
                    .contains("affiliation unknown");
        }
    }
}
