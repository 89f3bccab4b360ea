package org.skydas.server.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.skydas.alert.AlertMessage;
import org.skydas.alert.RuleKind;
import org.skydas.alert.Severity;
import org.skydas.server.WatchServices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the free space of the data directory's file system. Below {@code lowBytes} it raises a {@code storage_low}
 * alert for operators; below {@code floorBytes} it tells the pipeline to refuse new data (with the reason, which
 * listeners count and {@code POST /api/detections} answers with 507) while the server keeps serving what it has and
 * operators can still acknowledge alerts: the database never meets a full disk mid-write of a detection batch.
 * Data resumes once free space is back above the floor by a margin ({@link #RESUME_MARGIN}), so that it does not
 * flap. The probe is injectable (tests, and file systems whose free space Java misreads).
 */
public final class StorageGuard implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StorageGuard.class);
    /** Data is accepted again above floor × this. */
    static final double RESUME_MARGIN = 1.1;

    public enum State { OK, LOW, REFUSING }

    /** Free bytes where the data lives. */
    public interface Probe {
        long freeBytes() throws IOException;
    }

    private final Path dataDir;
    private final long lowBytes;
    private final long floorBytes;
    private final Probe probe;
    private final WatchServices watch;
    private final Consumer<String> refuse;
    private final Thread thread;
    private volatile State state = State.OK;
    private volatile long free = -1;
    private volatile long dirBytes;
    private volatile boolean running = true;

    /**
     * {@code refuse} is told the reason new data is refused, or null when it is accepted again (the pipeline's
     * {@code refuseNewData}).
     */
    public StorageGuard(Path dataDir, long lowBytes, long floorBytes, Probe probe, WatchServices watch,
                        Consumer<String> refuse) {
        if (floorBytes < 0 || lowBytes < floorBytes) {
            throw new IllegalArgumentException("the storage floor (" + floorBytes + " B) must be >= 0 and at most the "
                    + "low-space threshold (" + lowBytes + " B)");
        }
        this.dataDir = dataDir;
        this.lowBytes = lowBytes;
        this.floorBytes = floorBytes;
        this.probe = probe;
        this.watch = watch;
        this.refuse = refuse;
        this.thread = new Thread(this::loop, "skydas-storage-guard");
        thread.setDaemon(true);
    }

    /** The free space of the file system holding {@code dir}. */
    public static Probe fileSystemOf(Path dir) {
        return () -> Files.getFileStore(dir).getUsableSpace();
    }

    /** Checks now, then every {@code periodMs} in the background. */
    public StorageGuard start(long periodMs) {
        check();
        this.periodMs = periodMs;
        thread.start();
        return this;
    }

    private long periodMs = 10_000;

    private void loop() {
        while (running) {
            try {
                Thread.sleep(periodMs);
                check();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("event=storage_check_failed error=\"{}\"", e.toString());
            }
        }
    }

    /** One look at the disk; returns the state it leaves. */
    public synchronized State check() {
        long f;
        try {
            f = probe.freeBytes();
        } catch (IOException e) {
            LOG.warn("event=storage_probe_failed dir={} error=\"{}\"", dataDir, e.getMessage());
            return state;
        }
        free = f;
        dirBytes = sizeOf(dataDir);
        State next = f < floorBytes || (state == State.REFUSING && f < floorBytes * RESUME_MARGIN) ? State.REFUSING
                : f < lowBytes ? State.LOW : State.OK;
        if (next != state) {
            LOG.warn("event=storage_state from={} to={} free_bytes={} low_bytes={} floor_bytes={} data_dir_bytes={}",
                    state, next, f, lowBytes, floorBytes, dirBytes);
            if (next == State.REFUSING) {
                refuse.accept(reason(f));
            } else if (state == State.REFUSING) {
                refuse.accept(null);
            }
            if (next.ordinal() > state.ordinal()) {
                watch.raiseHealth(RuleKind.STORAGE_LOW, next == State.REFUSING ? Severity.CRITICAL : Severity.HIGH,
                        // Refusing data is its own (critical) alert, not folded into the open low-space one.
                        (next == State.REFUSING ? "storage-floor:" : "storage:") + dataDir.toAbsolutePath(),
                        next == State.REFUSING
                                ? AlertMessage.STORAGE_FLOOR.text(dataDir.toAbsolutePath().toString(), f >> 20, floorBytes >> 20)
                                : AlertMessage.STORAGE_LOW.text(dataDir.toAbsolutePath().toString(), f >> 20,
                                        lowBytes >> 20, floorBytes >> 20));
            }
            state = next;
        }
        return state;
    }

    private String reason(long f) {
        return "disk almost full: " + mib(f) + " free in " + dataDir.toAbsolutePath() + ", below the floor of "
                + mib(floorBytes) + "; new data is refused until space is freed (the server keeps serving)";
    }

    private static String mib(long bytes) {
        return (bytes >> 20) + " MiB";
    }

    static long sizeOf(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0; // removed meanwhile
                }
            }).sum();
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0;
        }
    }

    public State state() {
        return state;
    }

    /** For {@code /api/health}. */
    public Map<String, Object> health() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", state.name().toLowerCase(java.util.Locale.ROOT));
        m.put("data_dir", dataDir.toAbsolutePath().toString());
        m.put("free_bytes", free);
        m.put("data_dir_bytes", dirBytes);
        m.put("wal_bytes", watch.walBytes());
        m.put("low_bytes", lowBytes);
        m.put("floor_bytes", floorBytes);
        return m;
    }

    public List<Metric> metrics() {
        long[] restarts = watch.walRestarts();
        return List.of(
                Metric.gauge("skydas_storage_free_bytes", "Free space on the data directory's file system.", free),
                Metric.gauge("skydas_storage_data_dir_bytes", "Size of the data directory (scenario, watch store, WAL).",
                        dirBytes),
                Metric.gauge("skydas_storage_wal_bytes", "Size of the watch store's SQLite WAL (0 on PostgreSQL).",
                        watch.walBytes()),
                Metric.gauge("skydas_storage_low_bytes", "Free space below which storage_low is raised.", lowBytes),
                Metric.gauge("skydas_storage_floor_bytes", "Free space below which new data is refused.", floorBytes),
                Metric.gauge("skydas_storage_refusing", "1 while new data is refused for lack of disk space.",
                        state == State.REFUSING ? 1 : 0),
                Metric.counter("skydas_storage_wal_restarts_total",
                        "Checkpoints that held the writer to make the WAL start over.", restarts[0]),
                Metric.gauge("skydas_storage_wal_restart_longest_seconds",
                        "Longest the writer was held by one such checkpoint.", restarts[1] / 1000.0));
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
