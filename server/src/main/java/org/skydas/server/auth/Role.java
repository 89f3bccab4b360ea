package org.skydas.server.auth;

import java.util.Locale;

/** What a user may do. Everyone reads; operators act on alerts; auditors read the audit log. */
public enum Role {
    OPERATOR, PLANNER, ENGINEER, AUDITOR, ADMIN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unknown role '" + s + "' (operator, planner, engineer, auditor, admin)");
        }
    }
}
