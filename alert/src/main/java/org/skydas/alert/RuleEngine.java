package org.skydas.alert;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.skydas.model.Zone;
import org.skydas.model.ZoneKind;
import org.skydas.track.TargetClass;
import org.skydas.track.TrackState;
import org.skydas.track.TrackStatus;

/**
 * Runs the early-warning rules over track updates, track ends and the clock, and returns findings.
 * Only confirmed (or coasting) tracks raise findings: a tentative track is not yet evidence. One
 * instance per pipeline; not thread-safe (the pipeline feeds it from one thread, in time order).
 */
public final class RuleEngine {

    private final BorderIndex border;
    private final RuleConfig config;
    private final Map<Long, TrackMemory> tracks = new HashMap<>();
    private final Map<String, Double> sensorLastSeen = new HashMap<>();
    private final Set<String> sensorsDown = new HashSet<>();

    public RuleEngine(BorderIndex border, RuleConfig config) {
        this.border = border;
        this.config = config;
    }

    /** A track's new estimate. */
    public List<Finding> onTrack(TrackState t) {
        List<Finding> out = new ArrayList<>(1);
        boolean confirmed = t.status() == TrackStatus.CONFIRMED || t.status() == TrackStatus.COASTING;
        boolean inside = border.onTerritory(t.x(), t.y());
        TrackMemory m = tracks.get(t.id());
        if (confirmed) {
            if (m != null && m.confirmed) {
                crossing(t, m, inside, out);
            }
            approach(t, inside, m, out);
            drone(t, inside, out);
            loitering(t, m == null ? remember(t) : m, out);
        }
        if (m == null) {
            m = remember(t);
        }
        m.x = t.x();
        m.y = t.y();
        m.t = t.t();
        m.onTerritory = inside;
        m.confirmed |= confirmed;
        return out;
    }

    private TrackMemory remember(TrackState t) {
        return tracks.computeIfAbsent(t.id(), k -> new TrackMemory());
    }

    /** The tracker deleted a track; {@code last} is its final estimate. */
    public List<Finding> onTrackEnd(TrackState last) {
        TrackMemory m = tracks.remove(last.id());
        if (m == null || !m.confirmed) {
            return List.of();
        }
        BorderIndex.Nearest n = border.nearest(m.x, m.y);
        if (n == null || n.distanceM() > config.lostNearBorderM()) {
            return List.of();
        }
        return List.of(new Finding(RuleKind.TRACK_LOST, Severity.MEDIUM, Finding.track(last.id()), last.t(), m.x, m.y,
                n.sector().id(), null, String.format(Locale.ROOT, "%s track lost %.0f m from the border (%s)",
                        className(last), n.distanceM(), n.sector().id())));
    }

    /** A sensor delivered data at time {@code t} (any message counts as a sign of life). */
    public void onSensorData(String sensorId, double t) {
        sensorLastSeen.merge(sensorId, t, Math::max);
        sensorsDown.remove(sensorId);
    }

    /** The clock moved to {@code now}: sensors silent for too long are reported once per silence. */
    public List<Finding> onTime(double now) {
        List<Finding> out = new ArrayList<>();
        for (Map.Entry<String, Double> e : sensorLastSeen.entrySet()) {
            double silent = now - e.getValue();
            if (silent >= config.sensorSilentS() && sensorsDown.add(e.getKey())) {
                out.add(new Finding(RuleKind.SENSOR_DOWN, Severity.HIGH, Finding.sensor(e.getKey()), now, Double.NaN,
                        Double.NaN, null, null, String.format(Locale.ROOT, "no data from sensor %s for %.0f s",
                                e.getKey(), silent)));
            }
        }
        return out;
    }

    private void crossing(TrackState t, TrackMemory m, boolean inside, List<Finding> out) {
        if (m.onTerritory || !inside) {
            return;
        }
        BorderIndex.Nearest n = border.nearest(t.x(), t.y());
        if (n == null || n.distanceM() > config.crossingDistanceM()) {
            return;
        }
        TargetClass c = t.mostLikelyClass();
        Severity s = c == TargetClass.VEHICLE ? Severity.CRITICAL : Severity.HIGH;
        out.add(new Finding(RuleKind.BORDER_CROSSING, s, Finding.track(t.id()), t.t(), n.point().x, n.point().y,
                n.sector().id(), null, String.format(Locale.ROOT, "%s crossed the border from %s in sector %s",
                        className(t), n.sector().neighbour().displayName(), n.sector().id())));
    }

    private void approach(TrackState t, boolean inside, TrackMemory m, List<Finding> out) {
        if (inside || (m != null && m.approachWarned)) {
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
            remember(t).approachWarned = true;
            out.add(new Finding(RuleKind.APPROACH, Severity.MEDIUM, Finding.track(t.id()), t.t(), t.x(), t.y(),
                    n.sector().id(), null, String.format(Locale.ROOT,
                            "%s %.0f m from the border heading for sector %s, ETA %.0f s", className(t),
                            n.distanceM(), n.sector().id(), eta)));
        }
    }

    private void drone(TrackState t, boolean inside, List<Finding> out) {
        if (t.classProbabilities()[TargetClass.DRONE.ordinal()] < config.droneProbability()) {
            return;
        }
        List<Zone> restricted = border.zonesAt(t.x(), t.y(), ZoneKind.RESTRICTED_AIRSPACE);
        if (!inside && restricted.isEmpty()) {
            return;
        }
        BorderIndex.Nearest n = border.nearest(t.x(), t.y());
        String where = restricted.isEmpty() ? "national airspace" : "restricted airspace " + restricted.get(0).name();
        String id = t.externalId() == null ? "" : " (id " + t.externalId() + ")";
        out.add(new Finding(RuleKind.DRONE_INCURSION, Severity.HIGH, Finding.track(t.id()), t.t(), t.x(), t.y(),
                n == null ? null : n.sector().id(), restricted.isEmpty() ? null : restricted.get(0).id(),
                "drone" + id + " in " + where));
    }

    private void loitering(TrackState t, TrackMemory m, List<Finding> out) {
        List<Zone> in = border.zonesAt(t.x(), t.y(), ZoneKind.BORDER_STRIP, ZoneKind.RESTRICTED_AIRSPACE);
        Set<String> now = new HashSet<>();
        for (Zone z : in) {
            now.add(z.id());
            double entered = m.enteredAt.computeIfAbsent(z.id(), k -> t.t());
            double limit = BorderIndex.param(z, "loiter_s", config.loiterS());
            if (t.t() - entered >= limit && m.loiterWarned.add(z.id())) {
                BorderIndex.Nearest n = border.nearest(t.x(), t.y());
                out.add(new Finding(RuleKind.LOITERING, Severity.MEDIUM, Finding.track(t.id()), t.t(), t.x(), t.y(),
                        n == null ? null : n.sector().id(), z.id(), String.format(Locale.ROOT,
                                "%s has stayed %.0f s in %s", className(t), t.t() - entered, z.name())));
            }
        }
        // Leaving a zone ends the stay: a later return starts a new one.
        m.enteredAt.keySet().retainAll(now);
        m.loiterWarned.retainAll(now);
    }

    private static String className(TrackState t) {
        return t.mostLikelyClass().name().toLowerCase(Locale.ROOT);
    }
}
