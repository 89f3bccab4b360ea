package org.skydas.alert;

/** Why an alert was closed. */
public enum Resolution {
    CONFIRMED, FALSE_ALARM, DUPLICATE
}
