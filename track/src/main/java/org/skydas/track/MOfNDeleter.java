package org.skydas.track;

/**
 * Ends a tentative track that can no longer be confirmed: more than N − M misses among the completed scans of its
 * M-of-N window (the current scan counts only once it is a hit, since another sensor at the same time may still
 * hit it). Confirmed and coasting tracks are left to the other deleters.
 */
public final class MOfNDeleter implements Deleter {

    private final int n;
    private final int allowedMisses;

    /** @param m hits needed within {@code n} scans to confirm a track */
    public MOfNDeleter(int m, int n) {
        if (m < 1 || n < m || n > 30) {
            throw new IllegalArgumentException("need 1 <= M <= N <= 30: " + m + " of " + n);
        }
        this.n = n;
        this.allowedMisses = n - m;
    }

    @Override
    public boolean delete(Track tr, double now) {
        if (tr.status != TrackStatus.TENTATIVE) {
            return false;
        }
        int completed = Math.min(tr.scans, n);
        int hits = Integer.bitCount(tr.window);
        int misses = completed - hits - (tr.hitThisScan ? 0 : 1);
        return misses > allowedMisses;
    }
}
