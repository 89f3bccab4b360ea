package org.skydas.bench.watch;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.linearref.LengthIndexedLine;
import org.locationtech.jts.operation.distance.IndexedFacetDistance;
import org.skydas.geo.Lks94;
import org.skydas.model.Scenario;
import org.skydas.model.Sector;
import org.skydas.model.ZoneKind;
import org.skydas.model.demo.DemoScenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * End-to-end alert latency as an operator sees it (issue 19): {@code probes} people walk across the LT–BY border
 * at as many places (one per Belarus sector, spread along the border), each reporting its position once a second
 * as Cursor-on-Target over one TCP connection, stamped with the time it is sent; a WebSocket client on
 * {@code /api/stream} and a TAK client on the CoT-out port time each {@code border_crossing} alert from the report
 * that raised it to its arrival. That report is known exactly: an alert's time ({@code raised_at}, the CoT event's
 * {@code time}) is the data time of the track update that raised it, i.e. the stamp of the probe's report; an
 * alert whose time is none of its probe's stamps is left out and counted. Optional background load: {@code --background R}
 * people far (over 20 km) inside Lithuania reporting once a second on one more TCP connection (R reports/s, no
 * alerts), and/or {@code --loadgen R}, the project's {@link CotLoadGenerator} at R walkers (crossing walkers: it
 * raises alerts of its own).
 *
 * <p>By default it starts {@code skydas serve} on the demo scenario itself (free ports, a fresh data directory,
 * waits for the background coverage job to finish so that it does not compete for the CPU) and stops it at the end;
 * {@code --attach HTTP_PORT,COT_PORT,TAK_OUT_PORT} measures a running server instead. Prints one table row per
 * channel (alerts, p50, p90, p99, max), the machine's load average before and after, and the server's own latency
 * histograms from {@code /api/ingest/stats}.
 *
 * <p>Usage: {@code bench/run alert-latency [--probes 39] [--background 0] [--loadgen 0] [--timeout 120]
 * [--skydas ./skydas] [--attach H,C,T] [--password PW] [--java-opts "..."]}
 */
public final class AlertLatencyHarness {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Probe walking speed, m/s (a brisk walk). */
    static final double SPEED = 1.5;
    /** A crossing alert is matched to the probe whose crossing place is nearer than this, m. */
    static final double MATCH_M = 300;

    /** One probe: where it starts (outside), its direction (inward unit normal), its phase in the second. */
    record Probe(String uid, Coordinate start, double ux, double uy, Coordinate crossing, long phaseMs, Sent sent) {
    }

    /** The time stamps (epoch ms) of each probe's reports, as sent. */
    private static final class Sent {
        private final java.util.Set<Long> stamps = java.util.concurrent.ConcurrentHashMap.newKeySet();

        void add(long epochMs) {
            stamps.add(epochMs);
        }

        /** The stamp sent that {@code epochMs} is (within 1 ms: seconds as a double lose the last digit), or -1. */
        long match(long epochMs) {
            for (long t : new long[] {epochMs, epochMs + 1, epochMs - 1}) {
                if (stamps.contains(t)) {
                    return t;
                }
            }
            return -1;
        }
    }

    /** An alert on a client: when it arrived and the time stamp of the report that raised it (epoch ms). */
    record Arrival(long arrivedMs, long triggerMs) {
    }

    private static final long ORIGIN = System.nanoTime();

    static double nowMs() {
        return (System.nanoTime() - ORIGIN) / 1e6;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        int n = Integer.parseInt(o.getOrDefault("probes", "39"));
        int background = Integer.parseInt(o.getOrDefault("background", "0"));
        int loadgen = Integer.parseInt(o.getOrDefault("loadgen", "0"));
        int timeoutS = Integer.parseInt(o.getOrDefault("timeout", "120"));
        String password = o.getOrDefault("password", "bench-alert-latency");
        Process server = null;
        int http;
        int cot;
        int takOut;
        if (o.containsKey("attach")) {
            String[] p = o.get("attach").split(",");
            http = Integer.parseInt(p[0]);
            cot = Integer.parseInt(p[1]);
            takOut = Integer.parseInt(p[2]);
        } else {
            Path data = Files.createTempDirectory("skydas-alert-latency");
            ProcessBuilder pb = new ProcessBuilder(o.getOrDefault("skydas", "./skydas"), "serve", "--data-dir",
                    data.toString(), "--port", "0", "--cot-port", "0", "--tak-port", "-1", "--asterix-port", "-1",
                    "--remoteid-port", "-1", "--tak-out-port", "0");
            pb.environment().put("SKYDAS_ADMIN_PASSWORD", password);
            if (o.containsKey("java-opts")) {
                pb.environment().put("SKYDAS_JAVA_OPTS", o.get("java-opts"));
            }
            pb.redirectErrorStream(true);
            server = pb.start();
            int[] ports = ports(server);
            http = ports[0];
            cot = ports[1];
            takOut = ports[2];
            System.out.printf("server: skydas serve (data %s) http %d, cot %d, tak-out %d%n", data, http, cot, takOut);
        }
        try {
            run(http, cot, takOut, password, n, background, loadgen, timeoutS, !o.containsKey("attach"));
        } finally {
            if (server != null) {
                server.destroy();
                server.waitFor(20, TimeUnit.SECONDS);
            }
        }
    }

    static void run(int httpPort, int cotPort, int takOutPort, String password, int n, int background, int loadgen,
                    int timeoutS, boolean waitForCoverage) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + httpPort;
        String token = login(http, base, password);
        if (waitForCoverage) {
            awaitCoverage(http, base, token);
        }
        Scenario demo = new DemoScenario().build();
        List<Probe> probes = probes(demo, n);
        Sent[] sent = new Sent[n];
        Arrays.setAll(sent, i -> probes.get(i).sent());
        AtomicReferenceArray<Arrival> wsAt = new AtomicReferenceArray<>(n);
        AtomicReferenceArray<Arrival> takAt = new AtomicReferenceArray<>(n);
        AtomicLong unmatched = new AtomicLong();
        CountDownLatch all = new CountDownLatch(2 * n);

        double[] load0 = loadAverage();
        List<Thread> loads = new ArrayList<>();
        volatileStop = false;
        if (background > 0) {
            List<Coordinate[]> inland = inland(demo, background, new SplittableRandom(11));
            Thread t = new Thread(() -> backgroundLoad(cotPort, inland), "background-load");
            t.setDaemon(true);
            t.start();
            loads.add(t);
        }
        if (loadgen > 0) {
            Thread t = new Thread(() -> {
                try {
                    CotLoadGenerator.main(new String[] {String.valueOf(httpPort), String.valueOf(cotPort),
                            String.valueOf(loadgen), String.valueOf(timeoutS + 5), password});
                } catch (Exception e) {
                    System.err.println("loadgen: " + e);
                }
            }, "cot-load-generator");
            t.setDaemon(true);
            t.start();
            loads.add(t);
        }
        if (!loads.isEmpty()) {
            Thread.sleep(loadgen > 0 ? CotLoadGenerator.RAMP_S * 1000L : 5_000); // let the load settle
        }

        // The operator's screens: a WebSocket client and a TAK client, connected once the load runs, before the probes start
        // (Jetty closes a WebSocket idle for 30 s).
        WebSocket ws = http.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + httpPort
                + "/api/stream?token=" + token), new WsListener(probes, wsAt, unmatched, all)).get(10, TimeUnit.SECONDS);
        Socket tak = new Socket("127.0.0.1", takOutPort);
        Thread takReader = new Thread(() -> readTak(tak, probes, takAt, unmatched, all), "tak-client");
        takReader.setDaemon(true);
        takReader.start();

        // The probes: each reports once a second at its own phase, stamped with its send time.
        long start = System.currentTimeMillis();
        double startMs = nowMs();
        try (Socket s = new Socket("127.0.0.1", cotPort);
             OutputStream out = new BufferedOutputStream(s.getOutputStream(), 1 << 16)) {
            s.setTcpNoDelay(true);
            for (int sec = 0; sec < timeoutS && all.getCount() > 0; sec++) {
                for (int i = 0; i < n; i++) {
                    Probe p = probes.get(i);
                    double due = startMs + sec * 1000.0 + p.phaseMs();
                    long wait = (long) (due - nowMs());
                    if (wait > 0) {
                        Thread.sleep(wait);
                    }
                    double d = SPEED * (sec + p.phaseMs() / 1000.0);
                    Coordinate ll = Lks94.toWgs84(p.start().x + p.ux() * d, p.start().y + p.uy() * d);
                    Instant stamp = Instant.ofEpochMilli(System.currentTimeMillis());
                    sent[i].add(stamp.toEpochMilli());
                    out.write(cot(p.uid(), stamp, ll).getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            }
            all.await(3, TimeUnit.SECONDS);
        }
        volatileStop = true;
        double[] load1 = loadAverage();
        double seconds = (System.currentTimeMillis() - start) / 1000.0;
        System.out.printf(Locale.ROOT, "probes %d, background %d/s, loadgen %d walkers, %.0f s; load average %s -> %s%n",
                n, background, loadgen, seconds, fmt(load0), fmt(load1));
        System.out.println("| channel | background load | alerts | p50 | p90 | p99 | max |");
        System.out.println("|---|---|---|---|---|---|---|");
        String what = background == 0 && loadgen == 0 ? "none" : (background > 0 ? "~" + background + " CoT/s inland" : "")
                + (background > 0 && loadgen > 0 ? " + " : "") + (loadgen > 0 ? "CotLoadGenerator " + loadgen + "/s" : "");
        AtomicLong unexplained = new AtomicLong();
        row("WebSocket /api/stream", what, latencies(wsAt, sent, unexplained), n);
        row("TAK-out (CoT TCP)", what, latencies(takAt, sent, unexplained), n);
        if (unexplained.get() > 0) {
            System.out.println("alerts whose time is none of their probe's reports (left out): " + unexplained.get());
        }
        if (unmatched.get() > 0) {
            System.out.println("border_crossing alerts not from a probe (load walkers): " + unmatched.get());
        }
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        tak.close();
        String stats = http.send(HttpRequest.newBuilder(URI.create(base + "/api/ingest/stats"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body();
        JsonNode pipeline = JSON.readTree(stats).path("pipeline");
        System.out.println("server's own figures (/api/ingest/stats pipeline.alert_latency): "
                + summary(pipeline.path("alert_latency")));
        System.out.println("server's detection_to_alert_ms: " + pipeline.path("detection_to_alert_ms"));
    }

    private static volatile boolean volatileStop;

    /** Percentiles of each stage's histogram, as the server reports them, on one line. */
    private static String summary(JsonNode latency) {
        if (latency.isMissingNode()) {
            return "(none: this server has no alert_latency histograms)";
        }
        StringBuilder sb = new StringBuilder();
        latency.fields().forEachRemaining(e -> sb.append(String.format(Locale.ROOT, "%n  %-28s count %d p50 %s p90 %s p99 %s max %s",
                e.getKey(), e.getValue().path("count").asLong(), e.getValue().path("p50_ms").asText("-"),
                e.getValue().path("p90_ms").asText("-"), e.getValue().path("p99_ms").asText("-"),
                e.getValue().path("max_ms").asText("-"))));
        return sb.toString();
    }

    private static String fmt(double[] l) {
        return String.format(Locale.ROOT, "%.2f %.2f %.2f", l[0], l[1], l[2]);
    }

    static double[] loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])};
        } catch (IOException | RuntimeException e) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN};
        }
    }

    /**
     * Latency of each probe's first alert on one channel (ms): from the time stamp of the report that raised it (the
     * alert's raised_at, or its CoT time, is the data time of that report, which the probe stamped as it sent it) to
     * the alert's arrival. Alerts whose time stamp is not one of the probe's reports are left out and counted.
     */
    static double[] latencies(AtomicReferenceArray<Arrival> arrived, Sent[] sent, AtomicLong unexplained) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < arrived.length(); i++) {
            Arrival a = arrived.get(i);
            if (a == null) {
                continue;
            }
            long stamp = sent[i].match(a.triggerMs());
            if (stamp >= 0) {
                out.add((double) (a.arrivedMs() - stamp));
            } else {
                unexplained.incrementAndGet();
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    static void row(String channel, String load, double[] ms, int n) {
        System.out.printf(Locale.ROOT, "| %s | %s | %d/%d | %s | %s | %s | %s |%n", channel, load, ms.length, n,
                pct(ms, 0.50), pct(ms, 0.90), pct(ms, 0.99), ms.length == 0 ? "-" : String.format(Locale.ROOT,
                        "%.0f ms", ms[ms.length - 1]));
    }

    /** Nearest-rank percentile of sorted values. */
    static String pct(double[] sorted, double q) {
        if (sorted.length == 0) {
            return "-";
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return String.format(Locale.ROOT, "%.0f ms", sorted[Math.max(0, rank - 1)]);
    }

    static String cot(String uid, Instant t, Coordinate ll) {
        return String.format(Locale.ROOT, "<event version=\"2.0\" uid=\"%s\" type=\"a-u-G-U\" how=\"m-g\" time=\"%s\" "
                + "start=\"%s\" stale=\"%s\"><point lat=\"%.7f\" lon=\"%.7f\" hae=\"150\" ce=\"5\" le=\"10\"/><detail/>"
                + "</event>", uid, t, t, t.plusSeconds(30), ll.y, ll.x);
    }

    /**
     * One probe per Belarus sector (spread evenly over them when there are more sectors than probes), crossing
     * at the sector's middle, starting 20–60 m outside so that crossings are spread over the first 15–40 s.
     */
    static List<Probe> probes(Scenario demo, int n) {
        List<Sector> by = demo.sectors().stream().filter(s -> s.neighbour().code().equals("BY")).toList();
        if (n > by.size()) {
            throw new IllegalArgumentException("at most " + by.size() + " probes (one per Belarus sector)");
        }
        PreparedGeometry land = nationalTerritory(demo);
        List<Probe> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double outside = 20 + (i * 37) % 41;
            Probe p = null;
            // the sector i of n along the border; if it has no clean straight stretch, the next one
            for (int k = (int) ((long) i * by.size() / n); p == null && k < by.size(); k++) {
                p = probeIn(by.get(k), land, outside, "probe-" + i, (long) i * 1000 / n);
            }
            if (p == null) {
                throw new IllegalStateException("no place to cross for probe " + i);
            }
            out.add(p);
        }
        return out;
    }

    private static Probe probeIn(Sector s, PreparedGeometry land, double outside, String uid, long phaseMs) {
        Geometry g = s.geometry();
        for (int part = 0; part < g.getNumGeometries(); part++) {
            LineString line = (LineString) g.getGeometryN(part);
            LengthIndexedLine li = new LengthIndexedLine(line);
            for (double f = 0.5, step = 0.02; f > 0.05 && f < 0.95; f += step, step = -step - Math.signum(step) * 0.02) {
                double at = line.getLength() * f;
                Coordinate a = li.extractPoint(at - 20);
                Coordinate b = li.extractPoint(at + 20);
                Coordinate m = li.extractPoint(at);
                double len = a.distance(b);
                if (len < 30) {
                    continue;
                }
                double nx = -(b.y - a.y) / len;
                double ny = (b.x - a.x) / len;
                if (!land.covers(Lks94.GRID.createPoint(new Coordinate(m.x + nx * 100, m.y + ny * 100)))) {
                    nx = -nx;
                    ny = -ny;
                }
                Coordinate start = new Coordinate(m.x - nx * outside, m.y - ny * outside);
                Coordinate inside = new Coordinate(m.x + nx * 100, m.y + ny * 100);
                if (!land.covers(Lks94.GRID.createPoint(start)) && land.covers(Lks94.GRID.createPoint(inside))) {
                    return new Probe(uid, start, nx, ny, m, phaseMs, new Sent());
                }
            }
        }
        return null;
    }

    private static PreparedGeometry nationalTerritory(Scenario demo) {
        return PreparedGeometryFactory.prepare(demo.zones().stream()
                .filter(z -> z.kind() == ZoneKind.NATIONAL_TERRITORY).findFirst().orElseThrow().geometry());
    }

    /** {@code count} start points (and unit directions) in the national territory over 20 km from any land border. */
    static List<Coordinate[]> inland(Scenario demo, int count, SplittableRandom rnd) {
        PreparedGeometry land = nationalTerritory(demo);
        IndexedFacetDistance border = new IndexedFacetDistance(Lks94.GRID.buildGeometry(
                demo.border().stream().map(b -> (Geometry) b.geometry()).toList()));
        Envelope e = land.getGeometry().getEnvelopeInternal();
        List<Coordinate[]> out = new ArrayList<>(count);
        while (out.size() < count) {
            Point p = Lks94.GRID.createPoint(new Coordinate(rnd.nextDouble(e.getMinX(), e.getMaxX()),
                    rnd.nextDouble(e.getMinY(), e.getMaxY())));
            if (land.covers(p) && !border.isWithinDistance(p, 20_000)) {
                double a = rnd.nextDouble(0, 2 * Math.PI);
                out.add(new Coordinate[] {p.getCoordinate(), new Coordinate(Math.cos(a), Math.sin(a))});
            }
        }
        return out;
    }

    /** Each inland walker reports once a second, all on one TCP connection, sent in 10 ms slices. */
    private static void backgroundLoad(int cotPort, List<Coordinate[]> walkers) {
        try (Socket s = new Socket("127.0.0.1", cotPort);
             OutputStream out = new BufferedOutputStream(s.getOutputStream(), 1 << 20)) {
            double start = nowMs();
            for (long slice = 0; !volatileStop; slice++) {
                long wait = (long) (start + slice * 10 - nowMs());
                if (wait > 0) {
                    Thread.sleep(wait);
                }
                double sec = slice / 100.0;
                Instant t = Instant.now();
                for (int i = (int) (slice % 100); i < walkers.size(); i += 100) {
                    Coordinate[] w = walkers.get(i);
                    Coordinate ll = Lks94.toWgs84(w[0].x + w[1].x * sec, w[0].y + w[1].y * sec);
                    out.write(cot("inland-" + i, t, ll).getBytes(StandardCharsets.UTF_8));
                }
                out.flush();
            }
        } catch (IOException e) {
            System.err.println("background load: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The probe whose crossing place is within {@link #MATCH_M} of (lon, lat), or -1. */
    static int probeAt(List<Probe> probes, double lon, double lat) {
        Coordinate g = Lks94.toGrid(lon, lat);
        int best = -1;
        double bestD = MATCH_M;
        for (int i = 0; i < probes.size(); i++) {
            double d = probes.get(i).crossing().distance(g);
            if (d < bestD) {
                bestD = d;
                best = i;
            }
        }
        return best;
    }

    /**
     * Notes a probe's alert: near its crossing place and stamped with one of its reports (a load walker crossing
     * nearby raises one too: that is counted as not from a probe).
     */
    private static void arrived(List<Probe> probes, AtomicReferenceArray<Arrival> at, AtomicLong unmatched,
                                CountDownLatch all, Arrival when, double lon, double lat) {
        int i = probeAt(probes, lon, lat);
        if (i < 0 || probes.get(i).sent().match(when.triggerMs()) < 0) {
            unmatched.incrementAndGet();
        } else if (at.compareAndSet(i, null, when)) {
            all.countDown();
        }
    }

    /** Browser-like client of /api/stream: notes when each border_crossing alert's message starts to arrive. */
    private static final class WsListener implements WebSocket.Listener {
        private final List<Probe> probes;
        private final AtomicReferenceArray<Arrival> at;
        private final AtomicLong unmatched;
        private final CountDownLatch all;
        private final StringBuilder text = new StringBuilder();
        private long firstPart = -1;

        WsListener(List<Probe> probes, AtomicReferenceArray<Arrival> at, AtomicLong unmatched, CountDownLatch all) {
            this.probes = probes;
            this.at = at;
            this.unmatched = unmatched;
            this.all = all;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            if (firstPart < 0) {
                firstPart = System.currentTimeMillis();
            }
            text.append(data);
            if (last) {
                String m = text.toString();
                long when = firstPart;
                text.setLength(0);
                firstPart = -1;
                if (m.contains("\"border_crossing\"")) {
                    try {
                        JsonNode alert = JSON.readTree(m).path("alert");
                        if (alert.path("rule").asText().equals("border_crossing") && alert.has("lon")) {
                            Arrival a = new Arrival(when, Instant.parse(alert.path("raised_at").asText()).toEpochMilli());
                            arrived(probes, at, unmatched, all, a, alert.path("lon").asDouble(),
                                    alert.path("lat").asDouble());
                        }
                    } catch (IOException e) {
                        System.err.println("websocket: bad message: " + e);
                    }
                }
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
            System.err.println("websocket closed: " + status + " " + reason);
            return CompletableFuture.completedFuture(null);
        }
    }

    private static final Pattern EVENT_TYPE = Pattern.compile("type=\"([^\"]*)\"");
    private static final Pattern EVENT_TIME = Pattern.compile("<event[^>]*\\btime=\"([^\"]+)\"");
    private static final Pattern POINT = Pattern.compile("<point[^>]*\\blat=\"([-0-9.eE]+)\"[^>]*\\blon=\"([-0-9.eE]+)\"");

    /** TAK client: reads the CoT stream, notes when each border_crossing alert marker's event is complete. */
    private static void readTak(Socket s, List<Probe> probes, AtomicReferenceArray<Arrival> at, AtomicLong unmatched,
                                CountDownLatch all) {
        try (InputStream in = s.getInputStream()) {
            byte[] buf = new byte[1 << 16];
            StringBuilder pending = new StringBuilder();
            int r;
            while ((r = in.read(buf)) > 0) {
                long when = System.currentTimeMillis();
                pending.append(new String(buf, 0, r, StandardCharsets.UTF_8));
                int end;
                while ((end = pending.indexOf("</event>")) >= 0) {
                    String ev = pending.substring(0, end + 8);
                    pending.delete(0, end + 8);
                    Matcher type = EVENT_TYPE.matcher(ev);
                    if (type.find() && type.group(1).equals("b-m-p-s-p-i") && ev.contains("border_crossing")) {
                        Matcher p = POINT.matcher(ev);
                        Matcher time = EVENT_TIME.matcher(ev);
                        if (p.find() && time.find()) {
                            Arrival a = new Arrival(when, Instant.parse(time.group(1)).toEpochMilli());
                            arrived(probes, at, unmatched, all, a, Double.parseDouble(p.group(2)),
                                    Double.parseDouble(p.group(1)));
                        }
                    }
                }
            }
        } catch (IOException e) {
            if (!s.isClosed()) {
                System.err.println("tak client: " + e);
            }
        }
    }

    private static String login(HttpClient http, String base, String password) throws Exception {
        String body = http.send(HttpRequest.newBuilder(URI.create(base + "/api/login")).POST(HttpRequest.BodyPublishers
                        .ofString("{\"username\":\"admin\",\"password\":\"" + password + "\"}"))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString()).body();
        String token = JSON.readTree(body).path("token").asText();
        if (token.isEmpty()) {
            throw new IllegalStateException("login failed: " + body);
        }
        return token;
    }

    /** Waits (up to 10 min) for the server's background coverage job, which would otherwise compete for the CPU. */
    private static void awaitCoverage(HttpClient http, String base, String token) throws Exception {
        long until = System.currentTimeMillis() + 600_000;
        String status = "";
        while (System.currentTimeMillis() < until) {
            String body = http.send(HttpRequest.newBuilder(URI.create(base + "/api/coverage"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body();
            status = JSON.readTree(body).path("status").asText();
            if (!status.equals("running")) {
                break;
            }
            Thread.sleep(1_000);
        }
        System.out.println("server: coverage " + status);
    }

    private static final Pattern HTTP_PORT = Pattern.compile("on http://[^:]+:(\\d+)/");
    private static final Pattern COT_PORT = Pattern.compile("Cursor-on-Target in on tcp/udp port (\\d+)");
    private static final Pattern TAK_OUT_PORT = Pattern.compile("TAK clients \\(CoT out\\) on tcp port (\\d+)");

    /** Reads the server's announcement for its ports; keeps echoing its output in the background. */
    private static int[] ports(Process server) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        int[] ports = {-1, -1, -1};
        String line;
        while ((line = r.readLine()) != null) {
            for (int k = 0; k < 3; k++) {
                Matcher m = (k == 0 ? HTTP_PORT : k == 1 ? COT_PORT : TAK_OUT_PORT).matcher(line);
                if (m.find()) {
                    ports[k] = Integer.parseInt(m.group(1));
                }
            }
            if (line.startsWith("Borders:")) {
                break;
            }
            if (line.startsWith("skydas:")) {
                System.err.println(line);
            }
        }
        if (ports[0] < 0 || ports[1] < 0 || ports[2] < 0) {
            throw new IllegalStateException("the server did not announce its ports");
        }
        Thread drain = new Thread(() -> {
            try {
                String l;
                while ((l = r.readLine()) != null) {
                    if (l.contains("WARN") || l.contains("ERROR")) {
                        System.err.println("server: " + l);
                    }
                }
            } catch (IOException ignored) {
                // the server stopped
            }
        }, "server-output");
        drain.setDaemon(true);
        drain.start();
        return ports;
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("options are --name value; got " + args[i]);
            }
            o.put(args[i].substring(2), args[++i]);
        }
        return o;
    }
}
