package org.skydas.alert;

import java.util.List;

import org.skydas.model.TargetKind;
import org.skydas.model.Zone;
import org.skydas.model.ZoneKind;
import org.skydas.track.TrackState;

/**
 * Drone incursion: a track whose drone probability is at least {@link RuleConfig#droneProbability()} over national
 * territory or a restricted airspace zone, at every estimate (the alert book keeps one open alert per track).
 */
public final class DroneIncursionRule implements Rule {

    private final BorderIndex border;
    private final RuleConfig config;

    public DroneIncursionRule(BorderIndex border, RuleConfig config) {
        this.border = border;
        this.config = config;
    }

    @Override
    public RuleKind kind() {
        return RuleKind.DRONE_INCURSION;
    }

    @Override
    public void onTrack(TrackState t, boolean inside, TrackMemory previous, List<Finding> out) {
        if (t.classProbability(TargetKind.DRONE) < config.droneProbability()) {
            return;
        }
        List<Zone> restricted = border.zonesAt(t.x(), t.y(), ZoneKind.RESTRICTED_AIRSPACE);
        if (!inside && restricted.isEmpty()) {
            return;
        }
        BorderIndex.Nearest n = border.nearest(t.x(), t.y());
        String remoteId = t.externalId();
        AlertText text = restricted.isEmpty()
                ? remoteId == null ? AlertMessage.DRONE_NATIONAL.text(t.id())
                        : AlertMessage.DRONE_NATIONAL_ID.text(t.id(), remoteId)
                : remoteId == null ? AlertMessage.DRONE_RESTRICTED.text(t.id(), restricted.get(0).name())
                        : AlertMessage.DRONE_RESTRICTED_ID.text(t.id(), remoteId, restricted.get(0).name());
        out.add(new Finding(RuleKind.DRONE_INCURSION, Severity.HIGH, Finding.track(t.id()), t.t(), t.x(), t.y(),
                n == null ? null : n.sector().id(), restricted.isEmpty() ? null : restricted.get(0).id(), text));
    }
}
