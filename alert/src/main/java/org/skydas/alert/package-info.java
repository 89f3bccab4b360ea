/**
 * The early-warning rules and the alert life cycle, pure (no I/O): {@code RuleEngine} runs a list of {@code Rule}s,
 * one class per rule ({@code BorderCrossingRule}, {@code ApproachRule}, {@code DroneIncursionRule},
 * {@code LoiteringRule}, {@code TrackLostRule}, {@code SensorDownRule}; ADR 0017), over track updates, track ends,
 * sensor data and the clock, and returns their {@code Finding}s, judged against the border model
 * ({@code BorderIndex}, LKS-94); {@code AlertBook} folds findings into alerts (one open alert per subject and rule),
 * moves them new → acknowledged → resolved only on a person's request, escalates unacknowledged ones and returns an
 * {@code AuditEvent} for every change; {@code SectorImpact} rates sectors by recent alerts. Storing alerts and audit
 * is the caller's job (the watch store).
 */
package org.skydas.alert;
