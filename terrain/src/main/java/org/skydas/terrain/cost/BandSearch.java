package org.skydas.terrain.cost;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The search over {@link BandQueue} bands, on two cores when there are two. Every cell of a band is
 * final, so a band's relaxations may run in any order as long as no two write the same cell at once.
 * A large band is split at a row {@code m} (the row of its middle cell): the cells above row
 * {@code m - 2} (part A) write only rows above {@code m}, the cells from row {@code m + 2} down (part
 * B) only rows from {@code m}: A and B run at once, each pushing into its own lane; the few cells in
 * between (the seam) run after both. Small bands run whole, in band order.
 *
 * <p>That order (A, B, seam) is the algorithm's, not the scheduler's: one thread running A then B
 * computes exactly what two threads do, bit for bit, directions included (ties between equal-cost
 * moves go to the first in that order). When the helper thread has not picked up B by the time A is
 * done (a busy machine), the searching thread runs B itself, so a search is never slower than the
 * single-threaded one by more than a hand-over per band.
 */
final class BandSearch {

    /** Bands with fewer cells run whole on the searching thread: splitting them costs more than it saves. */
    static final int DEFAULT_SPLIT_FROM = 2048;

    private final int stride;
    private final float[] f;
    private final float[] z;
    /** Crossing groups and their charges ({@link CostDistance.Prepared#withCrossings}), null when none. */
    private final int[] grp;
    private final double[] charge;
    private final double[] acc;
    private final byte[] dir;
    private final long[] done;
    private final int moves;
    private final int[] off;
    private final int[] via1;
    private final int[] via2;
    private final double[] fac;
    private final double max;
    private final double a;
    private final double b;
    private final double c;
    private final double d;
    private final double lambda;
    private final double sf;
    private final BandQueue queue;
    private final RadixHeap heap;
    private final int splitFrom;

    private boolean twoThreads;
    private Helper helper;

    /** Set by a part that met a cell above the maximum cost. */
    private volatile boolean overMax;

    BandSearch(CostDistance.Grid g, float[] f, float[] z, CostDistance.WalkParams wp, int[] grp, double[] charge,
            double[] acc, byte[] dir,
            long[] done, int moves, int[] off, double[] fac, double max, BandQueue queue, RadixHeap heap,
            int splitFrom) {
        this.stride = g.stride;
        this.f = f;
        this.z = z;
        this.grp = grp;
        this.charge = charge;
        this.acc = acc;
        this.dir = dir;
        this.done = done;
        this.moves = moves;
        this.off = off;
        this.via1 = new int[8];
        this.via2 = new int[8];
        for (int k = 0; k < 8; k++) {
            via1[k] = off[CostDistance.VIA1[k]];
            via2[k] = off[CostDistance.VIA2[k]];
        }
        this.fac = fac;
        this.max = max;
        this.queue = queue;
        this.heap = heap;
        this.splitFrom = Math.max(1, splitFrom);
        if (wp != null) {
            a = wp.a();
            b = wp.b();
            c = wp.c();
            d = wp.d();
            lambda = wp.lambda();
            sf = wp.slopeFactor();
        } else {
            a = 0;
            b = 0;
            c = 0;
            d = 0;
            lambda = 1;
            sf = 0;
        }
    }

    /** Runs the search over the bands to its end; returns the cells settled at or below the maximum cost. */
    long run(boolean twoThreads, long cells, CostDistance.Progress progress) {
        this.twoThreads = twoThreads;
        try {
            long settled = 0;
            long reported = 0;
            int n;
            while ((n = queue.nextBand()) > 0) {
                int[] cellsOfBand = queue.band();
                settled += runBand(cellsOfBand, n);
                if (overMax) {
                    queue.stopAfterBand(); // r.cost stops at the first cell above the maximum
                }
                if (settled - reported >= (1 << 20)) {
                    reported = settled;
                    progress.settled(settled, cells);
                }
            }
            return settled;
        } finally {
            if (helper != null) {
                helper.stop();
            }
        }
    }

    private long runBand(int[] cells, int n) {
        if (n < splitFrom) {
            return relax(cells, 0, n, Integer.MIN_VALUE, Integer.MAX_VALUE, 0);
        }
        if (twoThreads && helper == null) {
            helper = new Helper(); // at the first band worth splitting: small searches never start one
        }
        int m = cells[n / 2] / stride; // the middle cell's row: about half the band on each side
        int endA = (m - 2) * stride; // part A: cells below this index; part B: from startB
        int startB = (m + 2) * stride;
        long count;
        if (helper != null) {
            helper.post(cells, n, startB);
            count = relax(cells, 0, n, Integer.MIN_VALUE, endA, 0);
            count += helper.finishOrRunHere();
        } else {
            count = relax(cells, 0, n, Integer.MIN_VALUE, endA, 0);
            count += relax(cells, 0, n, startB, Integer.MAX_VALUE, 1);
        }
        return count + relax(cells, 0, n, endA, startB, 0);
    }

    /**
     * Relaxes the moves out of the band's cells {@code cells[from..to)} whose index lies in
     * {@code [lo, hi)}, pushing into {@code lane}; returns how many of them were at or below the maximum.
     */
    private long relax(int[] cells, int from, int to, int lo, int hi, int lane) {
        long count = 0;
        for (int i = from; i < to; i++) {
            int cell = cells[i];
            if (cell >= lo && cell < hi && relaxCell(cell, lane)) {
                count++;
            }
        }
        return count;
    }

    /**
     * Relaxes the moves out of one settled cell; false (and nothing done) when its cost is above the
     * maximum.
     */
    private boolean relaxCell(int cell, int lane) {
        double cost = acc[cell];
        if (cost > max) {
            overMax = true;
            return false;
        }
        float fc = f[cell];
        if (fc != fc) {
            return true; // an impassable start cell keeps its 0 but leads nowhere
        }
        if (z == null) {
            relaxFriction(cell, cost, fc, lane);
        } else {
            relaxWalk(cell, cost, fc, lane);
        }
        return true;
    }

    /**
     * The search in exact Dijkstra order from a heap, for frictions without a usable positive bound
     * (see {@link CostDistance#minimumMove}); single-threaded.
     */
    long runHeap(long cells, CostDistance.Progress progress) {
        long settled = 0;
        int cell;
        while ((cell = heap.next()) >= 0) {
            if (acc[cell] > max) {
                heap.stopAfterBand(); // r.cost stops at the first cell above the maximum
                continue;
            }
            done[cell >>> 6] |= 1L << cell;
            relaxCell(cell, 0);
            if ((++settled & 0xfffff) == 0) {
                progress.settled(settled, cells);
            }
        }
        return settled;
    }

    private void push(int lane, double cost, int cell) {
        if (queue != null) {
            queue.push(lane, cost, cell);
        } else {
            heap.push(cost, cell);
        }
    }

    private void relaxFriction(int cell, double cost, float fc, int lane) {
        for (int k = 0; k < moves; k++) {
            int nb = cell + off[k];
            if ((done[nb >>> 6] & (1L << nb)) != 0) {
                continue;
            }
            double fs = (double) fc + f[nb];
            if (k >= 8) {
                fs += (double) f[cell + via1[k - 8]] + f[cell + via2[k - 8]];
            }
            double nc = cost + fs * fac[k];
            if (grp != null) {
                nc += crossing(cell, nb, k);
            }
            if (nc < acc[nb]) { // false for NaN: impassable
                acc[nb] = nc;
                push(lane, nc, nb);
                if (dir != null) {
                    dir[nb] = (byte) (k + 1);
                }
            }
        }
    }

    private void relaxWalk(int cell, double cost, float fc, int lane) {
        double zc = z[cell];
        for (int k = 0; k < moves; k++) {
            int nb = cell + off[k];
            if ((done[nb >>> 6] & (1L << nb)) != 0) {
                continue;
            }
            double fa;
            if (k < 8) {
                fa = ((double) fc + f[nb]) / 2.0;
            } else {
                fa = ((double) fc + f[nb] + f[cell + via1[k - 8]] + f[cell + via2[k - 8]]) / 4.0;
            }
            double s = fac[k];
            double dh = z[nb] - zc;
            double slope = dh / s;
            double coef = slope >= 0 ? b : (slope < sf ? d : c);
            double nc = cost + dh * coef + a * s + lambda * fa * s;
            if (grp != null) {
                nc += crossing(cell, nb, k);
            }
            if (nc < acc[nb]) {
                acc[nb] = nc;
                push(lane, nc, nb);
                if (dir != null) {
                    dir[nb] = (byte) (k + 1);
                }
            }
        }
    }

    private double crossing(int cell, int nb, int k) {
        return k < 8 ? CostDistance.crossing(grp, charge, cell, nb, -1, -1)
                : CostDistance.crossing(grp, charge, cell, nb, cell + via1[k - 8], cell + via2[k - 8]);
    }

    /**
     * A second thread for part B of each split band. Hand-over by one atomic state: the searching
     * thread posts B, runs A, then either finds B done (or being done: it waits) or takes B back and
     * runs it itself. The helper spins briefly between bands (they follow each other within
     * microseconds), then parks.
     */
    private final class Helper implements Runnable {
        private static final int IDLE = 0;
        private static final int POSTED = 1;
        private static final int RUNNING = 2;
        private static final int DONE = 3;
        private static final int STOP = 4;

        private final AtomicInteger state = new AtomicInteger(IDLE);
        private final Thread thread;
        private int[] cells;
        private int n;
        private int startB;
        private long count;
        private Throwable failure;

        Helper() {
            thread = Thread.ofPlatform().daemon().name("skydas-cost-distance").unstarted(this);
            thread.start();
        }

        void post(int[] cells, int n, int startB) {
            this.cells = cells;
            this.n = n;
            this.startB = startB;
            state.set(POSTED); // publishes the fields above
            LockSupport.unpark(thread);
        }

        long finishOrRunHere() {
            if (state.compareAndSet(POSTED, IDLE)) {
                return relax(cells, 0, n, startB, Integer.MAX_VALUE, 1);
            }
            int spins = 0;
            int s;
            while ((s = state.get()) != DONE) {
                if (++spins < 20_000) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.parkNanos(50_000);
                }
            }
            state.set(IDLE);
            if (failure != null) {
                Throwable t = failure;
                failure = null;
                if (t instanceof RuntimeException re) {
                    throw re;
                }
                if (t instanceof Error e) {
                    throw e;
                }
                throw new IllegalStateException(t);
            }
            return count;
        }

        @Override
        public void run() {
            int idle = 0;
            while (true) {
                int s = state.get();
                if (s == STOP) {
                    return;
                }
                if (s == POSTED && state.compareAndSet(POSTED, RUNNING)) {
                    idle = 0;
                    try {
                        count = relax(cells, 0, n, startB, Integer.MAX_VALUE, 1);
                    } catch (Throwable t) {
                        failure = t;
                    }
                    state.set(DONE);
                    continue;
                }
                if (++idle < 2_000) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
        }

        void stop() {
            state.set(STOP);
            LockSupport.unpark(thread);
        }
    }
}
