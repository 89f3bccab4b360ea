package org.skydas.alert;

/** How urgently an operator must look. Escalation moves an alert one step up. */
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL;

    public Severity escalated() {
        return this == CRITICAL ? CRITICAL : values()[ordinal() + 1];
    }
}
