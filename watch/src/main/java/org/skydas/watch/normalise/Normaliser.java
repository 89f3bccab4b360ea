package org.skydas.watch.normalise;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.skydas.ingest.cot.CotEvent;
import org.skydas.ingest.cot.CotXmlWriter;
import org.skydas.ingest.listen.Received;
import org.skydas.ingest.remoteid.OdidJson;
import org.skydas.model.Scenario;
import org.skydas.track.Detection;
import org.skydas.track.SensorModel;
import org.skydas.watch.intake.FeedReport;
import org.skydas.watch.intake.Message;
import org.skydas.watch.normalise.FeedSensorModels.Feed;
import org.skydas.watch.port.GroundHeight;
import org.skydas.watch.port.JournalEntry;
import org.skydas.watch.port.NormalisedBatch;

/**
 * Feed message → journal entry and grid detections. Each message gives exactly one journal entry (the decoded message
 * as received: ADR 0004) and zero or more detections in the LKS-94 grid (ADR 0002) from its feed's converter
 * ({@code *ToDetection}), each stamped with the tracker sensor of its source: every source is its own event reporter
 * (ADR 0005), registered through {@code sensors} with its feed's model ({@link FeedSensorModels}) when first heard.
 * Reports stamped too far ahead of their receipt are journalled but not tracked (a sensor whose clock runs ahead).
 * Used by one thread.
 */
public final class Normaliser {

    /** Sensor id the tracker knows Cursor-on-Target sources by (event reporters: no misses). */
    public static final int COT_SENSOR = 1;

    /**
     * How far ahead of its receipt a report's own time may be, by default, s: 12 h catches the common clock faults
     * (a wrong date or year, an unset real-time clock, most time-zone mix-ups) and leaves room for a simulator that
     * runs its world faster than the wall clock for an hour or more.
     */
    public static final double DEFAULT_MAX_CLOCK_LEAD_S = 43_200;

    private final CotXmlWriter xml = new CotXmlWriter();
    /** Tracker sensor ids of the feeds other than CoT, by source (JSON sensor id, radar SAC/SIC, receiver). */
    private final Map<String, Integer> feedSensors = new HashMap<>();
    private final ScenarioRadars radars;
    private final FeedSensorModels models;
    private final Consumer<SensorModel> sensors;
    private final AtomicLong friendly = new AtomicLong();
    private final AtomicLong untrackable = new AtomicLong();
    private final AtomicLong clockAhead = new AtomicLong();
    private volatile GroundHeight ground = GroundHeight.NONE;
    /** Reports stamped further ahead of their receipt than this are not tracked (see {@link #withMaxClockLead}). */
    private volatile double maxClockLeadS = DEFAULT_MAX_CLOCK_LEAD_S;

    /**
     * @param sensors told each tracker sensor as its source is first heard (CoT's at once), on the calling thread
     */
    public Normaliser(Scenario scenario, FeedSensorModels models, Consumer<SensorModel> sensors) {
        this.radars = ScenarioRadars.of(scenario);
        this.models = Objects.requireNonNull(models, "models");
        this.sensors = sensors;
        sensors.accept(models.of(Feed.COT).sensor(COT_SENSOR));
    }

    /**
     * Whether journal entries carry the message as received (default): off for a journal that does not keep them
     * ({@link org.skydas.watch.port.Journal#keepsMessages()}), so that no message is written back to text for nothing;
     * the entries' payloads are then empty.
     */
    public void rawPayloads(boolean keep) {
        this.rawPayloads = keep;
    }

    private volatile boolean rawPayloads = true;

    private String raw(java.util.function.Supplier<String> payload) {
        return rawPayloads ? payload.get() : "";
    }

    /** See {@link org.skydas.watch.LivePipeline#withMaxClockLead}. */
    public void maxClockLead(double seconds) {
        if (!(seconds > 0)) {
            throw new IllegalArgumentException("the clock lead must be > 0 s, is " + seconds);
        }
        this.maxClockLeadS = seconds;
    }

    /** The ground below targets (DEMs), for class hints from a measured height; without it none are drawn. */
    public void ground(GroundHeight heights) {
        this.ground = Objects.requireNonNull(heights);
    }

    /** Where the scenario's radars stand, for the ASTERIX listener to locate plots. */
    public org.skydas.ingest.asterix.RadarSites radarSites() {
        return radars.sites();
    }

    /** Friendly CoT reports (journalled, not tracked). */
    public long friendly() {
        return friendly.get();
    }

    /** Messages without a position to track (journalled, not tracked). */
    public long untrackable() {
        return untrackable.get();
    }

    /** Reports stamped too far ahead of their receipt (journalled, not tracked). */
    public long clockAhead() {
        return clockAhead.get();
    }

    /** Adds {@code m}'s journal entry, detections and sign of life to {@code out}. */
    public void normalise(Message m, NormalisedBatch out) {
        switch (m) {
            case Message.Cot c -> acceptCot(c.r(), out);
            case Message.Json j -> acceptJson(j, out);
            case Message.Plot p -> acceptPlot(p, out);
            case Message.SystemTrack e -> acceptSystemTrack(e, out);
            case Message.RemoteId r -> acceptRemoteId(r.r(), out);
            case Message.Feed f -> acceptFeed(f.f(), out);
        }
        clockAhead.addAndGet(out.dropLaterThan(m.receivedAtMillis() / 1000.0 + maxClockLeadS));
        out.stamp(out.size() > 0 ? orderedSource(m) : null, m.receivedAtMillis());
    }

    private void acceptCot(Received<CotEvent> r, NormalisedBatch out) {
        CotEvent e = r.message();
        double received = r.receivedAtMillis() / 1000.0;
        out.begin(new JournalEntry(0, received, "cot:" + e.uid(), r.listener(), raw(() -> xml.write(e))));
        if (!CotToDetection.isTrackable(e)) {
            untrackable.incrementAndGet();
        } else if (CotToDetection.isFriendly(e)) {
            friendly.incrementAndGet();
        } else {
            out.add(CotToDetection.convert(e, COT_SENSOR));
        }
        out.signOfLife(source(r), received);
    }

    private void acceptJson(Message.Json item, NormalisedBatch out) {
        Received<org.skydas.ingest.json.Detection> r = item.r();
        org.skydas.ingest.json.Detection d = r.message();
        double received = r.receivedAtMillis() / 1000.0;
        out.begin(new JournalEntry(0, received, d.sensorId(), r.listener(),
                raw(() -> org.skydas.ingest.json.DetectionJson.toJson(d).toString())));
        out.signOfLife(d.sensorId(), received);
        if (!JsonToDetection.hasPosition(d)) {
            untrackable.incrementAndGet();
            return;
        }
        out.add(JsonToDetection.convert(d, sensorIdFor(orderedSource(item), Feed.JSON)));
    }

    private void acceptPlot(Message.Plot p, NormalisedBatch out) {
        double received = p.receivedAtMillis() / 1000.0;
        String source = orderedSource(p);
        out.begin(new JournalEntry(0, received, source, p.listener(), raw(p::recordJson)));
        out.signOfLife(source, received);
        out.add(PlotToDetection.convert(p.plot(), p.receivedAtMillis(), sensorIdFor(source, Feed.RADAR),
                radars.rangeSigmaM(p.plot().sac(), p.plot().sic()), ground));
    }

    private void acceptSystemTrack(Message.SystemTrack e, NormalisedBatch out) {
        double received = e.receivedAtMillis() / 1000.0;
        String source = orderedSource(e);
        out.begin(new JournalEntry(0, received, source, e.listener(), raw(e::recordJson)));
        out.signOfLife(source, received);
        out.add(ExternalTrackToDetection.convert(e.track(), e.receivedAtMillis(), sensorIdFor(source, Feed.SYSTEM_TRACK)));
    }

    private void acceptRemoteId(Received<org.skydas.ingest.remoteid.OdidMessage> r, NormalisedBatch out) {
        double received = r.receivedAtMillis() / 1000.0;
        String source = source(r);
        out.begin(new JournalEntry(0, received, source, r.listener(),
                raw(() -> OdidJson.toJson(r.message(), java.time.Instant.ofEpochMilli(r.receivedAtMillis())).toString())));
        out.signOfLife(source, received);
        Detection d = RemoteIdToDetection.convert(r.message(), r.receivedAtMillis(), sensorIdFor(source, Feed.REMOTE_ID));
        if (d == null) {
            untrackable.incrementAndGet();
        } else {
            out.add(d);
        }
    }

    private void acceptFeed(FeedReport f, NormalisedBatch out) {
        double received = f.receivedAtMillis() / 1000.0;
        out.begin(new JournalEntry(0, received, f.source(), f.listener(), raw(f::journalJson)));
        if (f.signOfLife()) {
            out.signOfLife(f.source(), received);
        }
        for (Detection d : f.detections()) {
            out.add(fromSensor(d, sensorIdFor(f.source(), feedOf(f.source()))));
        }
        for (org.skydas.alert.Finding x : f.findings()) {
            out.sensorFinding(x);
        }
    }

    /** The kind of a self-converting feed, from its source's prefix ({@code sapient:}, {@code gmti:}, {@code onvif:}). */
    static Feed feedOf(String source) {
        if (source.startsWith("sapient:")) {
            return Feed.SAPIENT;
        }
        if (source.startsWith("gmti:")) {
            return Feed.GMTI;
        }
        return source.startsWith("onvif:") ? Feed.ONVIF : Feed.JSON;
    }

    /** {@code d} as reported by tracker sensor {@code sensorId}. */
    private static Detection fromSensor(Detection d, int sensorId) {
        return d.withSensorId(sensorId);
    }

    /** Each feed (JSON sensor, radar, Remote ID receiver) is its own event reporter to the tracker, registered when first heard. */
    private int sensorIdFor(String source, Feed feed) {
        Integer id = feedSensors.get(source);
        if (id == null) {
            id = COT_SENSOR + 1 + feedSensors.size();
            feedSensors.put(source, id);
            sensors.accept(models.of(feed).sensor(id));
        }
        return id;
    }

    /** The stream a message came in, within which reports arrive in time order (a connection, a sensor). */
    static String orderedSource(Message m) {
        return switch (m) {
            case Message.Cot c -> c.r().listener() + "@" + c.r().peer();
            case Message.Json j -> "json:" + j.r().message().sensorId();
            case Message.Plot p -> "asterix:" + p.plot().radar();
            case Message.SystemTrack e -> "asterix62:" + e.track().sac() + "/" + e.track().sic();
            case Message.RemoteId r -> r.r().listener() + "@" + r.r().peer();
            case Message.Feed f -> f.f().source();
        };
    }

    /** A feed is known by listener and sending host; its silence raises sensor_down. */
    private static String source(Received<?> r) {
        return r.listener() + (r.peer() == null ? "" : ":" + r.peer().getAddress().getHostAddress());
    }
}
