package org.skydas.watch;

import java.util.Collection;
import java.util.function.Consumer;

import org.skydas.alert.Alert;
import org.skydas.track.TrackState;

/**
 * The live picture an operator's console shows: the current tracks and their changes as they happen, and alerts
 * committed by another process. One process ({@code skydas serve}): its {@link LivePipeline}'s tracker. Cluster mode
 * (docs/adr/0024-kafka-scale-out.md): the tracks and alerts topics, which every API node reads whole ({@code cluster}).
 * The server reads the picture through this port only, so it does not know which of the two it serves.
 */
public interface LivePicture {

    /** The current tracks (a view: the caller copies what it keeps). */
    Collection<TrackState> tracks();

    /**
     * Adds a subscriber to track changes: {@code updated} with each new estimate of a track, {@code deleted} when a track
     * ends (or is no longer heard of). Called on the picture's own thread: the subscribers must not block.
     */
    void onTrackChange(Consumer<TrackState> updated, Consumer<TrackState> deleted);

    /**
     * Adds a subscriber to new alerts committed by another process (a tracker node), to be pushed to operators. Called
     * on the picture's own thread: the subscriber must not block. A pipeline in this process raises its alerts through
     * the server's own alert services, which announce them there: this picture has none of its own (the default).
     */
    default void onAlertCommitted(Consumer<CommittedAlert> subscriber) {
    }

    /**
     * A new alert committed by another process: as the shared store holds it, when the detection that raised it was
     * received (epoch ms, 0 unknown) and when it was committed (epoch ms).
     */
    record CommittedAlert(Alert alert, long receivedAtMillis, long committedAtMillis) {
    }
}
