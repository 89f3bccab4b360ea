package org.skydas.alert;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The alerts' life cycle: new → acknowledged (by an operator, with a note) → resolved
 * (confirmed / false alarm / duplicate). One open alert per subject and rule: a repeated finding
 * is folded into it. Unacknowledged alerts escalate after a delay. Every change returns the audit
 * event that records it; the caller appends it to durable storage. Not thread-safe.
 *
 * <p>The book is a bounded working set of the durable store, not the whole record: {@link #trim} lets go of the
 * alerts changed longest ago (open ones too) beyond a size, and the caller puts an alert back with {@link #hold}
 * from the store before it changes one that memory let go of — by id (acknowledge, resolve, escalate) or by subject
 * and rule (a repeated finding, which must fold into the open alert wherever it is held: {@link #mayMissOpen}).
 */
public final class AlertBook {

    /** What deduplication needs: one open alert per subject and rule (the subject string is the alert's own). */
    private record Key(String subject, RuleKind rule) {
        static Key of(Alert a) {
            return new Key(a.subject(), a.rule());
        }

        static Key of(Finding f) {
            return new Key(f.subject(), f.rule());
        }
    }

    /** The alerts held, least recently changed first (a change moves an alert to the end). */
    private final Map<Long, Alert> alerts = new LinkedHashMap<>();
    private final Map<Key, Long> openBySubjectAndRule = new HashMap<>();
    /** Open alerts let go of by {@link #trim} (or never loaded): while any, a finding memory has no alert for may have one in the store. */
    private long openElsewhere;
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
        List<Alert> byChange = new ArrayList<>(restored);
        byChange.sort(java.util.Comparator.comparingDouble(Alert::updatedAt));
        for (Alert a : byChange) {
            if (!a.isOpen()) {
                resolved.add(a);
            }
            alerts.put(a.id(), a);
            if (a.isOpen()) {
                openBySubjectAndRule.put(Key.of(a), a.id());
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
        Key key = Key.of(f);
        Long open = openBySubjectAndRule.get(key);
        if (open != null) {
            Alert updated = alerts.get(open).repeated(f);
            put(updated);
            return new Raised(updated, false, null);
        }
        Alert a = Alert.raised(nextId++, f);
        put(a);
        openBySubjectAndRule.put(key, a.id());
        return new Raised(a, true, audit(f.time(), "system", a.id(), "raised", null, a));
    }

    /** The open alert that {@code f} would update (same subject and rule), or null when it would raise a new one. */
    public Alert openFor(Finding f) {
        Long open = openBySubjectAndRule.get(Key.of(f));
        return open == null ? null : alerts.get(open);
    }

    /**
     * True when open alerts exist that memory does not hold (let go of by {@link #trim}, or left in the store at a
     * restart: {@link #openElsewhere(long)}): then a finding {@link #openFor} has no alert for must be looked up in the
     * store and the alert found {@link #hold held} before {@link #raise}, or it would raise a duplicate.
     */
    public boolean mayMissOpen() {
        return openElsewhere > 0;
    }

    /** Says that {@code n} more open alerts are in the store but not in this book (a restart that loaded only the recent ones). */
    public void openElsewhere(long n) {
        openElsewhere += n;
    }

    /**
     * Takes an alert back into memory as the store has it (committed), to change it or to fold a finding into it.
     * Nothing happens when the book already holds it (memory is never older than the store). Returns whether it was taken.
     */
    public boolean hold(Alert a) {
        if (alerts.containsKey(a.id())) {
            return false;
        }
        put(a);
        if (a.isOpen()) {
            openBySubjectAndRule.put(Key.of(a), a.id());
            openElsewhere = Math.max(0, openElsewhere - 1); // every open alert memory lacks was counted once
        }
        nextId = Math.max(nextId, a.id() + 1);
        return true;
    }

    /**
     * Lets go of the alerts changed longest ago until at most {@code max} are held, open ones too: call it only when
     * every change is committed (the store then serves them). Returns how many open alerts went.
     */
    public int trim(int max) {
        int open = 0;
        var it = alerts.values().iterator();
        while (alerts.size() > max && it.hasNext()) {
            Alert a = it.next();
            it.remove();
            if (a.isOpen()) {
                openBySubjectAndRule.remove(Key.of(a), a.id());
                open++;
            }
        }
        openElsewhere += open;
        return open;
    }

    /** How many open alerts are held in memory. */
    public int openHeld() {
        return openBySubjectAndRule.size();
    }

    /** Stores a changed alert as the most recently changed. */
    private void put(Alert a) {
        alerts.remove(a.id());
        alerts.put(a.id(), a);
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
                openBySubjectAndRule.remove(Key.of(now), id);
            }
            Alert old = e.getValue();
            if (old == null) {
                alerts.remove(id);
                continue;
            }
            alerts.put(id, old);
            if (old.isOpen()) {
                openBySubjectAndRule.put(Key.of(old), id);
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
        put(after);
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
        put(after);
        openBySubjectAndRule.remove(Key.of(a), id);
        resolvedInOrder.add(id);
        return audit(time, user, id, "resolved", a, after);
    }

    /** Escalates new alerts left unacknowledged for {@code afterS} seconds (once each). */
    public List<AuditEvent> escalate(double now, double afterS) {
        List<AuditEvent> out = new ArrayList<>();
        for (Alert a : List.copyOf(alerts.values())) {
            if (a.status() == AlertStatus.NEW && !a.escalated() && now - a.raisedAt() >= afterS) {
                Alert after = a.escalatedAt(now);
                put(after);
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

    /** How many alerts are held in memory (open and recently resolved, at most what {@link #trim} leaves). */
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
