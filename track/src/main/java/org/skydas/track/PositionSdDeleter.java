package org.skydas.track;

/** Ends a track whose position standard deviation along x or y exceeds a limit: it no longer says where anything is. */
public final class PositionSdDeleter implements Deleter {

    private final double maxVar;

    /** @param maxSd largest position standard deviation kept, m */
    public PositionSdDeleter(double maxSd) {
        this.maxVar = maxSd * maxSd;
    }

    @Override
    public boolean delete(Track tr, double now) {
        return Math.max(tr.p[0], tr.p[5]) > maxVar;
    }
}
