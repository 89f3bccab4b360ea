package org.skydas.cli;

import java.io.PrintStream;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.skydas.sim.Channel;
import org.skydas.sim.MessageSink;
import org.skydas.sim.SimMessage;
import org.skydas.sim.transport.SimTransport;

/**
 * Counts what a run hands to its transport, per channel, and prints the summary {@code simulate} and {@code replay}
 * end with: {@code sent <channel> <n>} per channel, then {@code failed N, unrouted N}. Counters are atomic because
 * the demo reads them from another thread than the one sending.
 */
final class SendTally implements MessageSink {

    private final MessageSink next;
    private final Map<Channel, AtomicLong> sent = new EnumMap<>(Channel.class);

    SendTally(MessageSink next) {
        this.next = next;
        for (Channel c : Channel.values()) {
            sent.put(c, new AtomicLong());
        }
    }

    @Override
    public void accept(SimMessage m) {
        sent.get(m.channel()).incrementAndGet();
        next.accept(m);
    }

    Map<Channel, AtomicLong> sent() {
        return sent;
    }

    void print(PrintStream out, SimTransport transport) {
        sent.forEach((c, n) -> out.println("sent " + c.name().toLowerCase(Locale.ROOT) + " " + n));
        out.println("failed " + transport.failed() + ", unrouted " + transport.unrouted());
        if (transport.lastError() != null) {
            out.println("last error: " + transport.lastError());
        }
    }
}
