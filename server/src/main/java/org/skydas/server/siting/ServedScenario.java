package org.skydas.server.siting;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.skydas.model.Scenario;
import org.skydas.store.ScenarioStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scenario the server's PLAN views show and the file it came from. An applied plan replaces it whole (revision
 * + 1) and each replacement goes to the views that show it: layers and programme roll-up, the coverage (recomputed
 * in the background), the corridors asked for so far, and new siting jobs. The live watch pipeline is not among
 * them: it keeps the sensors it started with until the server restarts (planned assets send nothing yet). Thread-safe.
 */
public final class ServedScenario {

    private static final Logger LOG = LoggerFactory.getLogger(ServedScenario.class);

    /**
     * One state of the scenario.
     *
     * @param revision 0 as loaded, + 1 per applied plan
     * @param digest   SHA-256 of the file as this server last read or wrote it; null without a file
     */
    public record Basis(Scenario scenario, long revision, String digest) {
    }

    private final Path file;
    private volatile Basis basis;
    private final List<Consumer<Basis>> listeners = new CopyOnWriteArrayList<>();

    /**
     * @param file the GeoPackage {@code scenario} was read from, or null (in memory: a plan cannot be applied)
     * @throws IOException the file cannot be read for its digest
     */
    public ServedScenario(Scenario scenario, Path file) throws IOException {
        this.file = file;
        this.basis = new Basis(scenario, 0, file == null ? null : ScenarioStore.digest(file));
    }

    public Basis basis() {
        return basis;
    }

    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** {@code listener} gets every replacement, in the order registered. */
    public void onReplace(Consumer<Basis> listener) {
        listeners.add(listener);
    }

    /** Serves {@code changed} (already written to the file, whose content now has {@code digest}). */
    synchronized Basis replace(Scenario changed, String digest) {
        Basis b = new Basis(changed, basis.revision() + 1, digest);
        basis = b;
        for (Consumer<Basis> l : listeners) {
            try {
                l.accept(b);
            } catch (RuntimeException e) {
                // A view that cannot follow says so in the log; the others and the file are already changed.
                LOG.warn("event=scenario_reload_failed revision={} error=\"{}\"", b.revision(), e.toString(), e);
            }
        }
        return b;
    }
}
