package org.skydas.watch.port;

import org.skydas.alert.CoverageVerdict;
import org.skydas.model.TargetKind;

/**
 * Whether a place in the LKS-94 grid is covered for a tracked class, so that each alert says whether it arose in
 * covered ground or in a gap. The server answers from its computed coverage ({@code server.coverage}).
 */
@FunctionalInterface
public interface CoverageLookup {

    /** Nothing is known: every finding's coverage stays unknown. */
    CoverageLookup UNKNOWN = (x, y, tracked) -> null;

    /** Covered or gap, or null when unknown (no coverage yet, outside its grid). */
    CoverageVerdict at(double x, double y, TargetKind tracked);
}
