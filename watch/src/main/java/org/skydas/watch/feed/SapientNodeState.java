package org.skydas.watch.feed;

import uk.gov.dstl.sapientmsg.bsiflex335v2.Registration;
import uk.gov.dstl.sapientmsg.bsiflex335v2.StatusReport;

/**
 * What the fusion node knows of one SAPIENT node for the operators' node view: its accepted registration (in the
 * v2.0 form; {@code icdVersion} says what the node speaks), when it registered, its latest status report and when that
 * came (null and 0 before the first), when anything was last heard from it, and how many alerts it sent.
 */
public record SapientNodeState(String nodeId, String icdVersion, Registration registration, long registeredAtMillis,
                               StatusReport lastStatus, long lastStatusAtMillis, long lastHeardMillis, long alerts) {

    /** The name it registered with (else its short name, else its id): what operators see. */
    public String displayName() {
        if (registration.hasName() && !registration.getName().isBlank()) {
            return registration.getName() + (registration.hasShortName() && !registration.getShortName().isBlank()
                    ? " (" + registration.getShortName() + ")" : "");
        }
        if (registration.hasShortName() && !registration.getShortName().isBlank()) {
            return registration.getShortName();
        }
        return nodeId;
    }

    SapientNodeState withStatus(StatusReport s, long at) {
        return new SapientNodeState(nodeId, icdVersion, registration, registeredAtMillis, s, at, Math.max(lastHeardMillis, at),
                alerts);
    }

    SapientNodeState heard(long at, boolean alert) {
        return new SapientNodeState(nodeId, icdVersion, registration, registeredAtMillis, lastStatus, lastStatusAtMillis,
                Math.max(lastHeardMillis, at), alerts + (alert ? 1 : 0));
    }
}
