package org.skydas.track.io;

/** An input file the harness cannot use at all (missing, unreadable, wrong header, bad JSON). */
public final class TrackInputException extends Exception {

    public TrackInputException(String message) {
        super(message);
    }

    public TrackInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
