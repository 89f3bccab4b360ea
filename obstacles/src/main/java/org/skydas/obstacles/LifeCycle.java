package org.skydas.obstacles;

import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.skydas.obstacles.Records.Clearance;
import org.skydas.obstacles.Records.Explosive;
import org.skydas.obstacles.Records.StatusChange;

/**
 * The life cycle {@code planned → laid → marked → inspected → cleared → handed_over}, with
 * {@code breached} from laid, marked or inspected (and from there back to marked once repaired, or on
 * to cleared). Each step names its actor, role, time and note; {@code cleared} needs a clearance record
 * whose quality-management check passed. Nothing here arms or triggers anything: these are record
 * states only.
 */
public final class LifeCycle {

    private static final Map<FieldStatus, Set<FieldStatus>> NEXT = new EnumMap<>(FieldStatus.class);

    static {
        NEXT.put(FieldStatus.PLANNED, EnumSet.of(FieldStatus.LAID));
        NEXT.put(FieldStatus.LAID, EnumSet.of(FieldStatus.MARKED, FieldStatus.BREACHED));
        NEXT.put(FieldStatus.MARKED, EnumSet.of(FieldStatus.INSPECTED, FieldStatus.BREACHED));
        NEXT.put(FieldStatus.INSPECTED, EnumSet.of(FieldStatus.CLEARED, FieldStatus.BREACHED));
        NEXT.put(FieldStatus.BREACHED, EnumSet.of(FieldStatus.MARKED, FieldStatus.CLEARED));
        NEXT.put(FieldStatus.CLEARED, EnumSet.of(FieldStatus.HANDED_OVER));
        NEXT.put(FieldStatus.HANDED_OVER, EnumSet.noneOf(FieldStatus.class));
    }

    /** A step the life cycle does not allow from the record's current state (the API answers 409). */
    public static final class IllegalTransition extends ObstacleException {
        public IllegalTransition(String reason) {
            super("to", reason);
        }
    }

    /** A role that may not take this step (the API answers 403). */
    public static final class NotAllowed extends RuntimeException {
        public NotAllowed(String reason) {
            super(reason);
        }
    }

    private LifeCycle() {
    }

    public static Set<FieldStatus> next(FieldStatus from) {
        Set<FieldStatus> n = NEXT.get(from);
        return n.isEmpty() ? EnumSet.noneOf(FieldStatus.class) : EnumSet.copyOf(n);
    }

    /**
     * A new record's first history entry: it enters the register in its current state (planned, or as
     * imported), by an actor whose role may write it.
     */
    public static ObstacleField recorded(ObstacleField f, String actor, String role, Instant at, String note) {
        if (!Access.canWrite(role, f.kind())) {
            throw new NotAllowed("role " + role + " may not record a " + f.kind().wire());
        }
        if (actor == null || actor.isBlank()) {
            throw new ObstacleException("actor", "required");
        }
        return f.withIdentity(f.id(), 1, f.status(),
                List.of(new StatusChange(null, f.status(), at, actor, role, note, null)));
    }

    /**
     * Checks that a record's history is a life cycle this class could have written: it starts with the
     * recording, each step follows from the one before and is allowed, every clearing carries its
     * clearance record, and it ends in the record's status. A record without history must be planned.
     * Imports use this so that a file cannot skip a step the API would have required.
     */
    public static void checkHistory(ObstacleField f) {
        List<StatusChange> h = f.history();
        if (h.isEmpty()) {
            if (f.status() != FieldStatus.PLANNED) {
                throw new ObstacleException("status", f.status().wire() + " without a history: a new record starts "
                        + "as planned and moves by transitions");
            }
            return;
        }
        if (h.get(0).from() != null) {
            throw new ObstacleException("history[0].from", "the first entry records the field, it has no from");
        }
        for (int i = 1; i < h.size(); i++) {
            StatusChange prev = h.get(i - 1);
            StatusChange s = h.get(i);
            if (s.from() != prev.to() || !NEXT.get(prev.to()).contains(s.to())) {
                throw new ObstacleException("history[" + i + "]", "cannot go from "
                        + (s.from() == null ? "nothing" : s.from().wire()) + " to " + s.to().wire() + " after "
                        + prev.to().wire());
            }
            if (s.to() == FieldStatus.CLEARED && s.clearance() == null) {
                throw new ObstacleException("history[" + i + "].clearance", "required to clear a field");
            }
        }
        if (h.get(h.size() - 1).to() != f.status()) {
            throw new ObstacleException("status", f.status().wire() + " but the history ends in "
                    + h.get(h.size() - 1).to().wire());
        }
    }

    /** The record after the step, one version later, with the step in its history. */
    public static ObstacleField transition(ObstacleField f, FieldStatus to, String actor, String role, Instant at,
                                           String note, Clearance clearance) {
        if (!Access.canTransition(role, f.kind())) {
            throw new NotAllowed("role " + role + " may not change the status of a " + f.kind().wire());
        }
        if (actor == null || actor.isBlank()) {
            throw new ObstacleException("actor", "required");
        }
        if (at == null) {
            throw new ObstacleException("at", "required");
        }
        Set<FieldStatus> allowed = NEXT.get(f.status());
        if (!allowed.contains(to)) {
            throw new IllegalTransition("cannot go from " + f.status().wire() + " to " + to.wire() + " (allowed: "
                    + (allowed.isEmpty() ? "none, the record is closed"
                    : allowed.stream().map(FieldStatus::wire).collect(Collectors.joining(", "))) + ")");
        }
        if (to == FieldStatus.BREACHED && (note == null || note.isBlank())) {
            throw new ObstacleException("note", "required for breached: say what was found");
        }
        if (to == FieldStatus.CLEARED) {
            checkClearance(f, clearance);
        } else if (clearance != null) {
            throw new ObstacleException("clearance", "only the transition to cleared carries a clearance record");
        }
        Explosive e = f.explosive();
        if (to == FieldStatus.LAID && e != null && e.laidAt() == null) {
            e = new Explosive(e.referencePoints(), e.devices(), e.rows(), e.emplacement(), at, e.layingUnit(),
                    e.orderRef(), e.custody());
        }
        return f.withStatus(to, new StatusChange(f.status(), to, at, actor, role, note, clearance), e);
    }

    private static void checkClearance(ObstacleField f, Clearance c) {
        if (c == null) {
            throw new ObstacleException("clearance", "required to clear a field: organisation, method, started_at, "
                    + "completed_at, area_cleared_m2, devices_found, qm_check");
        }
        if (c.completedAt().isBefore(c.startedAt())) {
            throw new ObstacleException("clearance.completed_at", "before started_at");
        }
        if (!(c.areaClearedM2() > 0)) {
            throw new ObstacleException("clearance.area_cleared_m2", "must be > 0");
        }
        if (c.devicesFound() < 0) {
            throw new ObstacleException("clearance.devices_found", "must be >= 0");
        }
        if (!c.qualityCheck().passed()) {
            throw new ObstacleException("clearance.qm_check.passed",
                    "the quality-management check did not pass: the field stays uncleared");
        }
    }
}
