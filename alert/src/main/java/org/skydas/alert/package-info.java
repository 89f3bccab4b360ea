/**
 * The early-warning rules and the alert life cycle, pure (no I/O): {@code RuleEngine} turns track updates, track
 * ends and the clock into {@code Finding}s (border crossing, approach, drone incursion, loitering, track lost, sensor
 * down) against the border model ({@code BorderIndex}, LKS-94); {@code AlertBook} folds findings into alerts (one open
 * alert per subject and rule), moves them new → acknowledged → resolved only on a person's request, escalates
 * unacknowledged ones and returns an {@code AuditEvent} for every change; {@code SectorImpact} rates sectors by recent
 * alerts. Storing alerts and audit is the caller's job (the watch store).
 */
package org.skydas.alert;
