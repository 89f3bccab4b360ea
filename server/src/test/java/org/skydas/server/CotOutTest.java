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
import org.skydas.model.TargetKind;
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

    static TrackState track(long id, TargetKind cls) {
        double[] p = new double[TargetKind.COUNT];
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
            for (TargetKind c : TargetKind.values()) {
                out.track(track(c.ordinal() + 1, c));
            }
            CotStreamSplitter splitter = new CotStreamSplitter(1 << 16);
            CotXmlParser parser = new CotXmlParser();
            InputStream in = tak.getInputStream();
            byte[] buf = new byte[65536];
            while (received.size() < TargetKind.COUNT && System.nanoTime() < deadline) {
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
        assertThat(received).hasSize(TargetKind.COUNT);
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

    static WatchServices.AlertChange alert(long id) {
        org.skydas.alert.Alert a = new org.skydas.alert.Alert(id, org.skydas.alert.RuleKind.BORDER_CROSSING,
                org.skydas.alert.Severity.HIGH, "track:" + id, org.skydas.alert.AlertStatus.NEW, null, 1_700_000_000,
                1_700_000_000, 560_000, 6_050_000, "BY-001", null, "person crossed the border", false, 1, null, null,
                null, null, null);
        return new WatchServices.AlertChange(a, 0, System.currentTimeMillis());
    }

    static void await(java.util.function.BooleanSupplier what, long ms, Runnable meanwhile) throws InterruptedException {
        long deadline = System.nanoTime() + ms * 1_000_000;
        while (!what.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited %d ms", ms).isLessThan(deadline);
            meanwhile.run();
            Thread.sleep(10);
        }
    }

    /**
     * A TAK client that does not read: once its buffers fill it gets no track updates (counted) but still gets the
     * alerts; a client that stays stuck is disconnected (counted), so the server's buffer for it stays bounded.
     */
    @Test
    void aClientThatDoesNotReadMissesTrackUpdatesNotAlertsAndIsDisconnectedIfItStaysStuck() throws Exception {
        int[] round = {0};
        try (CotOut out = CotOut.start("127.0.0.1", 0, 20, 3_000)) {
            Runnable flood = () -> {
                round[0]++;
                for (int i = 1; i <= 3_000; i++) {
                    out.track(track(i + (round[0] % 2) * 3_000, TargetKind.PERSON));
                }
            };
            // 1. A client that pauses: track updates are skipped while it is unwritable, the alert is queued.
            try (Socket slow = new Socket()) {
                slow.setReceiveBufferSize(4096);
                slow.connect(new java.net.InetSocketAddress("127.0.0.1", out.port()));
                await(() -> out.stats().get("clients") == 1, 5_000, () -> { });
                await(() -> out.stats().get("events_skipped_slow_client") > 0, 10_000, flood);
                out.alertCommitted(alert(42));
                // now it reads everything: the alert marker is there, though track updates were skipped
                slow.setSoTimeout(2_000);
                InputStream in = slow.getInputStream();
                byte[] buf = new byte[1 << 16];
                StringBuilder tail = new StringBuilder();
                boolean alertSeen = false;
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (!alertSeen && System.nanoTime() < deadline) {
                    int n = in.read(buf);
                    assertThat(n).isPositive();
                    tail.append(new String(buf, 0, n, java.nio.charset.StandardCharsets.UTF_8));
                    alertSeen = tail.indexOf("skydas-alert-42") >= 0;
                    if (tail.length() > 100_000) {
                        tail.delete(0, tail.length() - 1_000);
                    }
                }
                assertThat(alertSeen).as("the alert reached the client that had been too slow for track updates").isTrue();
                assertThat(out.stats().get("clients_disconnected_stuck")).isZero();
            }
            await(() -> out.stats().get("clients") == 0, 5_000, () -> { });
            // 2. A client that never reads: disconnected once stuck for the limit.
            try (Socket dead = new Socket()) {
                dead.setReceiveBufferSize(4096);
                dead.connect(new java.net.InetSocketAddress("127.0.0.1", out.port()));
                await(() -> out.stats().get("clients") == 1, 5_000, () -> { });
                long skipped = out.stats().get("events_skipped_slow_client");
                await(() -> out.stats().get("events_skipped_slow_client") > skipped, 10_000, flood);
                await(() -> out.stats().get("clients_disconnected_stuck") == 1, 10_000, () -> {
                    flood.run();
                    out.alertCommitted(alert(43));
                });
                assertThat(out.stats().get("clients")).isZero();
            }
        }
    }
}
