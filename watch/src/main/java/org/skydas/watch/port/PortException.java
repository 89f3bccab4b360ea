package org.skydas.watch.port;

/**
 * An output of the watch loop could not be written (the store is down, a broker is unreachable): the caller keeps
 * what it tried to write and decides whether to retry. The message says why, for logs and health.
 */
public final class PortException extends Exception {

    private static final long serialVersionUID = 1L;

    public PortException(String message, Throwable cause) {
        super(message, cause);
    }

    public PortException(String message) {
        super(message);
    }
}
