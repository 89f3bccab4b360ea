package org.skydas.track;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.skydas.track.assign.Associator;
import org.skydas.track.assign.GnnAssociator;
import org.skydas.track.assign.JpdaAssociator;
import org.skydas.track.init.Initiator;
import org.skydas.track.init.TwoPointInitiator;

/**
 * The parts a {@link Tracker} is built from, as in Stone Soup's trackers: a gater, an associator for confirmed
 * (and coasting) tracks and one for tentative tracks, an initiator and a deleter. {@link #of(TrackerConfig)} gives
 * the tracker's own from its configuration; the {@code with...} methods swap one (tests use stubs). Components may
 * keep state between scans (the initiator its seeds, associators their buffers): one set per tracker.
 *
 * @param gater     pairs of a stage's tracks and the scan's free detections, with costs
 * @param confirmed associates confirmed and coasting tracks (first, so a tentative track cannot steal their
 *                  detections)
 * @param tentative associates tentative tracks with what the confirmed ones left
 * @param initiator starts tracks from the detections still free
 * @param deleter   ends tracks, after every scan and clock advance
 */
public record TrackerComponents(Gater gater, Associator confirmed, Associator tentative, Initiator initiator,
                                Deleter deleter) {

    /** Joint events enumerated exactly per JPDA cluster before it falls back to an approximation. */
    public static final long JPDA_MAX_EVENTS = 20_000;

    public TrackerComponents {
        Objects.requireNonNull(gater, "gater");
        Objects.requireNonNull(confirmed, "confirmed");
        Objects.requireNonNull(tentative, "tentative");
        Objects.requireNonNull(initiator, "initiator");
        Objects.requireNonNull(deleter, "deleter");
    }

    /**
     * The tracker's own components for {@code config}: χ² gate with likelihood-ratio costs, GNN (or JPDA for
     * confirmed tracks when {@link TrackerConfig#association()} says so), two-point initiation, and the deletion
     * rules {@link #deleter(TrackerConfig)}.
     */
    public static TrackerComponents of(TrackerConfig config) {
        GnnAssociator gnn = new GnnAssociator();
        Associator confirmed = config.association() == TrackerConfig.Association.JPDA
                ? new JpdaAssociator(JPDA_MAX_EVENTS) : gnn;
        return new TrackerComponents(new ChiSquareGater(config.gate()), confirmed, gnn,
                new TwoPointInitiator(config.maxSpeed(), config.seedMaxAge(), config.gate()), deleter(config));
    }

    /**
     * The deletion rules of {@code config}, any of which ends a track: M-of-N for tentative tracks, existence below
     * {@link TrackerConfig#deleteExistence()} for confirmed ones, position sd above
     * {@link TrackerConfig#maxPositionSd()}, outside {@link TrackerConfig#region()} (when set), silent for longer
     * than {@link TrackerConfig#maxCoastTime()}.
     */
    public static Deleter deleter(TrackerConfig config) {
        List<Deleter> parts = new ArrayList<>();
        parts.add(new MOfNDeleter(config.confirmM(), config.confirmN()));
        parts.add(new ExistenceDeleter(config.deleteExistence()));
        parts.add(new PositionSdDeleter(config.maxPositionSd()));
        if (config.region() != null) {
            parts.add(new RegionDeleter(config.region()));
        }
        parts.add(new CoastTimeDeleter(config.maxCoastTime()));
        return Deleter.anyOf(parts);
    }

    public TrackerComponents withGater(Gater g) {
        return new TrackerComponents(g, confirmed, tentative, initiator, deleter);
    }

    /** The same associator for both stages. */
    public TrackerComponents withAssociator(Associator a) {
        return new TrackerComponents(gater, a, a, initiator, deleter);
    }

    public TrackerComponents withInitiator(Initiator i) {
        return new TrackerComponents(gater, confirmed, tentative, i, deleter);
    }

    public TrackerComponents withDeleter(Deleter d) {
        return new TrackerComponents(gater, confirmed, tentative, initiator, d);
    }
}
