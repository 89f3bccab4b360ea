package org.skydas.terrain.cost;

import java.util.Arrays;

/**
 * Dijkstra's front in cost bands as wide as the cheapest possible move (Dial's buckets, exact for
 * real costs): a cell in the lowest non-empty band cannot be improved by any other cell of that band
 * (that would need a move cheaper than the band), so every cell of the band is final and they may be
 * taken in any order. They are taken in memory order (sorted by index), so consecutive cells share
 * their neighbourhoods in the cache instead of jumping around the search's ring as a heap's order
 * does: on a 21 M-cell grid that is where most of a heap-based search's time goes (see docs/adr).
 *
 * <p>Bands live in a circular array large enough that a push never wraps onto the band being
 * taken (it grows when a costlier move appears). Stale and duplicate entries are skipped by a
 * settled bit per cell.
 */
final class BandQueue implements Frontier {

    private final double width;
    private final long[] settled;
    private int[][] bands;
    private int[] sizes;
    private long current;
    private long pending;
    private int[] taking = new int[0];
    private int takingSize;
    private int takingAt;
    private boolean stopAfterBand;

    /**
     * {@code width}: a positive lower bound of every move's cost (slightly reduced here against
     * rounding); {@code settled}: one bit per cell, set here when a cell is handed out.
     */
    BandQueue(double width, long[] settled) {
        this.width = width * (1 - 1e-9);
        this.settled = settled;
        this.bands = new int[64][];
        this.sizes = new int[64];
    }

    @Override
    public void push(double cost, int cell) {
        long band = (long) (cost / width);
        long ahead = band - current;
        if (ahead >= bands.length) {
            grow(ahead);
        }
        int slot = (int) (band % bands.length);
        int[] list = bands[slot];
        int n = sizes[slot];
        if (list == null) {
            list = bands[slot] = new int[16];
        } else if (n == list.length) {
            list = bands[slot] = Arrays.copyOf(list, n * 2);
        }
        list[n] = cell;
        sizes[slot] = n + 1;
        pending++;
    }

    private void grow(long ahead) {
        int cap = bands.length;
        int newCap = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(2L * cap, 2 * ahead + 2));
        int[][] nb = new int[newCap][];
        int[] ns = new int[newCap];
        for (int i = 0; i < cap; i++) {
            long band = current + Math.floorMod(i - current, cap);
            int slot = (int) (band % newCap);
            nb[slot] = bands[i];
            ns[slot] = sizes[i];
        }
        bands = nb;
        sizes = ns;
    }

    /** After the band being taken, {@link #next} ends (a maximum cost was passed). */
    @Override
    public void stopAfterBand() {
        stopAfterBand = true;
    }

    /** The next cell to settle (marked settled), or -1 when none is left. */
    @Override
    public int next() {
        while (true) {
            while (takingAt < takingSize) {
                int cell = taking[takingAt++];
                long bit = 1L << cell;
                int word = cell >>> 6;
                if ((settled[word] & bit) == 0) {
                    settled[word] |= bit;
                    return cell;
                }
            }
            if (pending == 0 || (stopAfterBand && takingSize > 0)) {
                return -1;
            }
            if (takingSize > 0) {
                current++;
            }
            takingSize = 0;
            takingAt = 0;
            int slot;
            while (sizes[slot = (int) (current % bands.length)] == 0) {
                current++;
            }
            // swap the band's list out so pushes during the band (always to later bands) cannot touch it
            int n = sizes[slot];
            int[] list = bands[slot];
            bands[slot] = taking.length >= 16 ? taking : null;
            sizes[slot] = 0;
            taking = list;
            takingSize = n;
            pending -= n;
            Arrays.sort(taking, 0, n);
        }
    }
}
