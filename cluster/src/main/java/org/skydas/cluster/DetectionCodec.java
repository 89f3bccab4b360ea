package org.skydas.cluster;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.skydas.model.TargetKind;
import org.skydas.track.Detection;
import org.skydas.track.Dimension;
import org.skydas.track.RangeRate;

/**
 * The value of a sector-topic record: a {@link SectorDetection} less its sector (the record's key), in a small
 * versioned binary form. The journal codec of the watch store is a different thing (compressed decoded messages kept
 * in a database, above this module); here the tracker node needs the normalised detection itself, fast.
 *
 * <p>Version 2 (written), big-endian:
 * <pre>
 *   u8  version (2)           u16 flags (bits below; unknown bits are an error)
 *   i64 id                    i64 receivedAtMillis
 *   f64 t, x, y, varX, covXY, varY
 *   f64 z        if Z         f64 varZ if VAR_Z     f64 vx if VX     f64 vy if VY
 *   u8  class    if CLASS     f64 classConfidence   if CONFIDENCE    f64 snr if SNR    u8 dimension if DIMENSION
 *   f64 rate, variance, sensorX, sensorY, sensorZ, ambiguity          if RANGE_RATE (sensorZ, ambiguity may be NaN)
 *   str source                str listener if LISTENER               str externalId if EXTERNAL_ID
 *   (HALO carries no bytes)   str = u16 length + UTF-8 bytes
 * </pre>
 * Version 1 is the same without the RANGE_RATE flag and its bytes: a Doppler radar's range rate
 * ({@link Detection#rangeRate()}) was lost on the topic. Both are read (a topic keeps days of version 1 records); a
 * version 1 record with the RANGE_RATE bit set is an error, as any unknown bit is.
 * An optional number is present when it is not NaN, so every detection round-trips exactly (NaN comes back as
 * {@code Double.NaN}); classes and dimensions are coded by the fixed tables below, never by the enums' order. A new
 * field takes a new version; readers of version n reject n+1 with a clear error rather than guess (deploy readers
 * first: tracker nodes before ingest nodes). A detection is about 80 bytes plus its strings, 48 more with a range rate.
 */
public final class DetectionCodec {

    /** The version written. */
    public static final int VERSION = 2;
    /** The oldest version read. */
    public static final int OLDEST_READ = 1;

    static final int HALO = 1;
    static final int Z = 1 << 1;
    static final int VAR_Z = 1 << 2;
    static final int VX = 1 << 3;
    static final int VY = 1 << 4;
    static final int CLASS = 1 << 5;
    static final int CONFIDENCE = 1 << 6;
    static final int SNR = 1 << 7;
    static final int DIMENSION = 1 << 8;
    static final int LISTENER = 1 << 9;
    static final int EXTERNAL_ID = 1 << 10;
    static final int RANGE_RATE = 1 << 11;
    /** The flags of version 1, and of version 2. */
    static final int KNOWN_V1 = (1 << 11) - 1;
    static final int KNOWN = (1 << 12) - 1;

    /** Class codes of version 1: the index in this table. */
    private static final TargetKind[] CLASSES = {TargetKind.PERSON, TargetKind.VEHICLE, TargetKind.DRONE,
        TargetKind.UNKNOWN};
    /** Dimension codes of version 1: the index in this table. */
    private static final Dimension[] DIMENSIONS = {Dimension.GROUND, Dimension.AIR};

    private static final int MAX_STRING = 0xFFFF;

    private DetectionCodec() {
    }

    /** The record value of {@code d} (its sector goes in the key). */
    public static byte[] encode(SectorDetection d) {
        Detection m = d.detection();
        byte[] source = utf8(d.source(), "source");
        byte[] listener = d.listener() == null ? null : utf8(d.listener(), "listener");
        byte[] external = m.externalId() == null ? null : utf8(m.externalId(), "externalId");
        int flags = (d.halo() ? HALO : 0)
                | (Double.isNaN(m.z()) ? 0 : Z) | (Double.isNaN(m.varZ()) ? 0 : VAR_Z)
                | (Double.isNaN(m.vx()) ? 0 : VX) | (Double.isNaN(m.vy()) ? 0 : VY)
                | (m.classHint() == null ? 0 : CLASS) | (Double.isNaN(m.classConfidence()) ? 0 : CONFIDENCE)
                | (Double.isNaN(m.snr()) ? 0 : SNR) | (m.dimension() == null ? 0 : DIMENSION)
                | (listener == null ? 0 : LISTENER) | (external == null ? 0 : EXTERNAL_ID)
                | (m.rangeRate() == null ? 0 : RANGE_RATE);
        int size = 1 + 2 + 8 + 8 + 6 * 8 + 8 * Integer.bitCount(flags & (Z | VAR_Z | VX | VY | CONFIDENCE | SNR))
                + Integer.bitCount(flags & (CLASS | DIMENSION)) + (m.rangeRate() == null ? 0 : 6 * 8)
                + 2 + source.length + (listener == null ? 0 : 2 + listener.length)
                + (external == null ? 0 : 2 + external.length);
        ByteBuffer b = ByteBuffer.allocate(size);
        b.put((byte) VERSION).putShort((short) flags).putLong(d.id()).putLong(d.receivedAtMillis());
        b.putDouble(m.t()).putDouble(m.x()).putDouble(m.y()).putDouble(m.varX()).putDouble(m.covXY()).putDouble(m.varY());
        if ((flags & Z) != 0) b.putDouble(m.z());
        if ((flags & VAR_Z) != 0) b.putDouble(m.varZ());
        if ((flags & VX) != 0) b.putDouble(m.vx());
        if ((flags & VY) != 0) b.putDouble(m.vy());
        if ((flags & CLASS) != 0) b.put((byte) code(CLASSES, m.classHint()));
        if ((flags & CONFIDENCE) != 0) b.putDouble(m.classConfidence());
        if ((flags & SNR) != 0) b.putDouble(m.snr());
        if ((flags & DIMENSION) != 0) b.put((byte) code(DIMENSIONS, m.dimension()));
        if ((flags & RANGE_RATE) != 0) {
            RangeRate r = m.rangeRate();
            b.putDouble(r.rate()).putDouble(r.variance()).putDouble(r.sensorX()).putDouble(r.sensorY())
                    .putDouble(r.sensorZ()).putDouble(r.ambiguity());
        }
        putString(b, source);
        if (listener != null) putString(b, listener);
        if (external != null) putString(b, external);
        return b.array();
    }

    /** A record's fixed head: what an audit of the topic needs without decoding the detection. */
    public record Head(long id, boolean halo, long receivedAtMillis) {
    }

    /**
     * The id, halo mark and receipt time of a record (version, flags, id and receipt time are at fixed places in every
     * version read), without decoding the rest; a record {@link #decode} would refuse for its head is refused alike.
     */
    public static Head head(byte[] value) throws MalformedRecordException {
        if (value == null || value.length < 19) {
            throw new MalformedRecordException("record too short for its head (" + (value == null ? 0 : value.length)
                    + " bytes)");
        }
        int flags = checkedFlags(value, "record");
        ByteBuffer b = ByteBuffer.wrap(value, 3, value.length - 3);
        return new Head(b.getLong(), (flags & HALO) != 0, b.getLong());
    }

    /**
     * The flags of a record whose version this node reads and whose flags that version knows; else the error, naming
     * the record as {@code what}.
     */
    private static int checkedFlags(byte[] value, String what) throws MalformedRecordException {
        int version = value[0] & 0xFF;
        if (version < OLDEST_READ || version > VERSION) {
            throw new MalformedRecordException(what + " has codec version " + version + "; this node reads versions "
                    + OLDEST_READ + " to " + VERSION);
        }
        if (value.length < 3) {
            throw new MalformedRecordException(what + " is truncated (" + value.length + " bytes)");
        }
        int flags = ((value[1] & 0xFF) << 8) | (value[2] & 0xFF);
        int known = version == 1 ? KNOWN_V1 : KNOWN;
        if ((flags & ~known) != 0) {
            throw new MalformedRecordException(what + " has unknown flags 0x" + Integer.toHexString(flags & ~known)
                    + " for codec version " + version);
        }
        return flags;
    }

    /** The detection of record ({@code key}, {@code value}); a record this version cannot read is an error. */
    public static SectorDetection decode(String key, byte[] value) throws MalformedRecordException {
        if (key == null || key.isEmpty()) {
            throw new MalformedRecordException("record has no key (the sector)");
        }
        if (value == null || value.length == 0) {
            throw new MalformedRecordException("record for sector " + key + " has no value");
        }
        int flags = checkedFlags(value, "record for sector " + key);
        try {
            ByteBuffer b = ByteBuffer.wrap(value, 3, value.length - 3);
            long id = b.getLong();
            long received = b.getLong();
            double t = b.getDouble();
            double x = b.getDouble();
            double y = b.getDouble();
            double varX = b.getDouble();
            double covXY = b.getDouble();
            double varY = b.getDouble();
            double z = (flags & Z) != 0 ? b.getDouble() : Double.NaN;
            double varZ = (flags & VAR_Z) != 0 ? b.getDouble() : Double.NaN;
            double vx = (flags & VX) != 0 ? b.getDouble() : Double.NaN;
            double vy = (flags & VY) != 0 ? b.getDouble() : Double.NaN;
            TargetKind cls = (flags & CLASS) != 0 ? table(CLASSES, b.get(), "class", key) : null;
            double confidence = (flags & CONFIDENCE) != 0 ? b.getDouble() : Double.NaN;
            double snr = (flags & SNR) != 0 ? b.getDouble() : Double.NaN;
            Dimension dim = (flags & DIMENSION) != 0 ? table(DIMENSIONS, b.get(), "dimension", key) : null;
            RangeRate rangeRate = (flags & RANGE_RATE) != 0 ? new RangeRate(b.getDouble(), b.getDouble(),
                    b.getDouble(), b.getDouble(), b.getDouble(), b.getDouble()) : null;
            String source = getString(b, key);
            String listener = (flags & LISTENER) != 0 ? getString(b, key) : null;
            String external = (flags & EXTERNAL_ID) != 0 ? getString(b, key) : null;
            if (b.hasRemaining()) {
                throw new MalformedRecordException("record for sector " + key + " has " + b.remaining()
                        + " bytes after its last field");
            }
            Detection d = new Detection(t, 0, x, y, z, varZ, varX, covXY, varY, vx, vy, cls, confidence, external, snr,
                    dim, rangeRate);
            return new SectorDetection(id, source, listener, received, key, (flags & HALO) != 0, d);
        } catch (BufferUnderflowException e) {
            throw new MalformedRecordException("record for sector " + key + " is truncated (" + value.length
                    + " bytes)");
        }
    }

    private static <T> int code(T[] table, T value) {
        for (int i = 0; i < table.length; i++) {
            if (table[i] == value) {
                return i;
            }
        }
        throw new IllegalArgumentException("codec version " + VERSION + " has no code for " + value);
    }

    private static <T> T table(T[] table, byte code, String what, String key) throws MalformedRecordException {
        int c = code & 0xFF;
        if (c >= table.length) {
            throw new MalformedRecordException("record for sector " + key + " has unknown " + what + " code " + c);
        }
        return table[c];
    }

    private static byte[] utf8(String s, String what) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_STRING) {
            throw new IllegalArgumentException(what + " is longer than " + MAX_STRING + " bytes of UTF-8");
        }
        return bytes;
    }

    private static void putString(ByteBuffer b, byte[] s) {
        b.putShort((short) s.length).put(s);
    }

    private static String getString(ByteBuffer b, String key) throws MalformedRecordException {
        int n = b.getShort() & 0xFFFF;
        if (n > b.remaining()) {
            throw new MalformedRecordException("record for sector " + key + " has a string of " + n + " bytes but only "
                    + b.remaining() + " left");
        }
        ByteBuffer slice = b.slice(b.position(), n);
        b.position(b.position() + n);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(slice).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedRecordException("record for sector " + key + " has a string that is not UTF-8");
        }
    }
}
