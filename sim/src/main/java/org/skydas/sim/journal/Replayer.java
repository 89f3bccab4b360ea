package org.skydas.sim.journal;

import java.time.Duration;
import java.util.List;

import org.skydas.sim.MessageSink;
import org.skydas.sim.SimMessage;
import org.skydas.sim.Sleeper;

/**
 * Re-emits recorded messages with their recorded spacing, scaled by a speed-up factor (2 = twice as fast).
 * Time is the caller's: {@link #advanceTo} releases what is due at a given replay time, and {@link #play} runs
 * the whole journal with a {@link Sleeper} (the real one sleeps; tests pass one that records the waits).
 */
public final class Replayer {

    private final List<SimMessage> messages;
    private final double speedUp;
    private final double origin;
    private int next;

    public Replayer(List<SimMessage> messages, double speedUp) {
        if (!(speedUp > 0) || Double.isInfinite(speedUp)) {
            throw new IllegalArgumentException("speed-up must be > 0, is " + speedUp);
        }
        this.messages = List.copyOf(messages);
        this.speedUp = speedUp;
        this.origin = messages.isEmpty() ? 0 : messages.get(0).simTimeS();
    }

    /** Replay time (wall seconds from the first message) at which message {@code i} is due. */
    public double dueS(int i) {
        return (messages.get(i).simTimeS() - origin) / speedUp;
    }

    /** Emits every message due at replay time {@code wallS} (seconds since the replay started); returns how many. */
    public int advanceTo(double wallS, MessageSink sink) {
        int n = 0;
        while (next < messages.size() && dueS(next) <= wallS) {
            sink.accept(messages.get(next++));
            n++;
        }
        return n;
    }

    /** Plays the rest of the journal, sleeping between messages. */
    public void play(MessageSink sink, Sleeper sleeper) throws InterruptedException {
        double now = next == 0 ? 0 : dueS(next - 1);
        while (next < messages.size()) {
            double due = dueS(next);
            if (due > now) {
                sleeper.sleep(Duration.ofNanos(Math.round((due - now) * 1e9)));
                now = due;
            }
            advanceTo(now, sink);
        }
    }

    public boolean finished() {
        return next >= messages.size();
    }
}
