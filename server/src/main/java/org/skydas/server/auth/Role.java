package org.skydas.server.auth;

import java.util.Locale;

/**
 * What an account may do; the routes each role may call are in {@link AccessMatrix}. {@code SENSOR} is a
 * machine account that may only post detections.
 */
public enum Role {
    ADMIN, PLANNER, OPERATOR, ENGINEER, AUDITOR, SENSOR;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unknown role '" + Text.clip(s)
                    + "' (admin, planner, operator, engineer, auditor, sensor)");
        }
    }
}
