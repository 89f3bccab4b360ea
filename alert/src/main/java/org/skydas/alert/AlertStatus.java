package org.skydas.alert;

/** Life cycle of an alert: an operator acknowledges it, then resolves it. */
public enum AlertStatus {
    NEW, ACKNOWLEDGED, RESOLVED
}
