package org.skydas.ingest.sapient;

import uk.gov.dstl.sapientmsg.bsiflex335v2.SapientMessage;

/**
 * The way back to registered SAPIENT nodes: each node's own connection. Used only to send what an operator asked for
 * (a task) — never automatically.
 */
public interface SapientLink {

    /** The UUID Skydas sends from. */
    String fusionNodeId();

    /** Whether the node that registered as {@code nodeId} is connected now. */
    boolean connected(String nodeId);

    /**
     * Sends {@code message} (already valid) on the connection of the node {@code nodeId}; false when that node is not
     * connected. The write is asynchronous: true means it was handed to the connection.
     */
    boolean send(String nodeId, SapientMessage message);
}
