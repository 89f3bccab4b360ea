package org.skydas.ingest.cot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class CotStreamSplitterTest {

    private static final String EV = "<?xml version=\"1.0\"?>\n<event uid=\"%d\"><point/></event>";

    @Test
    void splitsAfterEachEndTagWhateverTheChunking() {
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            all.append(EV.formatted(i));
            if (i % 3 == 0) {
                all.append("\n");
            }
        }
        byte[] bytes = all.toString().getBytes(StandardCharsets.UTF_8);
        for (int chunk : new int[] {1, 2, 7, 8, 9, 64, bytes.length}) {
            CotStreamSplitter s = new CotStreamSplitter(1024);
            List<String> out = new ArrayList<>();
            for (int off = 0; off < bytes.length; off += chunk) {
                s.feed(bytes, off, Math.min(chunk, bytes.length - off), b -> out.add(new String(b, StandardCharsets.UTF_8)));
            }
            assertThat(out).hasSize(20);
            assertThat(out.get(7)).isEqualTo(EV.formatted(7));
            assertThat(s.pendingBytes()).isZero();
        }
    }

    @Test
    void dropsAnOversizedEventAndResynchronises() {
        String big = "<event uid=\"big\">" + "x".repeat(5000) + "</event>";
        byte[] bytes = (EV.formatted(1) + big + EV.formatted(2)).getBytes(StandardCharsets.UTF_8);
        CotStreamSplitter s = new CotStreamSplitter(200);
        List<String> out = new ArrayList<>();
        for (int off = 0; off < bytes.length; off += 100) {
            s.feed(bytes, off, Math.min(100, bytes.length - off), b -> out.add(new String(b, StandardCharsets.UTF_8)));
        }
        assertThat(out).containsExactly(EV.formatted(1), EV.formatted(2));
        assertThat(s.oversizedEvents()).isEqualTo(1);
    }

    @Test
    void reportsATruncatedTail() {
        byte[] bytes = (EV.formatted(1) + "<event uid=\"2\"><po").getBytes(StandardCharsets.UTF_8);
        CotStreamSplitter s = new CotStreamSplitter(1000);
        List<byte[]> out = new ArrayList<>();
        s.feed(bytes, 0, bytes.length, out::add);
        assertThat(out).hasSize(1);
        assertThat(s.pendingBytes()).isEqualTo("<event uid=\"2\"><po".length());
    }
}
