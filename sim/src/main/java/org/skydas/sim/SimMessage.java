package org.skydas.sim;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * One message a simulated sensor (or patrol) sends.
 *
 * @param simTimeS seconds since the start of the run
 * @param time     wall-clock time of the message in the simulated world (script start + simTimeS)
 * @param sourceId the asset (or patrol) that sends it
 */
public record SimMessage(double simTimeS, Instant time, String sourceId, Channel channel, byte[] payload) {

    public SimMessage {
        Objects.requireNonNull(time);
        Objects.requireNonNull(sourceId);
        Objects.requireNonNull(channel);
        payload = payload.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    public int length() {
        return payload.length;
    }

    /** The payload as UTF-8 text (meaningful for {@link Channel#isText()} channels). */
    public String text() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SimMessage m && m.simTimeS == simTimeS && m.time.equals(time)
                && m.sourceId.equals(sourceId) && m.channel == channel && Arrays.equals(m.payload, payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(simTimeS, time, sourceId, channel, Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return "SimMessage[" + simTimeS + " s, " + sourceId + ", " + channel.wire() + ", " + payload.length + " bytes]";
    }
}
