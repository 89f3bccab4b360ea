package org.skydas.alert;

import java.util.Objects;

/**
 * What a rule saw: the raw material of an alert. Positions are in the LKS-94 grid.
 *
 * @param subject  what the finding is about: {@code track:42} or {@code sensor:radar-BY-005}
 * @param sectorId the border sector concerned, or null
 * @param zoneId   the zone concerned, or null
 * @param coverage where it arose against the computed sensor coverage, or null when unknown
 * @param message  the English text ({@link AlertText#english()} where {@code text} is given)
 * @param text     what it says as a message key and parameters, which the console translates; null for a finding
 *                 made with English text alone
 */
public record Finding(RuleKind rule, Severity severity, String subject, double time, double x, double y,
                      String sectorId, String zoneId, String message, CoverageVerdict coverage, AlertText text) {

    /** A finding whose coverage is not known (none computed, or no place). */
    public Finding(RuleKind rule, Severity severity, String subject, double time, double x, double y, String sectorId,
                   String zoneId, String message) {
        this(rule, severity, subject, time, x, y, sectorId, zoneId, message, null, null);
    }

    /** A finding with English text alone and its coverage. */
    public Finding(RuleKind rule, Severity severity, String subject, double time, double x, double y, String sectorId,
                   String zoneId, String message, CoverageVerdict coverage) {
        this(rule, severity, subject, time, x, y, sectorId, zoneId, message, coverage, null);
    }

    /** What the rules make: the text as a message key and parameters, its English rendering as the message. */
    public Finding(RuleKind rule, Severity severity, String subject, double time, double x, double y, String sectorId,
                   String zoneId, AlertText text) {
        this(rule, severity, subject, time, x, y, sectorId, zoneId, text.english(), null, text);
    }

    /** This finding with {@code coverage} (null when unknown). */
    public Finding withCoverage(CoverageVerdict coverage) {
        return new Finding(rule, severity, subject, time, x, y, sectorId, zoneId, message, coverage, text);
    }

    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(message, "message");
    }

    public static String track(long id) {
        return "track:" + id;
    }

    public static String sensor(String id) {
        return "sensor:" + id;
    }
}
