package org.skydas.track;

/**
 * The last {@code capacity} positions of a track (ring buffer): memory per track stays bounded
 * however long the track lives.
 */
public final class TrackHistory {

    private final double[] t;
    private final double[] x;
    private final double[] y;
    private int start;
    private int size;

    public TrackHistory(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1");
        }
        t = new double[capacity];
        x = new double[capacity];
        y = new double[capacity];
    }

    /** Appends a point, dropping the oldest when full. */
    public void add(double time, double px, double py) {
        int cap = t.length;
        int i;
        if (size < cap) {
            i = (start + size) % cap;
            size++;
        } else {
            i = start;
            start = (start + 1) % cap;
        }
        t[i] = time;
        x[i] = px;
        y[i] = py;
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return t.length;
    }

    /** Time of the i-th stored point, 0 = oldest. */
    public double time(int i) {
        return t[index(i)];
    }

    public double x(int i) {
        return x[index(i)];
    }

    public double y(int i) {
        return y[index(i)];
    }

    private int index(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i);
        }
        return (start + i) % t.length;
    }
}
