package org.skydas.terrain.cost;

import java.util.Arrays;

/**
 * Dijkstra's front in cost bands as wide as the cheapest possible move (Dial's buckets, exact for
 * real costs): a cell in the lowest non-empty band cannot be improved by any other cell of that band
 * (that would need a move cheaper than the band), so every cell of the band is final and they may be
 * taken in any order, and relaxed all together. A band is handed out whole, in memory order (by
 * blocks of a few thousand cells), so consecutive cells share their neighbourhoods in the cache
 * instead of jumping around the search's ring as a heap's order does: on a 21 M-cell grid that is
 * where most of a heap-based search's time goes (see docs/adr).
 *
 * <p>Cells are pushed into one of two lanes, so that two halves of a band can be relaxed at once,
 * each pushing into its own lane; a band is the first lane's cells, then the second's, put in block
 * order by a stable counting sort, so its order never depends on which thread ran which half.
 * Bands live in circular arrays large enough that a push never wraps onto the band being taken (they
 * grow when a costlier move appears). Stale and duplicate entries are dropped when a band is taken,
 * by a settled bit per cell.
 */
final class BandQueue {

    /** Lanes a band can be pushed from at once. */
    static final int LANES = 2;

    /** Cells a block holds when a band is put in memory order (about a row: one cache neighbourhood). */
    private static final int BLOCK_SHIFT = 12;

    private final double width;
    private final long[] settled;
    private final Lane[] lanes = new Lane[LANES];
    private long current;
    private boolean stopAfterBand;
    private int[] band = new int[1024];
    private int[] histogram = new int[0];

    /** The bands of one lane: a circular array of cell lists. */
    private static final class Lane {
        int[][] bands = new int[64][];
        int[] sizes = new int[64];
        long pending;
    }

    /**
     * {@code width}: a positive lower bound of every move's cost (slightly reduced here against
     * rounding); {@code settled}: one bit per cell, set here when a cell is handed out.
     */
    BandQueue(double width, long[] settled) {
        this.width = width * (1 - 1e-9);
        this.settled = settled;
        for (int i = 0; i < LANES; i++) {
            lanes[i] = new Lane();
        }
    }

    /**
     * A cell reached at {@code cost}, always in a later band than the one being relaxed. Two threads
     * may push at once into different lanes.
     */
    void push(int lane, double cost, int cell) {
        Lane l = lanes[lane];
        long b = (long) (cost / width);
        long ahead = b - current;
        if (ahead >= l.bands.length) {
            grow(l, ahead);
        }
        int slot = (int) (b % l.bands.length);
        int[] list = l.bands[slot];
        int n = l.sizes[slot];
        if (list == null) {
            list = l.bands[slot] = new int[16];
        } else if (n == list.length) {
            list = l.bands[slot] = Arrays.copyOf(list, n * 2);
        }
        list[n] = cell;
        l.sizes[slot] = n + 1;
        l.pending++;
    }

    private void grow(Lane l, long ahead) {
        int cap = l.bands.length;
        int newCap = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(2L * cap, 2 * ahead + 2));
        int[][] nb = new int[newCap][];
        int[] ns = new int[newCap];
        for (int i = 0; i < cap; i++) {
            long b = current + Math.floorMod(i - current, cap);
            int slot = (int) (b % newCap);
            nb[slot] = l.bands[i];
            ns[slot] = l.sizes[i];
        }
        l.bands = nb;
        l.sizes = ns;
    }

    /** After the band being relaxed, {@link #nextBand} ends (a maximum cost was passed). */
    void stopAfterBand() {
        stopAfterBand = true;
    }

    /** The cells of the band last returned by {@link #nextBand} (its first entries). */
    int[] band() {
        return band;
    }

    /**
     * Takes the lowest non-empty band: its cells not settled before, each once, in block order, now
     * marked settled, in {@link #band()}; returns how many, 0 when the search is over.
     */
    int nextBand() {
        while (true) {
            long pending = 0;
            for (Lane l : lanes) {
                pending += l.pending;
            }
            if (pending == 0 || stopAfterBand) {
                return 0;
            }
            int n = 0;
            while (n == 0) {
                for (Lane l : lanes) {
                    n += l.sizes[(int) (current % l.bands.length)];
                }
                if (n == 0) {
                    current++;
                }
            }
            int taken = take(n);
            current++;
            if (taken > 0) {
                return taken;
            }
        }
    }

    /**
     * Moves the {@code n} entries of band {@link #current} out of the lanes into {@link #band} in block
     * order (a counting sort: two passes, stable, so lane 0's cells come before lane 1's within a
     * block, in push order), then drops the settled and repeated ones and marks the rest settled.
     */
    private int take(int n) {
        if (band.length < n) {
            band = new int[Math.max(n, 2 * band.length)];
        }
        int lo = Integer.MAX_VALUE;
        int hi = 0;
        for (Lane l : lanes) {
            int slot = (int) (current % l.bands.length);
            int[] list = l.bands[slot];
            for (int i = 0, m = l.sizes[slot]; i < m; i++) {
                int b = list[i] >>> BLOCK_SHIFT;
                lo = Math.min(lo, b);
                hi = Math.max(hi, b);
            }
        }
        int range = hi - lo + 1;
        boolean counting = range <= 4 * n;
        int[] count = null;
        if (counting) {
            if (histogram.length < range + 1) {
                histogram = new int[Math.max(range + 1, 2 * histogram.length)];
            }
            count = histogram;
            Arrays.fill(count, 0, range + 1, 0);
            for (Lane l : lanes) {
                int slot = (int) (current % l.bands.length);
                int[] list = l.bands[slot];
                for (int i = 0, m = l.sizes[slot]; i < m; i++) {
                    count[(list[i] >>> BLOCK_SHIFT) - lo + 1]++;
                }
            }
            for (int b = 1; b <= range; b++) {
                count[b] += count[b - 1];
            }
        }
        int at = 0;
        for (Lane l : lanes) {
            int slot = (int) (current % l.bands.length);
            int[] list = l.bands[slot];
            int m = l.sizes[slot];
            if (counting) {
                for (int i = 0; i < m; i++) {
                    int c = list[i];
                    band[count[(c >>> BLOCK_SHIFT) - lo]++] = c;
                }
            } else {
                System.arraycopy(list, 0, band, at, m);
                at += m;
            }
            l.pending -= m;
            l.sizes[slot] = 0;
        }
        if (!counting) {
            Arrays.sort(band, 0, n); // a thin band spread over many blocks
        }
        int kept = 0;
        for (int i = 0; i < n; i++) {
            int cell = band[i];
            long bit = 1L << cell;
            int word = cell >>> 6;
            if ((settled[word] & bit) == 0) {
                settled[word] |= bit;
                band[kept++] = cell;
            }
        }
        return kept;
    }
}
