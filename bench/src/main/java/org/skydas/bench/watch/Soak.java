package org.skydas.bench.watch;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.locationtech.jts.geom.Coordinate;
import org.skydas.geo.Lks94;
import org.skydas.model.Scenario;
import org.skydas.model.demo.DemoScenario;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A soak test of a running {@code skydas serve}: {@code walkers} people walk across the Belarus border reporting as
 * Cursor-on-Target over one TCP connection at {@code rate} reports per second in all (each walker every
 * walkers/rate seconds), for {@code duration} seconds. Every walker is replaced by a new one (new uid, new place
 * outside the border) every {@code life} seconds, so that tracks start, cross, alert and end all through the run,
 * not only in its first minutes. Every {@code sample} seconds it writes one CSV row: the server's resident memory and
 * Java heap after GC, disk use of the data directory, the SQLite database and its WAL, the pipeline's queue, shed,
 * refused and processed counts, detections purged by retention, detection→alert latency percentiles of that window
 * (from the server's histogram), and the machine's load average. At the end it writes a PNG of the series and prints a
 * summary (plateau of disk use, largest WAL, memory trend, latency first vs last 5 minutes, bytes per retained detection).
 *
 * <p>Two kinds of load ({@code --mode}): {@code storm} (the default), where every walker crosses the border, so that
 * alerts are raised at the rate walkers are replaced (tens a second at 5 000 walkers), an alert storm that nobody
 * acknowledges; and {@code inside}, where only {@code --crossers} walkers (50 by default) cross the border and all the
 * others walk well inside the country (everyday traffic: journalled and tracked, no alert), a bounded alert rate
 * (about two or three alerts per crosser per life) that tests retention of the journal apart from the legal record.
 *
 * <p>Usage: {@code Soak --http PORT --cot PORT --password PW --data-dir DIR --out PREFIX [--walkers 5000]
 * [--rate 5000] [--duration 3600] [--sample 30] [--life 600] [--pid SERVER_PID] [--mode storm|inside]
 * [--crossers 50]}; see {@code bench/soak}.
 */
public final class Soak {

    private Soak() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int httpPort = Integer.parseInt(a.get("http"));
        int cotPort = Integer.parseInt(a.get("cot"));
        int walkers = Integer.parseInt(a.getOrDefault("walkers", "5000"));
        int rate = Integer.parseInt(a.getOrDefault("rate", "5000"));
        int duration = Integer.parseInt(a.getOrDefault("duration", "3600"));
        int sampleS = Integer.parseInt(a.getOrDefault("sample", "30"));
        int life = Integer.parseInt(a.getOrDefault("life", "600"));
        long pid = Long.parseLong(a.getOrDefault("pid", "-1"));
        Path dataDir = Path.of(a.get("data-dir"));
        String prefix = a.get("out");
        Metrics metrics = new Metrics("http://127.0.0.1:" + httpPort, a.get("password"));

        Scenario demo = new DemoScenario().build();
        String mode = a.getOrDefault("mode", "storm");
        List<CotLoadGenerator.Walker> places;
        int crossers;
        if (mode.equals("storm")) {
            places = CotLoadGenerator.walkers(demo, Math.max(walkers, 1_000), new SplittableRandom(11));
            crossers = walkers;
        } else if (mode.equals("inside")) {
            crossers = Math.min(walkers, Integer.parseInt(a.getOrDefault("crossers", "50")));
            places = new ArrayList<>(CotLoadGenerator.walkers(demo, crossers, new SplittableRandom(11)));
            places.addAll(CotLoadGenerator.insideWalkers(demo, Math.max(walkers - crossers, 1_000), 1.6 * life,
                    new SplittableRandom(13)));
        } else {
            throw new IllegalArgumentException("--mode is storm or inside, not " + mode);
        }
        System.out.printf(Locale.ROOT, "soak: mode %s, %d of %d walkers cross the border%n", mode, crossers, walkers);
        AtomicLong sent = new AtomicLong();
        long start = System.currentTimeMillis();
        List<CotLoadGenerator.Walker> chosen = places;
        int crossing = crossers;
        Thread sender = new Thread(() -> send(cotPort, chosen, walkers, crossing, rate, duration, life, start, sent),
                "soak-sender");
        sender.start();

        List<Map<String, Double>> rows = new ArrayList<>();
        Path csv = Path.of(prefix + ".csv");
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(csv, StandardCharsets.UTF_8))) {
            out.println(String.join(",", Row.COLUMNS));
            Map<String, Double> previous = null;
            for (int k = 0; ; k++) {
                long due = start + (long) k * sampleS * 1000;
                long wait = due - System.currentTimeMillis();
                if (wait > 0) {
                    Thread.sleep(wait);
                }
                boolean last = !sender.isAlive();
                if (last) {
                    Thread.sleep(3_000); // let the queue drain
                }
                Map<String, Double> m = metrics.scrape();
                Map<String, Double> row = Row.of((System.currentTimeMillis() - start) / 1000.0, sent.get(), m, previous,
                        pid, dataDir);
                previous = m;
                previous.put("_sent", (double) sent.get());
                rows.add(row);
                out.println(Row.csv(row));
                out.flush();
                System.out.println(Row.line(row));
                if (last) {
                    break;
                }
            }
        }
        SoakPlot.write(rows, Path.of(prefix + ".png"), String.format(Locale.ROOT,
                "Skydas soak (%s): %d walkers, %d crossing, %d detections/s, %d s", mode, walkers, crossers, rate,
                duration));
        System.out.println(SoakSummary.of(rows, rate));
    }

    /**
     * Sends at {@code rate} reports/s in 10 ms slices, walkers in turn, each replaced every {@code life} s. Walkers
     * 0 to {@code crossers - 1} take their places from the first {@code crossers} of {@code places}, the others from
     * the rest (all from all of them when every walker crosses).
     */
    private static void send(int cotPort, List<CotLoadGenerator.Walker> places, int walkers, int crossers, int rate,
                             int duration, int life, long start, AtomicLong sent) {
        try (Socket s = new Socket("127.0.0.1", cotPort);
             OutputStream out = new BufferedOutputStream(s.getOutputStream(), 1 << 20)) {
            long k = 0;
            long slices = duration * 100L;
            StringBuilder sb = new StringBuilder(512);
            for (long slice = 0; slice < slices; slice++) {
                long due = start + slice * 10;
                long wait = due - System.currentTimeMillis();
                if (wait > 0) {
                    Thread.sleep(wait);
                }
                long target = (slice + 1) * rate / 100;
                long nowMs = System.currentTimeMillis();
                Instant t = Instant.ofEpochMilli(nowMs);
                for (; k < target; k++) {
                    int i = (int) (k % walkers);
                    // Walker i's generation: it is replaced every `life` seconds, at its own phase.
                    // Crossers have their own phases, spread over a life, so that their alerts are too.
                    double age = (nowMs - start) / 1000.0 + (double) i * life / (i < crossers ? crossers : walkers);
                    long gen = (long) (age / life);
                    double walked = 1.5 * (age - gen * life);
                    CotLoadGenerator.Walker w;
                    if (crossers >= walkers) {
                        w = places.get((int) ((i + gen * 7_919) % places.size()));
                    } else if (i < crossers) {
                        w = places.get((int) ((i + gen * 7_919) % crossers));
                    } else {
                        w = places.get(crossers + (int) ((i + gen * 7_919) % (places.size() - crossers)));
                    }
                    Coordinate ll = Lks94.toWgs84(w.start().x + w.ux() * walked, w.start().y + w.uy() * walked);
                    sb.setLength(0);
                    sb.append("<event version=\"2.0\" uid=\"soak-").append(i).append('-').append(gen)
                            .append("\" type=\"a-u-G-U\" how=\"m-g\" time=\"").append(t).append("\" start=\"").append(t)
                            .append("\" stale=\"").append(t.plusSeconds(30)).append("\"><point lat=\"")
                            .append(String.format(Locale.ROOT, "%.7f", ll.y)).append("\" lon=\"")
                            .append(String.format(Locale.ROOT, "%.7f", ll.x))
                            .append("\" hae=\"150\" ce=\"5\" le=\"10\"/><detail/></event>");
                    out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
                    sent.incrementAndGet();
                }
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            System.err.println("soak: sender stopped: " + e);
        }
    }

    /** Scrapes {@code /api/metrics} (Prometheus text) into name{labels} → value. */
    static final class Metrics {
        private final HttpClient http = HttpClient.newHttpClient();
        private final String base;
        private final String password;
        private String token;

        Metrics(String base, String password) {
            this.base = base;
            this.password = password;
        }

        Map<String, Double> scrape() throws IOException, InterruptedException {
            if (token == null) {
                String login = http.send(HttpRequest.newBuilder(URI.create(base + "/api/login")).POST(HttpRequest
                        .BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"" + password + "\"}")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                token = new ObjectMapper().readTree(login).path("token").asText();
            }
            String text = http.send(HttpRequest.newBuilder(URI.create(base + "/api/metrics"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body();
            Map<String, Double> m = new LinkedHashMap<>();
            for (String line : text.split("\n")) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int sp = line.lastIndexOf(' ');
                String v = line.substring(sp + 1);
                m.put(line.substring(0, sp), v.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(v));
            }
            return m;
        }
    }

    static long sizeOf(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException | java.io.UncheckedIOException e) {
            return -1;
        }
    }

    static long rssOf(long pid) {
        if (pid <= 0) {
            return -1;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    static double load1() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
