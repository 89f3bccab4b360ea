package org.skydas.ingest.sapient;

import uk.gov.dstl.sapientmsg.bsiflex335v2.Registration;
import uk.gov.dstl.sapientmsg.bsiflex335v2.StatusReport;

/**
 * What the fusion node knows of one sensor node at the time of a message: its accepted registration (node types,
 * declared coordinate systems and velocity units) and its latest status report (position, field of view, health),
 * or null before the first.
 */
public record SapientNode(String nodeId, Registration registration, StatusReport lastStatus) {
}
