package org.skydas.alert;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * All alerts and their life cycle: new → acknowledged (by an operator, with a note) → resolved
 * (confirmed / false alarm / duplicate). One open alert per subject and rule: a repeated finding
 * is folded into it. Unacknowledged alerts escalate after a delay. Every change returns the audit
 * event that records it; the caller appends it to durable storage. Not thread-safe.
 */
public final class AlertBook {

    private final Map<Long, Alert> alerts = new LinkedHashMap<>();
    private final Map<String, Long> openBySubjectAndRule = new HashMap<>();
    /** Ids of the resolved alerts held, oldest resolution first (resolution times only grow). */
    private final java.util.ArrayDeque<Long> resolvedInOrder = new java.util.ArrayDeque<>();
    private long nextId = 1;
    private long nextSequence = 1;

    public AlertBook() {
    }

    /**
     * A book restored from storage after a restart: its alerts, and the last audit sequence number
     * used, so that new audit events continue the same sequence.
     */
    public AlertBook(Collection<Alert> restored, long lastAuditSequence) {
        this(restored, lastAuditSequence, 0);
    }

    /** As above, and ids continue after {@code lastAlertId} even where those alerts have been purged. */
    public AlertBook(Collection<Alert> restored, long lastAuditSequence, long lastAlertId) {
        nextId = lastAlertId + 1;
        List<Alert> resolved = new ArrayList<>();
        for (Alert a : restored) {
            if (!a.isOpen()) {
                resolved.add(a);
            }
            alerts.put(a.id(), a);
            if (a.isOpen()) {
                openBySubjectAndRule.put(a.subject() + "|" + a.rule(), a.id());
            }
            nextId = Math.max(nextId, a.id() + 1);
        }
        nextSequence = lastAuditSequence + 1;
        resolved.sort(java.util.Comparator.comparingDouble(Alert::updatedAt));
        resolved.forEach(a -> resolvedInOrder.add(a.id()));
    }

    /** The outcome of a finding: the alert it raised or updated, and the audit event if one was made. */
    public record Raised(Alert alert, boolean isNew, AuditEvent audit) {
    }

    public Raised raise(Finding f) {
        String key = f.subject() + "|" + f.rule();
        Long open = openBySubjectAndRule.get(key);
        if (open != null) {
            Alert updated = alerts.get(open).repeated(f);
            alerts.put(open, updated);
            return new Raised(updated, false, null);
        }
        Alert a = Alert.raised(nextId++, f);
        alerts.put(a.id(), a);
        openBySubjectAndRule.put(key, a.id());
        return new Raised(a, true, audit(f.time(), "system", a.id(), "raised", null, a));
    }

    /** The open alert that {@code f} would update (same subject and rule), or null when it would raise a new one. */
    public Alert openFor(Finding f) {
        Long open = openBySubjectAndRule.get(f.subject() + "|" + f.rule());
        return open == null ? null : alerts.get(open);
    }

    /**
     * Puts alerts back as they were before changes that could not be stored: for each id its earlier state, or null
     * where the change created it. Alert ids and audit sequence numbers already handed out stay used (a gap, never a
     * reuse).
     */
    public void restore(Map<Long, Alert> before) {
        for (Map.Entry<Long, Alert> e : before.entrySet()) {
            long id = e.getKey();
            Alert now = alerts.get(id);
            if (now != null && now.isOpen()) {
                openBySubjectAndRule.remove(now.subject() + "|" + now.rule(), id);
            }
            Alert old = e.getValue();
            if (old == null) {
                alerts.remove(id);
                continue;
            }
            alerts.put(id, old);
            if (old.isOpen()) {
                openBySubjectAndRule.put(old.subject() + "|" + old.rule(), id);
            }
        }
    }

    public AuditEvent acknowledge(long id, String user, String note, double time) {
        Alert a = require(id);
        requireUser(user);
        if (a.status() != AlertStatus.NEW) {
            throw new IllegalStateException("alert " + id + " is " + a.status().name().toLowerCase()
                    + "; only a new alert can be acknowledged");
        }
        Alert after = a.acknowledged(user, note, time);
        alerts.put(id, after);
        return audit(time, user, id, "acknowledged", a, after);
    }

    public AuditEvent resolve(long id, String user, Resolution resolution, String note, double time) {
        Alert a = require(id);
        requireUser(user);
        Objects.requireNonNull(resolution, "resolution");
        if (a.status() == AlertStatus.RESOLVED) {
            throw new IllegalStateException("alert " + id + " is already resolved");
        }
        Alert after = a.resolved(user, resolution, note, time);
        alerts.put(id, after);
        openBySubjectAndRule.remove(a.subject() + "|" + a.rule());
        resolvedInOrder.add(id);
        return audit(time, user, id, "resolved", a, after);
    }

    /** Escalates new alerts left unacknowledged for {@code afterS} seconds (once each). */
    public List<AuditEvent> escalate(double now, double afterS) {
        List<AuditEvent> out = new ArrayList<>();
        for (Alert a : List.copyOf(alerts.values())) {
            if (a.status() == AlertStatus.NEW && !a.escalated() && now - a.raisedAt() >= afterS) {
                Alert after = a.escalatedAt(now);
                alerts.put(a.id(), after);
                out.add(audit(now, "system", a.id(), "escalated", a, after));
            }
        }
        return out;
    }

    /** Forgets resolved alerts (after an explicit purge); open ones are kept. Returns how many went. */
    public int forgetResolved(Collection<Long> ids) {
        int n = 0;
        for (Long id : ids) {
            Alert a = alerts.get(id);
            if (a != null && a.status() == AlertStatus.RESOLVED) {
                alerts.remove(id);
                n++;
            }
        }
        return n;
    }

    /**
     * Lets go of the resolved alerts resolved before {@code time} (they stay in durable storage, which serves them):
     * a server that runs for months holds only its open alerts and the recently resolved ones. Returns how many went.
     */
    public int evictResolvedBefore(double time) {
        int n = 0;
        while (!resolvedInOrder.isEmpty()) {
            Alert a = alerts.get(resolvedInOrder.peekFirst());
            if (a != null && a.updatedAt() >= time) {
                break;
            }
            resolvedInOrder.pollFirst();
            if (a != null && a.status() == AlertStatus.RESOLVED) {
                alerts.remove(a.id());
                n++;
            }
        }
        return n;
    }

    /** How many alerts are held in memory (open and recently resolved). */
    public int size() {
        return alerts.size();
    }

    public Alert get(long id) {
        return alerts.get(id);
    }

    public Collection<Alert> all() {
        return List.copyOf(alerts.values());
    }

    private Alert require(long id) {
        Alert a = alerts.get(id);
        if (a == null) {
            throw new java.util.NoSuchElementException("no alert " + id);
        }
        return a;
    }

    private static void requireUser(String user) {
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("an acknowledgement or resolution needs the operator's name");
        }
    }

    private AuditEvent audit(double t, String actor, long id, String action, Alert before, Alert after) {
        return new AuditEvent(nextSequence++, t, actor, id, action, before, after);
    }
}
