package org.skydas.cluster;

/** A record of the sector topic that this version cannot read: why, in words an operator can act on. */
public final class MalformedRecordException extends Exception {

    private static final long serialVersionUID = 1L;

    public MalformedRecordException(String message) {
        super(message);
    }
}
