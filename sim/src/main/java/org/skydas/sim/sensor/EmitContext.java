package org.skydas.sim.sensor;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import org.skydas.sim.Channel;
import org.skydas.sim.MessageSink;
import org.skydas.sim.SimMessage;
import org.skydas.sim.motion.SimObject;

/** What an emitter needs when it fires: the world, the clock's origin and where its output goes. */
public record EmitContext(List<SimObject> objects, Instant start, MessageSink sink, Consumer<SimDetection> truth) {

    public Instant timeAt(double t) {
        return start.plusNanos(Math.round(t * 1e9));
    }

    /** Seconds since UTC midnight at run time {@code t}. */
    public double timeOfDayS(double t) {
        Instant i = timeAt(t);
        return Math.floorMod(i.getEpochSecond(), 86_400L) + i.getNano() / 1e9;
    }

    public void send(double t, String sourceId, Channel channel, byte[] payload) {
        sink.accept(new SimMessage(t, timeAt(t), sourceId, channel, payload));
    }
}
