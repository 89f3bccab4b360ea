package org.skydas.watch.intake;

/** Why a detection was not accepted: the journal cannot be written, or the queue shed it. */
public final class NotJournalledException extends Exception {

    private static final long serialVersionUID = 1L;

    public NotJournalledException(String message) {
        super(message);
    }
}
