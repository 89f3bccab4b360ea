package org.skydas.sim.sensor;

/**
 * Something that sends at regular instants: a sensor scan, a Remote ID broadcast, a patrol report. Fire
 * times are {@code phase + k·period}, computed from k, so long runs do not drift.
 */
public abstract class Emitter {

    private final double phaseS;
    private final double periodS;
    private long count;

    protected Emitter(double phaseS, double periodS) {
        if (!(periodS > 0)) {
            throw new IllegalArgumentException("period must be > 0, is " + periodS);
        }
        this.phaseS = phaseS;
        this.periodS = periodS;
    }

    public final double nextTimeS() {
        return phaseS + count * periodS;
    }

    public final double periodS() {
        return periodS;
    }

    /** Fires at {@link #nextTimeS()} and moves to the next instant. */
    public final void fire(EmitContext ctx) {
        double t = nextTimeS();
        count++;
        emit(t, ctx);
    }

    protected abstract void emit(double t, EmitContext ctx);

    public abstract String id();
}
