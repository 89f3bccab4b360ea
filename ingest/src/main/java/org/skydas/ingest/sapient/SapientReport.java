package org.skydas.ingest.sapient;

import uk.gov.dstl.sapientmsg.bsiflex335v2.SapientMessage;

/** A valid message of a registered node (registration, status report, detection report, alert) and that node. */
public record SapientReport(SapientMessage message, SapientNode node) {
}
