package org.skydas.store.watch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.skydas.watch.port.JournalEntry;

/**
 * The journal's small tables, kept in step with memory by the store's one writer: sources (a sensor id and protocol
 * spelt once, a row refers to it by number), codecs (see {@link JournalCodecs}) and, on PostgreSQL, the dated
 * partitions of {@code detections}.
 */
final class JournalSources {

    /** A source's {@code last_ms} is brought up to date at most this often, ms (retention reads it). */
    static final long LAST_SEEN_STEP_MS = 60_000;
    /** Sources kept in memory (least recently used first out). */
    static final int CACHE = 200_000;
    /** PostgreSQL partitions are this wide (receipt time), ms. */
    static final long DEFAULT_PARTITION_MS = 86_400_000L;
    private static final Pattern PARTITION = Pattern.compile("detections_p(\\d+)_(\\d+)");

    private record Source(int id, long lastWrittenMs) {
    }

    private JournalCodecs codecs = new JournalCodecs();
    private final Map<String, Source> sources = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Source> eldest) {
            return size() > CACHE;
        }
    };
    private final Set<Long> partitions = new HashSet<>();
    private long partitionMs = DEFAULT_PARTITION_MS;

    private JournalSources() {
    }

    static JournalSources load(Connection c) throws SQLException {
        JournalSources j = new JournalSources();
        j.loadCodecs(c);
        return j;
    }

    private void loadCodecs(Connection c) throws SQLException {
        JournalSources j = this;
        codecs = new JournalCodecs();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, protocol, method, dictionary FROM journal_codecs WHERE id > 0 "
                     + "ORDER BY id")) {
            while (rs.next()) {
                j.codecs.known(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getBytes(4));
            }
        }
        c.commit();
    }

    JournalCodecs codecs() {
        return codecs;
    }

    /** For tests: narrower PostgreSQL partitions. */
    void partitionMillis(long ms) {
        this.partitionMs = ms;
    }

    /** After a rollback: what memory holds may refer to rows that were never committed. */
    void forgetUncommitted(Connection c) throws SQLException {
        sources.clear();
        partitions.clear();
        loadCodecs(c);
    }

    int sourceId(Connection c, String sensorId, String protocol, long ms) throws SQLException {
        String key = protocol + '\u0000' + sensorId;
        Source s = sources.get(key);
        if (s == null) {
            s = lookUp(c, sensorId, protocol, ms);
            sources.put(key, s);
        } else if (ms - s.lastWrittenMs() >= LAST_SEEN_STEP_MS) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE journal_sources SET last_ms = ? WHERE id = ?")) {
                ps.setLong(1, ms);
                ps.setInt(2, s.id());
                ps.executeUpdate();
            }
            s = new Source(s.id(), ms);
            sources.put(key, s);
        }
        return s.id();
    }

    private Source lookUp(Connection c, String sensorId, String protocol, long ms) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO journal_sources (sensor_id, protocol, last_ms) "
                + "VALUES (?, ?, ?) ON CONFLICT (sensor_id, protocol) DO UPDATE SET last_ms = excluded.last_ms")) {
            ps.setString(1, sensorId);
            ps.setString(2, protocol);
            ps.setLong(3, ms);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM journal_sources WHERE sensor_id = ? AND protocol = ?")) {
            ps.setString(1, sensorId);
            ps.setString(2, protocol);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Source(rs.getInt(1), ms);
            }
        }
    }

    /** The codec for a new row of {@code protocol}; learns (and stores) the protocol's dictionary on the way. */
    int codec(Connection c, String protocol, String payload) throws SQLException {
        int codec = codecs.codecFor(protocol);
        byte[] older = codec == JournalCodecs.RAW ? null : codecs.upgrade(protocol);
        if (codec != JournalCodecs.RAW && older == null) {
            return codec;
        }
        byte[] dict = older != null ? older : codecs.learn(protocol, payload.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        if (dict != null) {
            int id = codecs.nextId();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO journal_codecs (id, protocol, method, dictionary) "
                    + "VALUES (?, ?, ?, ?)")) {
                ps.setInt(1, id);
                ps.setString(2, protocol);
                ps.setString(3, JournalCodecs.METHOD);
                ps.setBytes(4, dict);
                ps.executeUpdate();
            }
            codecs.known(id, protocol, JournalCodecs.METHOD, dict);
            if (older != null) {
                return id;
            }
        }
        return JournalCodecs.RAW;
    }

    /** Sources not heard from since {@code beforeMs} (their detections are gone) are forgotten. */
    void purgeSourcesBefore(Connection c, long beforeMs) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM journal_sources WHERE last_ms < ?")) {
            ps.setLong(1, beforeMs);
            if (ps.executeUpdate() > 0) {
                sources.clear();
            }
        }
    }

    // ---- PostgreSQL partitions ------------------------------------------------------------------

    /** Creates the dated partitions a batch needs, in their own transaction (DDL), before the batch is written. */
    void ensurePartitions(Connection c, List<JournalEntry> entries) throws SQLException {
        if (partitions.isEmpty()) {
            partitions.addAll(existingPartitions(c).keySet());
        }
        Set<Long> needed = new HashSet<>();
        for (JournalEntry e : entries) {
            needed.add(Math.floorDiv(Math.round(e.receivedAt() * 1000), partitionMs) * partitionMs);
        }
        needed.removeAll(partitions);
        for (long from : needed) {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE IF NOT EXISTS detections_p" + from + "_" + (from + partitionMs)
                        + " PARTITION OF detections FOR VALUES FROM (" + from + ") TO (" + (from + partitionMs) + ")");
                c.commit();
            } catch (SQLException e) {
                // Rows of that period already in the default partition (migrated ones): they stay there, and are
                // purged row by row.
                c.rollback();
                if (!"23514".equals(e.getSQLState())) {
                    throw e;
                }
            }
            partitions.add(from);
        }
    }

    /** Drops the partitions wholly before {@code cutoffMs}; returns how many rows they held. */
    long dropPartitionsBefore(Connection c, long cutoffMs) throws SQLException {
        long rows = 0;
        for (Map.Entry<Long, String> p : existingPartitions(c).entrySet()) {
            Matcher m = PARTITION.matcher(p.getValue());
            if (m.matches() && Long.parseLong(m.group(2)) <= cutoffMs) {
                try (Statement st = c.createStatement()) {
                    try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + p.getValue())) {
                        rs.next();
                        rows += rs.getLong(1);
                    }
                    st.execute("DROP TABLE " + p.getValue());
                }
                partitions.remove(p.getKey());
            }
        }
        return rows;
    }

    private Map<Long, String> existingPartitions(Connection c) throws SQLException {
        Map<Long, String> out = new LinkedHashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT child.relname FROM pg_inherits i "
                + "JOIN pg_class parent ON parent.oid = i.inhparent JOIN pg_class child ON child.oid = i.inhrelid "
                + "JOIN pg_namespace n ON n.oid = parent.relnamespace "
                + "WHERE parent.relname = 'detections' AND n.nspname = current_schema()")) {
            while (rs.next()) {
                Matcher m = PARTITION.matcher(rs.getString(1));
                if (m.matches()) {
                    out.put(Long.parseLong(m.group(1)), rs.getString(1));
                }
            }
        }
        return out;
    }
}
