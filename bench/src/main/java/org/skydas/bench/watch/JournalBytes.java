package org.skydas.bench.watch;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.skydas.ingest.cot.CotEvent;
import org.skydas.ingest.cot.CotXmlParser;
import org.skydas.ingest.cot.CotXmlWriter;
import org.skydas.store.watch.WatchStore;
import org.skydas.watch.port.JournalEntry;

/**
 * What one journalled detection costs on disk (SQLite): writes {@code N} detections as the live pipeline journals
 * them — CoT events of the load generator's walkers, re-written by {@link CotXmlWriter}, 1 000 per transaction,
 * {@code WALKERS} distinct senders on one listener — and prints the database and WAL sizes per detection, with the
 * WAL's largest size seen while writing.
 *
 * <p>Usage: {@code JournalBytes DIR [N=500000] [WALKERS=5000]}; DIR must not hold a watch store yet.
 */
public final class JournalBytes {

    private JournalBytes() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 500_000;
        int walkers = args.length > 2 ? Integer.parseInt(args[2]) : 5_000;
        if (Files.exists(dir.resolve("watch.db"))) {
            throw new IllegalArgumentException(dir + " already holds a watch store");
        }
        List<String> xml = sampleEvents(walkers);
        Path db = dir.resolve("watch.db");
        Path wal = dir.resolve("watch.db-wal");
        long maxWal = 0;
        long started = System.nanoTime();
        double t0 = Instant.parse("2026-12-07T00:00:00Z").getEpochSecond();
        try (WatchStore store = WatchStore.openSqlite(dir)) {
            List<JournalEntry> batch = new ArrayList<>(1_000);
            for (int i = 0; i < n; i++) {
                int w = i % walkers;
                batch.add(new JournalEntry(0, t0 + i / (double) walkers, "cot:load-" + w, "cot-tcp", xml.get(w)));
                if (batch.size() == 1_000 || i == n - 1) {
                    store.appendDetections(batch);
                    batch.clear();
                    if (Files.exists(wal)) {
                        maxWal = Math.max(maxWal, Files.size(wal));
                    }
                }
            }
            double s = (System.nanoTime() - started) / 1e9;
            long dbBytes = Files.size(db);
            long walBytes = Files.exists(wal) ? Files.size(wal) : 0;
            System.out.printf(Locale.ROOT, "wrote %d detections in %.1f s (%.0f/s)%n", n, s, n / s);
            System.out.printf(Locale.ROOT, "open:   db %d B (%.1f B/detection), wal %d B, wal max while writing %d B%n",
                    dbBytes, dbBytes / (double) n, walBytes, maxWal);
        }
        long dbBytes = Files.size(db);
        System.out.printf(Locale.ROOT, "closed: db %d B = %.1f B/detection (payload sample %d B of XML)%n", dbBytes,
                dbBytes / (double) n, xml.get(0).getBytes(StandardCharsets.UTF_8).length);
    }

    /** One CoT event per walker, as the pipeline journals it (parsed, then written back by CotXmlWriter). */
    public static List<String> sampleEvents(int walkers) throws Exception {
        SplittableRandom rnd = new SplittableRandom(7);
        CotXmlParser parser = new CotXmlParser();
        CotXmlWriter writer = new CotXmlWriter();
        List<String> out = new ArrayList<>(walkers);
        Instant t = Instant.parse("2026-12-07T00:00:00.123Z");
        for (int i = 0; i < walkers; i++) {
            String raw = String.format(Locale.ROOT, "<event version=\"2.0\" uid=\"load-%d\" type=\"a-u-G-U\" how=\"m-g\" "
                    + "time=\"%s\" start=\"%s\" stale=\"%s\"><point lat=\"%.7f\" lon=\"%.7f\" hae=\"150\" ce=\"5\" "
                    + "le=\"10\"/><detail/></event>", i, t, t, t.plusSeconds(30), rnd.nextDouble(53.9, 56.4),
                    rnd.nextDouble(21.0, 26.8));
            CotEvent e = parser.parse(raw);
            out.add(writer.write(e));
            t = t.plusMillis(1);
        }
        return out;
    }
}
