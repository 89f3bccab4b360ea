package org.skydas.alert;

import java.util.Map;

/**
 * An alert as an operator sees it. Immutable: every transition makes a new value (and an audit
 * event). {@code occurrences} counts the findings folded into it while it was open. {@code coverage} says
 * whether it arose where the sensors' computed coverage reaches or in a gap; null when no
 * coverage was computed. {@code message} is the English text; {@code messageKey} and {@code messageParams} say the
 * same as a key of {@link AlertMessage} and its parameters, which the console translates (null for alerts stored
 * before keys existed, or raised with English text alone: the console then shows {@code message}).
 */
public record Alert(long id, RuleKind rule, Severity severity, String subject, AlertStatus status,
                    Resolution resolution, double raisedAt, double updatedAt, double x, double y, String sectorId,
                    String zoneId, String message, boolean escalated, int occurrences, String acknowledgedBy,
                    String acknowledgeNote, String resolvedBy, String resolveNote, CoverageVerdict coverage, String messageKey,
                    Map<String, Object> messageParams) {

    /** An alert without a message key (English text alone). */
    public Alert(long id, RuleKind rule, Severity severity, String subject, AlertStatus status, Resolution resolution,
                 double raisedAt, double updatedAt, double x, double y, String sectorId, String zoneId, String message,
                 boolean escalated, int occurrences, String acknowledgedBy, String acknowledgeNote, String resolvedBy,
                 String resolveNote, CoverageVerdict coverage) {
        this(id, rule, severity, subject, status, resolution, raisedAt, updatedAt, x, y, sectorId, zoneId, message,
                escalated, occurrences, acknowledgedBy, acknowledgeNote, resolvedBy, resolveNote, coverage, null, null);
    }

    /** A new alert {@code id} from finding {@code f}: its text as key and parameters too, when the finding has them. */
    public static Alert raised(long id, Finding f) {
        return new Alert(id, f.rule(), f.severity(), f.subject(), AlertStatus.NEW, null, f.time(), f.time(), f.x(),
                f.y(), f.sectorId(), f.zoneId(), f.message(), false, 1, null, null, null, null, f.coverage(),
                f.text() == null ? null : f.text().key(), f.text() == null ? null : f.text().params());
    }

    Alert repeated(Finding f) {
        return new Alert(id, rule, severity, subject, status, resolution, raisedAt, f.time(), f.x(), f.y(),
                sectorId, zoneId, message, escalated, occurrences + 1, acknowledgedBy, acknowledgeNote, resolvedBy,
                resolveNote, coverage, messageKey, messageParams);
    }

    Alert acknowledged(String user, String note, double t) {
        return new Alert(id, rule, severity, subject, AlertStatus.ACKNOWLEDGED, null, raisedAt, t, x, y, sectorId,
                zoneId, message, escalated, occurrences, user, note, null, null, coverage, messageKey, messageParams);
    }

    Alert resolved(String user, Resolution r, String note, double t) {
        return new Alert(id, rule, severity, subject, AlertStatus.RESOLVED, r, raisedAt, t, x, y, sectorId, zoneId,
                message, escalated, occurrences, acknowledgedBy, acknowledgeNote, user, note, coverage, messageKey,
                messageParams);
    }

    /** This alert escalated one severity step at {@code t} (public for a store that escalates shared alerts itself). */
    public Alert escalatedAt(double t) {
        return new Alert(id, rule, severity.escalated(), subject, status, resolution, raisedAt, t, x, y, sectorId,
                zoneId, message, true, occurrences, acknowledgedBy, acknowledgeNote, resolvedBy, resolveNote, coverage,
                messageKey, messageParams);
    }

    public boolean isOpen() {
        return status != AlertStatus.RESOLVED;
    }
}
