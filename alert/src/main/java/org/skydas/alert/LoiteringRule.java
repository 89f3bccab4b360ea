package org.skydas.alert;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.skydas.model.Zone;
import org.skydas.model.ZoneKind;
import org.skydas.track.TrackState;

/**
 * Loitering: a track has stayed in a border strip or restricted airspace zone for {@link RuleConfig#loiterS()} (or
 * the zone's own {@code loiter_s}). Warns once per stay; leaving the zone ends the stay, and a return starts a new
 * one.
 */
public final class LoiteringRule implements Rule {

    /** One track's stays: zone id → time first seen inside (this stay), and the zones already warned of. */
    private static final class Stays {
        final Map<String, Double> enteredAt = new HashMap<>();
        final Set<String> warned = new HashSet<>();
    }

    private final BorderIndex border;
    private final RuleConfig config;
    private final Map<Long, Stays> tracks = new HashMap<>();

    public LoiteringRule(BorderIndex border, RuleConfig config) {
        this.border = border;
        this.config = config;
    }

    @Override
    public RuleKind kind() {
        return RuleKind.LOITERING;
    }

    @Override
    public void onTrack(TrackState t, boolean inside, TrackMemory previous, List<Finding> out) {
        List<Zone> in = border.zonesAt(t.x(), t.y(), ZoneKind.BORDER_STRIP, ZoneKind.RESTRICTED_AIRSPACE);
        if (in.isEmpty()) {
            tracks.remove(t.id()); // outside every watched zone: no stay goes on
            return;
        }
        Stays m = tracks.computeIfAbsent(t.id(), k -> new Stays());
        Set<String> now = new HashSet<>();
        for (Zone z : in) {
            now.add(z.id());
            double entered = m.enteredAt.computeIfAbsent(z.id(), k -> t.t());
            double limit = BorderIndex.param(z, "loiter_s", config.loiterS());
            if (t.t() - entered >= limit && m.warned.add(z.id())) {
                BorderIndex.Nearest n = border.nearest(t.x(), t.y());
                out.add(new Finding(RuleKind.LOITERING, Severity.MEDIUM, Finding.track(t.id()), t.t(), t.x(), t.y(),
                        n == null ? null : n.sector().id(), z.id(), AlertMessage.LOITERING.text(t.id(),
                                t.mostLikelyClass(), t.t() - entered, z.name())));
            }
        }
        // Leaving a zone ends the stay: a later return starts a new one.
        m.enteredAt.keySet().retainAll(now);
        m.warned.retainAll(now);
    }

    @Override
    public void onTrackEnd(TrackState last, TrackMemory seen, List<Finding> out) {
        tracks.remove(last.id());
    }
}
