package org.skydas.alert;

import java.util.List;

import org.skydas.model.TargetKind;
import org.skydas.track.TrackState;

/**
 * Border crossing: a track confirmed before was outside and is now on national territory within
 * {@link RuleConfig#crossingDistanceM()} of a border sector (entering from the sea or a lagoon is no border
 * crossing). Critical for a vehicle, high otherwise; placed at the nearest border point.
 */
public final class BorderCrossingRule implements Rule {

    private final BorderIndex border;
    private final RuleConfig config;

    public BorderCrossingRule(BorderIndex border, RuleConfig config) {
        this.border = border;
        this.config = config;
    }

    @Override
    public RuleKind kind() {
        return RuleKind.BORDER_CROSSING;
    }

    @Override
    public void onTrack(TrackState t, boolean inside, TrackMemory m, List<Finding> out) {
        if (m == null || !m.confirmed || m.onTerritory || !inside) {
            return;
        }
        BorderIndex.Nearest n = border.nearest(t.x(), t.y());
        if (n == null || n.distanceM() > config.crossingDistanceM()) {
            return;
        }
        TargetKind c = t.mostLikelyClass();
        Severity s = c == TargetKind.VEHICLE ? Severity.CRITICAL : Severity.HIGH;
        out.add(new Finding(RuleKind.BORDER_CROSSING, s, Finding.track(t.id()), t.t(), n.point().x, n.point().y,
                n.sector().id(), null, AlertMessage.BORDER_CROSSING.text(t.id(), c, n.sector().neighbour(),
                        n.sector().id(), n.distanceM(), Math.hypot(t.vx(), t.vy()))));
    }
}
