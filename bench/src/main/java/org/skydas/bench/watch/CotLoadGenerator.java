package org.skydas.bench.watch;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.linearref.LengthIndexedLine;
import org.skydas.geo.Lks94;
import org.skydas.model.Scenario;
import org.skydas.model.Sector;
import org.skydas.model.ZoneKind;
import org.skydas.model.demo.DemoScenario;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Load for the live pipeline, loopback only and bounded in time: {@code walkers} people walk from
 * Belarus into Lithuania across random Belarus sectors, each reporting its position once a second
 * as Cursor-on-Target over one TCP connection, each at its own phase within the second and stamped
 * with its send time (so the rate is {@code walkers} detections per second once all have joined: they
 * join evenly over the first {@link #RAMP_S} seconds, so that their first alerts do not all fall in one
 * second). They start 5–80 m
 * outside, so border crossings — and alerts — are spread over the run. At the end it prints the
 * server's own detection→alert latency percentiles and ingest counters.
 *
 * <p>Usage: {@code CotLoadGenerator HTTP_PORT COT_PORT WALKERS SECONDS ADMIN_PASSWORD}; the server must be
 * {@code skydas serve} on 127.0.0.1 with the demo scenario.
 */
public final class CotLoadGenerator {

    /** Walkers join over this many seconds (then all of them report every second). */
    static final int RAMP_S = 20;

    private CotLoadGenerator() {
    }

    record Walker(String uid, Coordinate start, double ux, double uy) {
    }

    public static void main(String[] args) throws Exception {
        int httpPort = Integer.parseInt(args[0]);
        int cotPort = Integer.parseInt(args[1]);
        int walkers = Integer.parseInt(args[2]);
        int seconds = Math.min(600, Integer.parseInt(args[3]));
        String password = args[4];
        Scenario demo = new DemoScenario().build();
        List<Walker> people = walkers(demo, walkers, new SplittableRandom(7));
        long start = System.currentTimeMillis();
        long sent = 0;
        try (Socket s = new Socket("127.0.0.1", cotPort);
             OutputStream out = new BufferedOutputStream(s.getOutputStream(), 1 << 20)) {
            // Every walker reports once a second at its own phase and stamps the report with its own send time,
            // as independent sensors do; the load is sent in 10 ms slices. Walkers join over the first RAMP_S
            // seconds so that their first (approach) alerts do not all fall in the same second.
            int slices = 100;
            for (int sec = 0; sec < seconds; sec++) {
                for (int slice = 0; slice < slices; slice++) {
                    long due = start + sec * 1000L + slice * 10L;
                    long wait = due - System.currentTimeMillis();
                    if (wait > 0) {
                        Thread.sleep(wait);
                    }
                    for (int i = slice; i < people.size(); i += slices) {
                        if (sec < (i * RAMP_S) / people.size()) {
                            continue;
                        }
                        Walker w = people.get(i);
                        Instant t = Instant.ofEpochMilli(System.currentTimeMillis());
                        double d = 1.5 * (sec - (i * RAMP_S) / people.size() + slice / (double) slices);
                        Coordinate ll = Lks94.toWgs84(w.start().x + w.ux() * d, w.start().y + w.uy() * d);
                        out.write(String.format(Locale.ROOT, "<event version=\"2.0\" uid=\"%s\" type=\"a-u-G-U\" "
                                + "how=\"m-g\" time=\"%s\" start=\"%s\" stale=\"%s\"><point lat=\"%.7f\" lon=\"%.7f\" "
                                + "hae=\"150\" ce=\"5\" le=\"10\"/><detail/></event>", w.uid(), t, t, t.plusSeconds(30),
                                ll.y, ll.x).getBytes(StandardCharsets.UTF_8));
                        sent++;
                    }
                    out.flush();
                }
            }
        }
        double elapsed = (System.currentTimeMillis() - start) / 1000.0;
        Thread.sleep(2_000);
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + httpPort;
        String login = http.send(HttpRequest.newBuilder(URI.create(base + "/api/login")).POST(HttpRequest.BodyPublishers
                .ofString("{\"username\":\"admin\",\"password\":\"" + password + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String token = new ObjectMapper().readTree(login).path("token").asText();
        String stats = http.send(HttpRequest.newBuilder(URI.create(base + "/api/ingest/stats"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body();
        System.out.printf(Locale.ROOT, "sent %d CoT events in %.1f s (%.0f/s)%n", sent, elapsed, sent / elapsed);
        System.out.println(stats);
    }

    static List<Walker> walkers(Scenario demo, int n, SplittableRandom rnd) {
        List<Sector> by = demo.sectors().stream().filter(s -> s.neighbour().code().equals("BY")).toList();
        PreparedGeometry land = PreparedGeometryFactory.prepare(demo.zones().stream()
                .filter(z -> z.kind() == ZoneKind.NATIONAL_TERRITORY).findFirst().orElseThrow().geometry());
        List<Walker> out = new ArrayList<>();
        while (out.size() < n) {
            Sector s = by.get(rnd.nextInt(by.size()));
            LineString line = (LineString) s.geometry().getGeometryN(0);
            LengthIndexedLine li = new LengthIndexedLine(line);
            double at = rnd.nextDouble(50, Math.max(51, line.getLength() - 50));
            Coordinate a = li.extractPoint(at - 20);
            Coordinate b = li.extractPoint(at + 20);
            Coordinate m = li.extractPoint(at);
            double len = a.distance(b);
            if (len == 0) {
                continue;
            }
            double nx = -(b.y - a.y) / len;
            double ny = (b.x - a.x) / len;
            if (!land.covers(Lks94.GRID.createPoint(new Coordinate(m.x + nx * 200, m.y + ny * 200)))) {
                nx = -nx;
                ny = -ny;
            }
            double outside = rnd.nextDouble(5, 80);
            Coordinate start = new Coordinate(m.x - nx * outside, m.y - ny * outside);
            if (land.covers(Lks94.GRID.createPoint(start))) {
                continue; // a bend of the border: pick another place
            }
            out.add(new Walker("load-" + out.size(), start, nx, ny));
        }
        return out;
    }

    /** Walkers stay this far inside the country, m: beyond the approach rule's reach (5 km) and lost-track rule's (2 km). */
    static final double INSIDE_M = 7_000;

    /**
     * {@code n} walkers who never come near the border nor enter a watched zone: they start well inside the country
     * ({@link #INSIDE_M} from any edge of the national territory) and walk {@code reach} metres in a straight line that
     * stays inside too — everyday traffic that a watch journals and tracks without raising an alert.
     */
    static List<Walker> insideWalkers(Scenario demo, int n, double reach, SplittableRandom rnd) {
        org.locationtech.jts.geom.Geometry territory = demo.zones().stream()
                .filter(z -> z.kind() == ZoneKind.NATIONAL_TERRITORY).findFirst().orElseThrow().geometry();
        PreparedGeometry core = PreparedGeometryFactory.prepare(territory.buffer(-INSIDE_M, 4));
        List<PreparedGeometry> watched = demo.zones().stream().filter(z -> z.kind() != ZoneKind.NATIONAL_TERRITORY)
                .map(z -> PreparedGeometryFactory.prepare(z.geometry().buffer(500, 2))).toList();
        org.locationtech.jts.geom.Envelope box = core.getGeometry().getEnvelopeInternal();
        List<Walker> out = new ArrayList<>();
        while (out.size() < n) {
            Coordinate start = new Coordinate(rnd.nextDouble(box.getMinX(), box.getMaxX()),
                    rnd.nextDouble(box.getMinY(), box.getMaxY()));
            double heading = rnd.nextDouble(0, 2 * Math.PI);
            double ux = Math.sin(heading);
            double uy = Math.cos(heading);
            LineString path = Lks94.GRID.createLineString(new Coordinate[] {start,
                new Coordinate(start.x + ux * reach, start.y + uy * reach)});
            if (!core.covers(path) || watched.stream().anyMatch(z -> z.intersects(path))) {
                continue;
            }
            out.add(new Walker("inside-" + out.size(), start, ux, uy));
        }
        return out;
    }
}
