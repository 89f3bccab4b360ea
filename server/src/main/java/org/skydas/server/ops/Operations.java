package org.skydas.server.ops;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an operator of a server that runs for months watches besides the feeds: retention, disk and the process's
 * memory, for {@code /api/health} and {@code /api/metrics}. Either part may be absent.
 */
public final class Operations implements AutoCloseable {

    private final RetentionPurger retention;
    private final StorageGuard storage;

    public Operations(RetentionPurger retention, StorageGuard storage) {
        this.retention = retention;
        this.storage = storage;
    }

    public StorageGuard storage() {
        return storage;
    }

    public RetentionPurger retention() {
        return retention;
    }

    /** Health: storage state and sizes, retention windows; "degraded" tells health checks that storage needs care. */
    public Map<String, Object> health() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (storage != null) {
            m.put("storage", storage.health());
        }
        if (retention != null) {
            m.put("retention", Map.of("detections", RetentionSettings.describe(retention.settings().detectionsS()),
                    "track_history", RetentionSettings.describe(retention.settings().trackHistoryS())));
        }
        return m;
    }

    public boolean degraded() {
        return storage != null && storage.state() != StorageGuard.State.OK;
    }

    public List<Metric> metrics() {
        List<Metric> out = new ArrayList<>();
        if (storage != null) {
            out.addAll(storage.metrics());
        }
        if (retention != null) {
            out.addAll(retention.metrics());
        }
        out.addAll(process());
        return out;
    }

    /** Resident set size, heap in use and heap left after the last collection (what a leak shows in). */
    static List<Metric> process() {
        long afterGc = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                afterGc += pool.getCollectionUsage().getUsed();
            }
        }
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return List.of(
                Metric.gauge("skydas_process_resident_bytes", "Resident set size of the server process (Linux).", rss()),
                Metric.gauge("skydas_jvm_heap_used_bytes", "Java heap in use now.", heap.getUsed()),
                Metric.gauge("skydas_jvm_heap_after_gc_bytes", "Java heap in use after the last collection of each pool.",
                        afterGc),
                Metric.gauge("skydas_jvm_heap_max_bytes", "Largest the Java heap may grow.", heap.getMax()));
    }

    static long rss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // not Linux: unknown
        }
        return -1;
    }

    @Override
    public void close() {
        if (retention != null) {
            retention.close();
        }
        if (storage != null) {
            storage.close();
        }
    }
}
