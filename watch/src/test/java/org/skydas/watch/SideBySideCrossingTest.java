package org.skydas.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.skydas.alert.Alert;
import org.skydas.alert.RuleKind;
import org.skydas.geo.Lks94;
import org.skydas.ingest.cot.CotEvent;
import org.skydas.ingest.cot.CotXmlParser;
import org.skydas.ingest.listen.Received;
import org.skydas.watch.memory.MemoryPorts;

/**
 * Issue 19: "every crossing raises its alert". Under load, people crossing a few metres from each other shared one
 * track (the tracker associated by position alone), so only one of them raised border_crossing. A CoT uid is one
 * reporting device: two people walking side by side, each reporting under its own uid, are two tracks and two
 * alerts, even when one report of each falls inside the other's gate.
 */
class SideBySideCrossingTest {

    static final double X0 = 500_000; // the square country's west edge is the border with Belarus
    static final double Y0 = 6_000_000;

    MemoryPorts watch = new MemoryPorts();
    LivePipeline pipeline;

    @AfterEach
    void stop() throws Exception {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    static Received<CotEvent> report(String uid, double x, double y, long ms) throws Exception {
        Coordinate ll = Lks94.toWgs84(x, y);
        Instant t = Instant.ofEpochMilli(ms);
        String xml = String.format(Locale.ROOT, "<event version=\"2.0\" uid=\"%s\" type=\"a-u-G-U\" how=\"m-g\" "
                + "time=\"%s\" start=\"%s\" stale=\"%s\"><point lat=\"%.7f\" lon=\"%.7f\" hae=\"150\" ce=\"5\" "
                + "le=\"10\"/><detail/></event>", uid, t, t, t.plusSeconds(30), ll.y, ll.x);
        return new Received<>(new CotXmlParser().parse(xml), "cot-tcp", new InetSocketAddress("127.0.0.1", 4242), ms);
    }

    @Test
    void twoPeopleCrossingSideBySideRaiseTwoAlerts() throws Exception {
        pipeline = new LivePipeline(Square.scenario(), watch.ports(), 10_000, 0.2);
        long start = System.currentTimeMillis() - 200_000;
        // Pairs 3, 6 and 10 m apart, walking east at 1.5 m/s from 60 m outside to 60 m inside, each person reporting
        // once a second, the second of a pair half a second after the first (as independent devices do).
        double[] apart = {3, 6, 10};
        for (int k = 0; k <= 80; k++) {
            for (int p = 0; p < apart.length; p++) {
                double y = Y0 + 2_000 + 1_000 * p;
                long a = start + k * 1_000L;
                long b = a + 500;
                assertThat(pipeline.offerCot(report("pair" + p + "-a", X0 - 60 + 1.5 * k, y, a))).isTrue();
                assertThat(pipeline.offerCot(report("pair" + p + "-b", X0 - 60 + 1.5 * (k + 0.5), y + apart[p], b)))
                        .isTrue();
            }
        }
        long deadline = System.nanoTime() + 20_000_000_000L;
        List<Alert> crossings;
        while ((crossings = watch.alerts().alerts(x -> x.rule() == RuleKind.BORDER_CROSSING)).size() < 2 * apart.length
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(crossings).as("one border_crossing per person").hasSize(2 * apart.length);
        assertThat(pipeline.tracks()).extracting(s -> s.externalId())
                .as("each track follows one person's uid").doesNotHaveDuplicates();
    }
}
