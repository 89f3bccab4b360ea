/**
 * Data association on sparse gated problems: the tracker's {@code Associator} component and its outcome
 * ({@code Hypotheses}: one-to-one or pair weights), with {@code GnnAssociator} (optimal linear assignment by
 * Jonker–Volgenant shortest augmenting paths, split into independent clusters) and {@code JpdaAssociator} (JPDA
 * marginals). Knows nothing of tracks: rows, columns and costs only.
 */
package org.skydas.track.assign;
