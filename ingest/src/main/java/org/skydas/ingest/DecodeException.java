package org.skydas.ingest;

/** Input that cannot be decoded; the message names the reason (and the offset where known). */
public class DecodeException extends Exception {

    private static final long serialVersionUID = 1L;

    public DecodeException(String message) {
        super(message);
    }

    public DecodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
