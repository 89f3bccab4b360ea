package org.skydas.ingest.asterix;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where each radar of a feed stands, by SAC/SIC: configured sites (from the scenario) first; a radar that is
 * not configured but announces its own position in CAT034 I034/120 is learnt from that. Thread-safe: the
 * ASTERIX listener reads and learns on its I/O thread while configuration may be read elsewhere.
 */
public final class RadarSites {

    private final Map<Integer, PolarPlotLocator> configured = new ConcurrentHashMap<>();
    private final Map<Integer, PolarPlotLocator> learnt = new ConcurrentHashMap<>();

    static int key(int sac, int sic) {
        return (sac & 0xFF) << 8 | (sic & 0xFF);
    }

    /** Configures a radar's site; a configured site always wins over what the radar says in CAT034. */
    public RadarSites configure(int sac, int sic, RadarSite site) {
        configured.put(key(sac, sic), new PolarPlotLocator(site));
        return this;
    }

    /** Learns the site a radar announced (CAT034 I034/120) unless it is configured. */
    public void learn(int sac, int sic, RadarSite site) {
        int k = key(sac, sic);
        if (configured.containsKey(k)) {
            return;
        }
        PolarPlotLocator known = learnt.get(k);
        if (known == null || !known.site().equals(site)) {
            learnt.put(k, new PolarPlotLocator(site));
        }
    }

    /** The locator for a radar, or null when its site is unknown. */
    public PolarPlotLocator locator(int sac, int sic) {
        int k = key(sac, sic);
        PolarPlotLocator p = configured.get(k);
        return p != null ? p : learnt.get(k);
    }

    public int configuredCount() {
        return configured.size();
    }

    public int learntCount() {
        return learnt.size();
    }
}
