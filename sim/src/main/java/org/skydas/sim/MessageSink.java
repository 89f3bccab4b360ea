package org.skydas.sim;

/** Receives the messages of a run in time order (a transport, a journal, a list in a test). */
@FunctionalInterface
public interface MessageSink {
    void accept(SimMessage message);
}
