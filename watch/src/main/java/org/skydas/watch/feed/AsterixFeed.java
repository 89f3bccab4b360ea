package org.skydas.watch.feed;

import java.net.InetSocketAddress;
import java.util.Locale;

import org.skydas.ingest.asterix.AsterixRecord;
import org.skydas.ingest.asterix.Cat062Tracks;
import org.skydas.ingest.asterix.ExternalTrack;
import org.skydas.ingest.asterix.PlotReport;
import org.skydas.ingest.asterix.RadarPlotReader;
import org.skydas.ingest.listen.AsterixListener;
import org.skydas.ingest.listen.ListenerStats;
import org.skydas.watch.LivePipeline;

/**
 * Glue between an ASTERIX listener and the pipeline: CAT034 teaches radar sites, CAT048 plots are located and
 * queued with their record as JSON for the journal. Its own counters ({@code asterix-plots}) say what became of
 * the non-service records: located plots and CAT062 system tracks (fed to the tracker as external tracks) are
 * "decoded"; records from a radar whose site is unknown, without a measured position, or of a category the
 * pipeline does not track are counted by reason. Runs on the listener's I/O thread (one per UDP channel), so it keeps no shared state
 * besides the sites.
 */
public final class AsterixFeed implements AsterixListener.RecordSink {

    private final LivePipeline pipeline;
    private final RadarPlotReader reader;
    private final ListenerStats stats = new ListenerStats("asterix-plots");
    private final java.util.Map<org.skydas.ingest.asterix.AsterixCategory, Cat062Tracks> cat062 =
            new java.util.IdentityHashMap<>();

    public AsterixFeed(LivePipeline pipeline) {
        this.pipeline = pipeline;
        this.reader = new RadarPlotReader(pipeline.radarSites());
    }

    @Override
    public boolean offer(AsterixRecord record, InetSocketAddress peer, long receivedAtMillis) {
        PlotReport plot = reader.read(record);
        if (reader.lastOutcome() == RadarPlotReader.Outcome.SERVICE) {
            return true; // CAT034: north markers and sector crossings; the reader learnt the site if announced
        }
        stats.received();
        if (record.category().number() == 62) {
            ExternalTrack t = cat062.computeIfAbsent(record.category(), Cat062Tracks::new).read(record);
            if (t == null || !Double.isFinite(t.latitudeDeg()) || !Double.isFinite(t.longitudeDeg())) {
                stats.malformed("system track without source, number, time or position (I062/010, 040, 070, 105)");
                return true;
            }
            stats.decoded();
            return pipeline.offerExternalTrack(t, record.toJson(), "asterix-udp", receivedAtMillis);
        }
        if (plot != null) {
            stats.decoded();
            return pipeline.offerPlot(plot, record.toJson(), "asterix-udp", receivedAtMillis);
        }
        switch (reader.lastOutcome()) {
            case NO_SITE -> stats.malformed("radar site unknown (configure asterix_sac/asterix_sic or send CAT034 I034/120)");
            case NO_POSITION -> stats.malformed("no measured position (I048/010 or I048/040 missing)");
            default -> stats.malformed("category " + record.category().number() + " not tracked".toLowerCase(Locale.ROOT));
        }
        return true;
    }

    public ListenerStats stats() {
        return stats;
    }
}
