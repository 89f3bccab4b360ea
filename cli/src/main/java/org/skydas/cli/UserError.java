package org.skydas.cli;

/** A problem with what the user gave us: shown as one line on stderr, exit code 2, no stack trace. */
public final class UserError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UserError(String message) {
        super(message);
    }
}
