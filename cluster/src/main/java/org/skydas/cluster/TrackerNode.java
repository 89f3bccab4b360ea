package org.skydas.cluster;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.skydas.alert.AlertBook;
import org.skydas.alert.Finding;
import org.skydas.model.Scenario;
import org.skydas.store.watch.WatchStore;
import org.skydas.track.Detection;
import org.skydas.track.TrackState;
import org.skydas.watch.loop.WatchLoop;
import org.skydas.watch.normalise.FeedSensorModels;
import org.skydas.watch.normalise.Normaliser;
import org.skydas.watch.port.AlertSink;
import org.skydas.watch.port.PortException;
import org.skydas.watch.port.TrackHistory;
import org.skydas.watch.port.TrackPoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A tracker node of a scaled-out WATCH (docs/adr/0024-kafka-scale-out.md): the {@link SectorHandler} that runs one
 * {@link WatchLoop} (tracker → rules → alerts) per owned partition of the sector topic, writes alerts to the shared
 * PostgreSQL store with idempotent keys ({@link WatchStore#raiseShared}), and publishes tracks and alerts to topics.
 *
 * <p><b>Owner and halo.</b> Every loop tracks all the detections its partition carries, halo copies included, so a
 * target near a sector boundary is tracked by both owners. But only the loop whose partition owns the position raises
 * an alert (the finding's place) or publishes a track update (the track's estimate): {@link SectorMap#route} is the
 * same function on every node, so for a given place exactly one loop speaks.
 *
 * <p><b>One track across owners.</b> Tracks are published under a global id. A local track takes the global id of a
 * recently published track it continues ({@link TrackRegistry}: same external id, else the nearest estimate within a
 * gate), else a new one ({@link DetectionIds} of this node: unique without coordination). Alerts name the global id
 * ({@code track:G}), so the store's one open alert per subject and rule folds whatever two loops — or a loop and its
 * own replay after a failover — find about the same target.
 *
 * <p><b>After a failover.</b> A partition newly assigned starts from the earlier of the group's committed offset and
 * the first record of the last {@code rebuildS} seconds, in a fresh loop: the tracks are rebuilt from the replay and
 * adopt the global ids the dead node published; the alerts they raise again fold into the open ones. Delivery is at
 * least once; alerts are at most one open per subject and rule; track history is keyed (track, time).
 *
 * <p><b>Off the consumer's thread.</b> Alerts and track points go to one store writer thread (the store's connection
 * is used by it alone), which writes whatever is waiting in one transaction: the consumer never waits for PostgreSQL
 * while it tracks, and under a burst alerts are written in groups. The tracked-topic records are sent without waiting.
 * Both are waited for once, by {@link #flush}, before the consumer commits offsets (every half second).
 *
 * <p>Thread-safety: the consumer thread calls the handler methods and a ticker lets time pass every 100 ms (the
 * reorder window, silent tracks ageing); both under this object's lock. The store writer never takes it.
 */
public final class TrackerNode implements SectorHandler, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TrackerNode.class);

    /** How a tracker node works: reorder window, replay on take-over, track publication step (s). */
    public record Settings(double windowS, double rebuildS, double publishStepS) {
        public static Settings defaults() {
            return new Settings(0.5, 10, 1.0);
        }
    }

    /** Running totals of a tracker node. */
    public record Counters(long detections, long duplicateCopies, long replayedSkipped, long alertsNew,
                           long alertsFolded, long findingsNotOwned, long tracksPublished, long adoptedByExternalId,
                           long adoptedByPosition, long newGlobalIds, long storeFailures) {
    }

    private static final AlertBook.Raised NOT_RAISED_HERE = new AlertBook.Raised(null, false, null);

    private final Scenario scenario;
    private final SectorMap map;
    private final int nodeId;
    private final WatchStore store;
    private final Producer<String, byte[]> producer;
    private final ClusterTopics topics;
    private final Admin admin;
    private final String groupId;
    private final Settings settings;
    private final FeedSensorModels models;
    private final DetectionIds globalIds;
    private final TrackRegistry registry = new TrackRegistry();
    /** One border index for every loop of the node (the loops run one at a time, under this object's lock). */
    private final org.skydas.alert.BorderIndex border;
    private final Map<Integer, PartitionLoop> loops = new HashMap<>();
    private final ScheduledExecutorService ticker;
    private final Thread registryReader;
    private volatile boolean running = true;
    private KafkaConsumer<String, byte[]> registryConsumer;

    private final AtomicLong detections = new AtomicLong();
    private final AtomicLong duplicateCopies = new AtomicLong();
    private final AtomicLong replayedSkipped = new AtomicLong();
    private final AtomicLong alertsNew = new AtomicLong();
    private final AtomicLong alertsFolded = new AtomicLong();
    private final AtomicLong findingsNotOwned = new AtomicLong();
    private final AtomicLong tracksPublished = new AtomicLong();
    private final AtomicLong adoptedByExternalId = new AtomicLong();
    private final AtomicLong adoptedByPosition = new AtomicLong();
    private final AtomicLong newGlobalIds = new AtomicLong();
    private final AtomicLong storeFailures = new AtomicLong();
    private final AtomicLong tracksNotPublished = new AtomicLong();
    /** The tracked-topic records of handled batches, acknowledged by {@link #flush} before their offsets commit. */
    private final List<Future<RecordMetadata>> pendingAcks = new ArrayList<>();
    private final StoreWriter storeWriter = new StoreWriter();
    private final long startedAtMs = System.currentTimeMillis();
    /** How far the tracks-topic reader has read, per partition of the tracks topic (its next offset). */
    private final Map<Integer, Long> registryRead = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile boolean registryCaughtUp;
    private final Thread storeWriterThread;

    /**
     * A tracker node {@code nodeId} over {@code scenario}'s sectors ({@code map}), writing alerts and track history to
     * {@code store} (PostgreSQL, shared), publishing with {@code producer} (idempotent, acks=all) to {@code topics},
     * reading offsets with {@code admin} for consumer group {@code groupId}. Starts the ticker and the reader of the
     * tracks topic (from {@code bootstrap}).
     */
    public TrackerNode(Scenario scenario, SectorMap map, int nodeId, WatchStore store, Producer<String, byte[]> producer,
                       ClusterTopics topics, Admin admin, String bootstrap, String groupId, Settings settings) {
        this.scenario = scenario;
        this.map = map;
        this.nodeId = nodeId;
        this.store = store;
        this.producer = producer;
        this.topics = topics;
        this.admin = admin;
        this.groupId = groupId;
        this.settings = settings;
        this.models = FeedSensorModels.fromMetadata(scenario.metadata());
        this.border = new org.skydas.alert.BorderIndex(scenario);
        this.globalIds = DetectionIds.forTracks(nodeId); // exact in the browser: below 2^53
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "skydas-tracker-tick-" + nodeId);
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleWithFixedDelay(this::tick, 100, 100, TimeUnit.MILLISECONDS);
        this.registryReader = new Thread(() -> readTracks(bootstrap), "skydas-tracks-reader-" + nodeId);
        registryReader.setDaemon(true);
        registryReader.start();
        this.storeWriterThread = new Thread(storeWriter, "skydas-store-writer-" + nodeId);
        storeWriterThread.setDaemon(true);
        storeWriterThread.start();
    }

    // ---- SectorHandler -------------------------------------------------------------------------------------------

    /** How long a take-over waits for the tracks-topic reader to have read what was published before it (ms). */
    public static final long REGISTRY_CATCH_UP_MS = 30_000;

    /**
     * Waits until the tracks-topic reader has read every track published before now (at most {@code timeoutMs}): a
     * node just started — or started again after a crash — must know the global ids the others (and its former self)
     * published before it replays a partition, else its replayed tracks take new ids and raise their alerts a second
     * time. Call it before the node joins the tracker group (so that no partition waits for it); a take-over calls it
     * too until it has succeeded once (afterwards the reader follows the topic). True when caught up.
     */
    public boolean awaitTracksRead(long timeoutMs) {
        if (registryCaughtUp) {
            return true;
        }
        long t0 = System.currentTimeMillis();
        try {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (org.apache.kafka.common.TopicPartitionInfo p : admin.describeTopics(List.of(topics.tracks()))
                    .allTopicNames().get(10, TimeUnit.SECONDS).get(topics.tracks()).partitions()) {
                latest.put(new TopicPartition(topics.tracks(), p.partition()), OffsetSpec.latest());
            }
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end = admin.listOffsets(latest).all()
                    .get(10, TimeUnit.SECONDS);
            while (running && System.currentTimeMillis() - t0 < timeoutMs) {
                boolean caughtUp = true;
                for (var e : end.entrySet()) {
                    if (registryRead.getOrDefault(e.getKey().partition(), -1L) < e.getValue().offset()) {
                        caughtUp = false;
                        break;
                    }
                }
                if (caughtUp) {
                    registryCaughtUp = true;
                    LOG.info("event=tracker_registry_caught_up node={} waited_ms={} tracks={}", nodeId,
                            System.currentTimeMillis() - t0, registry.size());
                    return true;
                }
                Thread.sleep(50);
            }
            LOG.warn("event=tracker_registry_behind node={} waited_ms={} action=go_on", nodeId,
                    System.currentTimeMillis() - t0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("event=tracker_registry_unknown node={} action=go_on error=\"{}\"", nodeId, e.toString());
        }
        return false;
    }

    @Override
    public synchronized Map<Integer, Long> assigned(Collection<OwnedPartition> partitions) {
        awaitTracksRead(REGISTRY_CATCH_UP_MS);
        Map<Integer, Long> starts = new HashMap<>();
        for (OwnedPartition p : partitions) {
            loops.put(p.partition(), new PartitionLoop(p.partition()));
        }
        try {
            starts.putAll(replayStarts(partitions));
        } catch (Exception e) {
            LOG.warn("event=tracker_replay_unknown node={} action=start_at_committed error=\"{}\"", nodeId, e.toString());
        }
        LOG.info("event=tracker_partitions_assigned node={} partitions={} replay_from={}", nodeId,
                partitions.stream().map(OwnedPartition::partition).sorted().toList(), starts);
        return starts;
    }

    /** Per partition: the earlier of the committed offset and the first record of the last rebuildS seconds. */
    private Map<Integer, Long> replayStarts(Collection<OwnedPartition> partitions) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
        long since = System.currentTimeMillis() - (long) (settings.rebuildS() * 1000);
        for (OwnedPartition p : partitions) {
            specs.put(new TopicPartition(topics.detections(), p.partition()), OffsetSpec.forTimestamp(since));
        }
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> recent = admin.listOffsets(specs).all()
                .get(10, TimeUnit.SECONDS);
        Map<Integer, Long> starts = new HashMap<>();
        for (OwnedPartition p : partitions) {
            TopicPartition tp = new TopicPartition(topics.detections(), p.partition());
            OffsetAndMetadata c = committed.get(tp);
            ListOffsetsResult.ListOffsetsResultInfo r = recent.get(tp);
            if (c == null) {
                continue; // never committed: the group's reset policy (earliest) loses nothing
            }
            long start = c.offset();
            if (r != null && r.offset() >= 0) {
                start = Math.min(start, r.offset());
            }
            starts.put(p.partition(), start);
        }
        return starts;
    }

    @Override
    public synchronized void handle(SectorBatch batch) throws Exception {
        PartitionLoop pl = loops.computeIfAbsent(batch.partition(), PartitionLoop::new);
        long[] owners = new long[batch.detections().size()];
        int nOwners = 0;
        int taken = 0;
        for (int i = 0; i < batch.detections().size(); i++) {
            long offset = batch.offsets().get(i);
            SectorDetection d = batch.detections().get(i);
            if (!d.halo()) {
                owners[nOwners++] = d.id();
            }
            if (offset <= pl.applied) {
                replayedSkipped.incrementAndGet();
                continue; // a batch delivered again after a throw: the tracker already took it
            }
            pl.applied = offset;
            if (pl.recent.put(d.id(), Boolean.TRUE) != null) {
                duplicateCopies.incrementAndGet(); // owner and halo copy of one detection in one partition
                continue;
            }
            pl.loop.detection(pl.withSensor(d), d.source(), d.receivedAtMillis());
            taken++;
        }
        detections.addAndGet(taken);
        pl.loop.endBatch(taken, taken > 0, System.currentTimeMillis());
        if (nOwners > 0) {
            ByteBuffer ids = ByteBuffer.allocate(8 * nOwners);
            for (int i = 0; i < nOwners; i++) {
                ids.putLong(owners[i]);
            }
            // Acknowledged before the batch counts as handled: what the demo reads as "tracked" is never overstated.
            // Acknowledged (flush) before the batch's offsets commit: what the demo reads as "tracked" is never
            // overstated. Waited for once per poll, not once per partition's batch.
            pendingAcks.add(producer.send(new ProducerRecord<>(topics.tracked(), batch.partition(),
                    Integer.toString(nodeId), ids.array())));
        }
    }

    /**
     * Makes durable what the handled batches left in flight: waits until the store writer has written every finding
     * and track point handed to it so far, then until Kafka acknowledged the tracked-topic records. A store failure is
     * retried by the writer (its findings and points stay queued; the batches come again, but the tracker, having
     * taken them, skips them); a failed acknowledgement is sent again with the redelivery.
     */
    @Override
    public void flush() throws Exception {
        // The alerts and track points of what was handled are in the store (waited for outside this object's lock:
        // the writer never takes it), then the tracked-topic records acknowledged.
        storeWriter.awaitWritten(30_000);
        awaitTrackedAcks();
    }

    private synchronized void awaitTrackedAcks() throws Exception {
        try {
            for (Future<RecordMetadata> f : pendingAcks) {
                f.get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException e) {
            throw new PortException("tracked ids not acknowledged: " + e.getCause(), e.getCause());
        } finally {
            pendingAcks.clear();
        }
    }

    @Override
    public synchronized void revoked(Collection<Integer> partitions) {
        partitions.forEach(loops::remove);
        LOG.info("event=tracker_partitions_revoked node={} partitions={}", nodeId, partitions);
    }

    /** Lets time pass in every loop (reorder window, ageing, the rules' clock) when no data comes. */
    private synchronized void tick() {
        if (!running) {
            return;
        }
        for (PartitionLoop pl : loops.values()) {
            try {
                pl.loop.endBatch(0, false, System.currentTimeMillis());
            } catch (PortException | RuntimeException e) {
                long n = storeFailures.incrementAndGet();
                if (Long.bitCount(n) == 1) {
                    LOG.warn("event=tracker_tick_failed node={} partition={} failures={} error=\"{}\"", nodeId,
                            pl.partition, n, e.toString());
                }
            }
        }
    }

    // ---- one partition's watch loop -----------------------------------------------------------------------------

    /** A local track of one loop: its last estimate, its global id once known (-1 before), publication state. */
    private static final class LocalTrack {
        TrackState last;
        long global = -1;
        double publishedT = Double.NEGATIVE_INFINITY;
        boolean publishedLast;
        /** Kafka's answer to the last publication of this track (alerts naming it wait for it), or null. */
        Future<RecordMetadata> published;
        double nextAdoptAttemptT = Double.NEGATIVE_INFINITY;
    }

    private final class PartitionLoop {
        final int partition;
        final WatchLoop loop;
        long applied = -1;
        final Map<String, Integer> sensors = new HashMap<>();
        final Map<Long, Boolean> recent = new LinkedHashMap<>(1024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
                return size() > 200_000;
            }
        };
        final Map<Long, LocalTrack> tracks = new HashMap<>();
        final Set<Long> globalsInUse = new HashSet<>();
        final List<Long> ended = new ArrayList<>();

        PartitionLoop(int partition) {
            this.partition = partition;
            this.loop = new WatchLoop(scenario, border, settings.windowS(), new Sink(this), new History(this));
            loop.registerSensor(models.of(FeedSensorModels.Feed.COT).sensor(Normaliser.COT_SENSOR));
            loop.onTrackChange(this::updated, this::deleted);
        }

        Detection withSensor(SectorDetection d) {
            String source = d.source();
            Integer id = sensors.get(source);
            if (id == null) {
                FeedSensorModels.Feed feed = feedOf(source);
                if (feed == FeedSensorModels.Feed.COT) {
                    id = Normaliser.COT_SENSOR;
                } else {
                    id = Normaliser.COT_SENSOR + 1 + sensors.size();
                    loop.registerSensor(models.of(feed).sensor(id));
                }
                sensors.put(source, id);
            }
            Detection x = d.detection();
            return new Detection(x.t(), id, x.x(), x.y(), x.z(), x.varZ(), x.varX(), x.covXY(), x.varY(), x.vx(), x.vy(),
                    x.classHint(), x.classConfidence(), x.externalId(), x.snr(), x.dimension());
        }

        boolean owns(double x, double y) {
            return Double.isFinite(x) && Double.isFinite(y) && map.ownerPartition(x, y) == partition;
        }

        /** The global ids this loop's tracks carry (kept as they are given and as tracks end, not rebuilt per call). */
        Set<Long> inUse() {
            return globalsInUse;
        }

        /** The global id of a local track: adopted from a published one, or new once the track must be named. */
        long resolve(LocalTrack lt, boolean mustName) {
            if (lt.global >= 0) {
                return lt.global;
            }
            TrackState s = lt.last;
            if (mustName || s.t() >= lt.nextAdoptAttemptT) {
                lt.nextAdoptAttemptT = s.t() + 1.0;
                long g = registry.adopt(s.externalId(), s.t(), s.x(), s.y(), inUse());
                if (g >= 0) {
                    lt.global = g;
                    globalsInUse.add(g);
                    (s.externalId() != null ? adoptedByExternalId : adoptedByPosition).incrementAndGet();
                    return g;
                }
            }
            if (mustName) {
                lt.global = globalIds.next();
                globalsInUse.add(lt.global);
                newGlobalIds.incrementAndGet();
            }
            return lt.global;
        }

        void updated(TrackState s) {
            // A track deleted in an earlier batch and its id: forget them now that their findings were raised.
            if (!ended.isEmpty()) {
                for (Long id : ended) {
                    LocalTrack gone = tracks.remove(id);
                    if (gone != null && gone.global >= 0) {
                        globalsInUse.remove(gone.global);
                    }
                }
                ended.clear();
            }
            LocalTrack lt = tracks.computeIfAbsent(s.id(), k -> new LocalTrack());
            lt.last = s;
            boolean owned = owns(s.x(), s.y());
            long g = resolve(lt, owned);
            if (owned && (!lt.publishedLast || s.t() - lt.publishedT >= settings.publishStepS())) {
                lt.published = publishTrack(g, s, false);
                lt.publishedT = s.t();
            }
            lt.publishedLast = owned;
        }

        void deleted(TrackState s) {
            LocalTrack lt = tracks.get(s.id());
            if (lt != null && lt.global >= 0 && owns(s.x(), s.y())) {
                publishTrack(lt.global, s, true);
            }
            ended.add(s.id());
        }

        Future<RecordMetadata> publishTrack(long g, TrackState s, boolean deleted) {
            String sector = map.owner(s.x(), s.y());
            Map<String, Double> classes = new LinkedHashMap<>();
            for (org.skydas.model.TargetKind k : org.skydas.model.TargetKind.values()) {
                classes.put(k.name().toLowerCase(java.util.Locale.ROOT), s.classProbability(k));
            }
            ClusterRecords.TrackRecord r = new ClusterRecords.TrackRecord(g, nodeId, partition, sector, s.t(), s.x(),
                    s.y(), s.vx(), s.vy(), s.mostLikelyClass().name().toLowerCase(java.util.Locale.ROOT), deleted,
                    s.externalId(), System.currentTimeMillis(), s.status().name().toLowerCase(java.util.Locale.ROOT),
                    s.existence(), classes);
            registry.note(r);
            Future<RecordMetadata> sent = producer.send(new ProducerRecord<>(topics.tracks(), Long.toString(g),
                    ClusterRecords.encode(r)));
            tracksPublished.incrementAndGet();
            return sent;
        }

        /** {@code track:LOCAL} → {@code track:GLOBAL}; other subjects unchanged. Null when the track is unknown. */
        String globalSubject(String subject) {
            if (!subject.startsWith("track:")) {
                return subject;
            }
            LocalTrack lt = tracks.get(Long.parseLong(subject.substring(6)));
            if (lt == null) {
                return null;
            }
            long g = resolve(lt, true);
            if (lt.publishedT == Double.NEGATIVE_INFINITY) {
                // An alert names it before any update of it was published: publish it, so that a replay finds it.
                lt.published = publishTrack(g, lt.last, false);
                lt.publishedT = lt.last.t();
            }
            return "track:" + g;
        }

        /** Kafka's answer to the last publication of the track {@code localSubject} names, or null. */
        Future<RecordMetadata> publication(String localSubject) {
            if (!localSubject.startsWith("track:")) {
                return null;
            }
            LocalTrack lt = tracks.get(Long.parseLong(localSubject.substring(6)));
            return lt == null ? null : lt.published;
        }

        String externalIdOf(String localSubject) {
            if (!localSubject.startsWith("track:")) {
                return null;
            }
            LocalTrack lt = tracks.get(Long.parseLong(localSubject.substring(6)));
            return lt == null ? null : lt.last.externalId();
        }
    }

    /** The kind of feed a source is ("cot-tcp@…", "json:S1", "asterix:R1"…), for its tracker sensor model. */
    static FeedSensorModels.Feed feedOf(String source) {
        if (source.startsWith("cot") || source.startsWith("tak")) {
            return FeedSensorModels.Feed.COT;
        }
        if (source.startsWith("asterix62:")) {
            return FeedSensorModels.Feed.SYSTEM_TRACK;
        }
        if (source.startsWith("asterix:")) {
            return FeedSensorModels.Feed.RADAR;
        }
        if (source.startsWith("remoteid")) {
            return FeedSensorModels.Feed.REMOTE_ID;
        }
        if (source.startsWith("sapient:")) {
            return FeedSensorModels.Feed.SAPIENT;
        }
        if (source.startsWith("gmti:")) {
            return FeedSensorModels.Feed.GMTI;
        }
        return source.startsWith("onvif:") ? FeedSensorModels.Feed.ONVIF : FeedSensorModels.Feed.JSON;
    }

    /** A loop's alert sink: only findings whose place this partition owns, under global ids, to the shared store. */
    private final class Sink implements AlertSink {
        private final PartitionLoop pl;

        Sink(PartitionLoop pl) {
            this.pl = pl;
        }

        @Override
        public List<AlertBook.Raised> raise(List<Finding> findings, List<Long> receivedAtMillis) throws PortException {
            List<AlertBook.Raised> out = new ArrayList<>(findings.size());
            List<Finding> mine = new ArrayList<>();
            List<Integer> at = new ArrayList<>();
            for (int i = 0; i < findings.size(); i++) {
                Finding f = findings.get(i);
                boolean owned = Double.isFinite(f.x()) ? pl.owns(f.x(), f.y())
                        : f.sectorId() != null && map.knows(f.sectorId()) && map.partitionOf(f.sectorId()) == pl.partition;
                String subject = owned ? pl.globalSubject(f.subject()) : null;
                out.add(NOT_RAISED_HERE);
                if (subject == null) {
                    findingsNotOwned.incrementAndGet();
                    continue;
                }
                mine.add(new Finding(f.rule(), f.severity(), subject, f.time(), f.x(), f.y(), f.sectorId(), f.zoneId(),
                        f.message(), f.coverage()));
                at.add(i);
            }
            if (mine.isEmpty()) {
                return out;
            }
            List<StoreWriter.Pending> pending = new ArrayList<>(mine.size());
            for (int k = 0; k < mine.size(); k++) {
                String local = findings.get(at.get(k)).subject();
                pending.add(new StoreWriter.Pending(mine.get(k), receivedAtMillis.get(at.get(k)),
                        pl.externalIdOf(local), pl.publication(local)));
            }
            storeWriter.add(pending);
            return out; // written by the store writer; the loop only counts what it is told was raised
        }

        @Override
        public void escalate(double afterS) {
            // Escalation is the API nodes' (they hold the operators' side of the alert life cycle).
        }
    }

    /**
     * The one thread that writes to the shared store (its connection is not shared between threads): the owned
     * findings of every loop, as many as are waiting in one transaction (a group commit: under a burst the alerts do
     * not queue behind each other's writes, and the consumer does not wait for the store at all), then the new alerts
     * announced on the alerts topic; then the owned track points waiting. Before an alert write it waits until Kafka
     * has the last publication of each track the findings name: a node that replays the partition after a crash finds
     * their global ids there, and its alerts fold into these. A failed write is retried (what failed stays queued) and
     * holds the consumer's commit ({@link #flush}) until it succeeds.
     */
    private final class StoreWriter implements Runnable {

        /** One finding to raise: the detection receipt that made it, its track's external id and last publication. */
        record Pending(Finding finding, long receivedMs, String externalId, Future<RecordMetadata> published) {
        }

        private final List<Pending> queue = new ArrayList<>();
        private final List<TrackPoint> points = new ArrayList<>();
        private long added;
        private long written;
        private volatile boolean open = true;

        synchronized void add(List<Pending> pending) {
            queue.addAll(pending);
            added += pending.size();
            notifyAll();
        }

        synchronized void addPoints(List<TrackPoint> owned) {
            points.addAll(owned);
            added += owned.size();
            notifyAll();
        }

        /** Waits until everything added so far is committed to the store. */
        void awaitWritten(long timeoutMs) throws PortException, InterruptedException {
            long deadline = System.currentTimeMillis() + timeoutMs;
            synchronized (this) {
                long target = added;
                while (written < target) {
                    long left = deadline - System.currentTimeMillis();
                    if (left <= 0) {
                        throw new PortException("alerts and track points not stored within " + timeoutMs + " ms ("
                                + (target - written) + " waiting)", null);
                    }
                    wait(left);
                }
            }
        }

        void close() {
            open = false;
            synchronized (this) {
                notifyAll();
            }
        }

        @Override
        public void run() {
            while (open) {
                List<Pending> batch;
                List<TrackPoint> owned;
                synchronized (this) {
                    while (open && queue.isEmpty() && points.isEmpty()) {
                        try {
                            wait(200);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    batch = new ArrayList<>(queue);
                    owned = new ArrayList<>(points);
                }
                try {
                    if (!batch.isEmpty()) {
                        write(batch);
                        done(batch.size(), () -> queue.subList(0, batch.size()).clear());
                    }
                    if (!owned.isEmpty()) {
                        store.appendTrackPoints(owned);
                        done(owned.size(), () -> points.subList(0, owned.size()).clear());
                    }
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    long n = storeFailures.incrementAndGet();
                    if (Long.bitCount(n) == 1) {
                        LOG.warn("event=tracker_store_write_failed node={} findings={} points={} failures={} "
                                + "action=retry error=\"{}\"", nodeId, batch.size(), owned.size(), n, e.toString());
                    }
                    try {
                        Thread.sleep(1_000);
                    } catch (InterruptedException ie) {
                        return;
                    }
                    // what failed is still queued: tried again
                }
            }
        }

        private synchronized void done(int n, Runnable dequeue) {
            dequeue.run();
            written += n;
            notifyAll();
        }

        private void write(List<Pending> batch) throws Exception {
            for (Pending p : batch) {
                if (p.published() == null) {
                    continue;
                }
                try {
                    p.published().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    // That publication is lost (the producer gave up): write the alert anyway — a replay elsewhere
                    // may then name the track anew, which is better than an alert never written.
                    long n = tracksNotPublished.incrementAndGet();
                    if (Long.bitCount(n) == 1) {
                        LOG.warn("event=tracker_track_not_published node={} subject={} failures={} error=\"{}\"",
                                nodeId, p.finding().subject(), n, e.getCause().toString());
                    }
                }
            }
            List<Finding> findings = new ArrayList<>(batch.size());
            batch.forEach(p -> findings.add(p.finding()));
            List<WatchStore.SharedRaise> raised = store.raiseShared(findings, "tracker-" + nodeId);
            long committed = System.currentTimeMillis();
            for (int k = 0; k < raised.size(); k++) {
                WatchStore.SharedRaise r = raised.get(k);
                if (!r.isNew()) {
                    alertsFolded.incrementAndGet();
                    continue;
                }
                alertsNew.incrementAndGet();
                var a = r.alert();
                ClusterRecords.AlertRecord rec = ClusterRecords.AlertRecord.of(a, nodeId, batch.get(k).receivedMs(),
                        committed, batch.get(k).externalId());
                producer.send(new ProducerRecord<>(topics.alerts(), a.subject(), ClusterRecords.encode(rec)));
            }
        }
    }

    /** A loop's track history: the owned points, under global ids, keyed (track, time) in the store. */
    private final class History implements TrackHistory {
        private final PartitionLoop pl;

        History(PartitionLoop pl) {
            this.pl = pl;
        }

        @Override
        public void append(List<TrackPoint> points) throws PortException {
            if (points.isEmpty()) {
                return;
            }
            List<TrackPoint> mine = new ArrayList<>(points.size());
            for (TrackPoint p : points) {
                LocalTrack lt = pl.tracks.get(p.trackId());
                if (lt != null && lt.global >= 0 && pl.owns(p.x(), p.y())) {
                    mine.add(new TrackPoint(lt.global, p.t(), p.x(), p.y(), p.vx(), p.vy(), p.targetClass()));
                }
            }
            if (mine.isEmpty()) {
                return;
            }
            storeWriter.addPoints(mine); // written by the store writer; flush waits for it before offsets commit
        }
    }

    // ---- the tracks topic, read for hand-over ---------------------------------------------------------------------

    private void readTracks(String bootstrap) {
        Map<String, Object> c = ClusterTopics.readerConfig(bootstrap, "skydas-tracks-reader-" + nodeId);
        // Every node reads every track update (thousands a second on a busy border) to adopt ids at hand-over:
        // fetch them in batches of at most 100 ms rather than a fetch round per few records (CPU on both sides).
        c.put(org.apache.kafka.clients.consumer.ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 32 * 1024);
        c.put(org.apache.kafka.clients.consumer.ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(c)) {
            synchronized (this) {
                registryConsumer = consumer;
            }
            List<TopicPartition> all = ClusterTopics.partitionsOf(consumer, topics.tracks());
            consumer.assign(all);
            ClusterTopics.seekToTime(consumer, all, System.currentTimeMillis() - (long) (TrackRegistry.KEEP_S * 1000));
            while (running) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    ClusterRecords.TrackRecord t = ClusterRecords.decode(r.value(), ClusterRecords.TrackRecord.class);
                    // This process notes its own publications as it makes them; those of an earlier process with this
                    // node id (killed and started again) are read like any other node's, so that it adopts them.
                    if (t != null && (t.node() != nodeId || t.publishedMs() < startedAtMs)) {
                        registry.note(t);
                    }
                }
                for (TopicPartition tp : all) {
                    registryRead.put(tp.partition(), consumer.position(tp));
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (running) {
                LOG.error("event=tracks_reader_failed node={} error=\"{}\"", nodeId, e.toString(), e);
            }
        }
    }

    // ---- figures --------------------------------------------------------------------------------------------------

    public Counters counters() {
        return new Counters(detections.get(), duplicateCopies.get(), replayedSkipped.get(), alertsNew.get(),
                alertsFolded.get(), findingsNotOwned.get(), tracksPublished.get(), adoptedByExternalId.get(),
                adoptedByPosition.get(), newGlobalIds.get(), storeFailures.get());
    }

    /** The partitions whose loops run here. */
    public synchronized Set<Integer> partitions() {
        return new HashSet<>(loops.keySet());
    }

    /** The tracks of every loop here (estimates; halo tracks too). */
    public synchronized int tracks() {
        int n = 0;
        for (PartitionLoop pl : loops.values()) {
            n += pl.loop.tracks().size();
        }
        return n;
    }

    @Override
    public void close() {
        running = false;
        ticker.shutdownNow();
        storeWriter.close();
        KafkaConsumer<String, byte[]> c;
        synchronized (this) {
            c = registryConsumer;
        }
        if (c != null) {
            c.wakeup();
        }
        try {
            registryReader.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
