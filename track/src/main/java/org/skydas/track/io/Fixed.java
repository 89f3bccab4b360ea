package org.skydas.track.io;

/**
 * Fixed-decimal number formatting without {@code String.format} (which costs microseconds per
 * number and dominates writing a large tracks file). Rounds half away from zero.
 */
final class Fixed {

    private static final long[] POW10 = {1, 10, 100, 1000, 10000, 100000, 1000000};

    private Fixed() {
    }

    static StringBuilder append(StringBuilder sb, double v, int decimals) {
        if (!Double.isFinite(v) || Math.abs(v) > 1e12) {
            return sb.append(v);
        }
        long scale = POW10[decimals];
        long scaled = Math.round(Math.abs(v) * scale);
        if (v < 0 && scaled != 0) {
            sb.append('-');
        }
        sb.append(scaled / scale);
        if (decimals > 0) {
            sb.append('.');
            String frac = Long.toString(scaled % scale);
            for (int i = frac.length(); i < decimals; i++) {
                sb.append('0');
            }
            sb.append(frac);
        }
        return sb;
    }
}
