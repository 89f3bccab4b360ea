package org.skydas.watch.loop;

import java.util.LinkedHashMap;
import java.util.Map;

import org.skydas.track.Detection;
import org.skydas.track.TrackState;

/**
 * When the detections the tracker is working on were received, so that the latency from receipt to an alert is
 * measured from the arrival of the detection that triggered it, however long it waited in the reorder window. A
 * track update carries the data time and the external id (CoT uid, Remote ID serial, radar track number) of the
 * detection that made it: that pair finds the detection; without an id the data time alone does, keeping the
 * earliest receipt when several detections share it (the conservative choice). Keeps the newest {@code capacity}
 * entries. One thread.
 */
final class ReceiveTimes {

    private final Map<Object, Long> byKey;

    ReceiveTimes(int capacity) {
        this.byKey = new LinkedHashMap<>(1024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Long> eldest) {
                return size() > capacity;
            }
        };
    }

    private record IdAndTime(String externalId, double t) {
    }

    void note(Detection d, long receivedAtMillis) {
        byKey.putIfAbsent(d.externalId() != null ? new IdAndTime(d.externalId(), d.t()) : (Object) d.t(), receivedAtMillis);
    }

    /** The receipt time (epoch ms) of the detection behind this track update, or 0 when unknown. */
    long of(TrackState s) {
        Long v = s.externalId() != null ? byKey.get(new IdAndTime(s.externalId(), s.t())) : null;
        if (v == null) {
            v = byKey.get(s.t());
        }
        return v == null ? 0 : v;
    }
}
