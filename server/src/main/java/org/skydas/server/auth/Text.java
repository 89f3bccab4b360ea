package org.skydas.server.auth;

/** Echoing client input into error messages and logs: never more than {@link #MAX_ECHO} characters of it. */
public final class Text {

    public static final int MAX_ECHO = 80;

    private Text() {
    }

    /** {@code s} cut to {@link #MAX_ECHO} characters (with "…"), control characters replaced by '?'. */
    public static String clip(String s) {
        if (s == null) {
            return "null";
        }
        String cut = s.length() > MAX_ECHO ? s.substring(0, MAX_ECHO - 1) + "…" : s;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
