package org.skydas.alert;

/**
 * One line of the append-only audit log: who did what to which alert, when, and the state before
 * and after ({@code before} is null when the alert was raised).
 *
 * @param actor a user name, or {@code system} for raising and escalation
 */
public record AuditEvent(long sequence, double time, String actor, long alertId, String action, Alert before,
                         Alert after) {
}
