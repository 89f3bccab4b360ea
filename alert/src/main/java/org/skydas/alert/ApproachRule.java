package org.skydas.alert;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.skydas.track.TrackState;

/**
 * Approach: a track outside the country, within {@link RuleConfig#approachDistanceM()} of the border and closing on
 * it, will reach it within {@link RuleConfig#approachEtaS()}. Warns once per track.
 */
public final class ApproachRule implements Rule {

    private final BorderIndex border;
    private final RuleConfig config;
    /** Tracks already warned of. */
    private final Set<Long> warned = new HashSet<>();

    public ApproachRule(BorderIndex border, RuleConfig config) {
        this.border = border;
        this.config = config;
    }

    @Override
    public RuleKind kind() {
        return RuleKind.APPROACH;
    }

    @Override
    public void onTrack(TrackState t, boolean inside, TrackMemory previous, List<Finding> out) {
        if (inside || warned.contains(t.id())) {
            return;
        }
        BorderIndex.Nearest n = border.nearest(t.x(), t.y());
        if (n == null || n.distanceM() > config.approachDistanceM() || n.distanceM() == 0) {
            return;
        }
        double ux = (n.point().x - t.x()) / n.distanceM();
        double uy = (n.point().y - t.y()) / n.distanceM();
        double closing = t.vx() * ux + t.vy() * uy;
        if (closing <= 0.1) {
            return;
        }
        double eta = n.distanceM() / closing;
        if (eta <= config.approachEtaS()) {
            warned.add(t.id());
            out.add(new Finding(RuleKind.APPROACH, Severity.MEDIUM, Finding.track(t.id()), t.t(), t.x(), t.y(),
                    n.sector().id(), null, AlertMessage.APPROACH.text(t.id(), t.mostLikelyClass(), n.distanceM(),
                            n.sector().id(), eta, closing)));
        }
    }

    @Override
    public void onTrackEnd(TrackState last, TrackMemory seen, List<Finding> out) {
        warned.remove(last.id());
    }
}
