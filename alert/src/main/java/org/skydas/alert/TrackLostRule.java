package org.skydas.alert;

import java.util.List;

import org.skydas.track.TrackState;

/** Track lost: a track that had been confirmed ended within {@link RuleConfig#lostNearBorderM()} of the border. */
public final class TrackLostRule implements Rule {

    private final BorderIndex border;
    private final RuleConfig config;

    public TrackLostRule(BorderIndex border, RuleConfig config) {
        this.border = border;
        this.config = config;
    }

    @Override
    public RuleKind kind() {
        return RuleKind.TRACK_LOST;
    }

    @Override
    public void onTrackEnd(TrackState last, TrackMemory m, List<Finding> out) {
        if (m == null || !m.confirmed) {
            return;
        }
        BorderIndex.Nearest n = border.nearest(m.x, m.y);
        if (n == null || n.distanceM() > config.lostNearBorderM()) {
            return;
        }
        out.add(new Finding(RuleKind.TRACK_LOST, Severity.MEDIUM, Finding.track(last.id()), last.t(), m.x, m.y,
                n.sector().id(), null, AlertMessage.TRACK_LOST.text(last.id(), last.mostLikelyClass(), n.distanceM(),
                        n.sector().id())));
    }
}
