package org.skydas.store.watch;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * How journal payloads are kept small: Zstandard (RFC 8878) with a dictionary per protocol; rows written before it
 * used raw DEFLATE (RFC 1951) with the same kind of dictionary and stay readable ({@link #DEFLATE}). A lone detection
 * is too short to compress by itself (a CoT event is ~300 bytes, a JSON detection ~200), but against a dictionary of
 * other messages of its protocol only what differs — the identifier, the times, the digits of the position — is
 * left. The dictionary is learnt from the first {@link #TRAINING_SAMPLES} messages of each protocol (those are kept
 * raw) and stored in the database ({@code journal_codecs}) with its method, never changed afterwards, so that every
 * row stays readable on its own, with any Zstandard (or DEFLATE) implementation, for as long as the database exists.
 * Codec 0 is UTF-8 text (rows of the first messages and of databases migrated from schema 3).
 *
 * <p>Why Zstandard: DEFLATE hashes its preset dictionary again for every row, so its CPU per detection grows with
 * the dictionary; a Zstandard dictionary is digested once per codec ({@code ZSTD_CDict}), and each row is a
 * magic-less frame (RFC 8878 §3.1.1 without the 4-byte magic number, no checksum, no dictionary id: the row's
 * codec names the dictionary) that records its content size. Measured with {@code JournalCodecBench} (bench).
 * A database whose newest codec for a protocol is DEFLATE gets a Zstandard codec with the same dictionary for
 * its new rows ({@link #upgrade}); the old rows keep theirs.
 *
 * <p>Not thread-safe: used by the store's one writer thread.
 */
final class JournalCodecs {

    static final int RAW = 0;
    /** The method of codecs made before Zstandard (still read; no longer chosen for new rows). */
    static final String DEFLATE = "deflate-raw+dictionary";
    /** The method of new codecs. */
    static final String ZSTD = "zstd-magicless+dictionary";
    static final String METHOD = ZSTD;
    /** Zstandard level of new rows (1: the fastest; the dictionary does most of the work on rows this short). */
    static final int ZSTD_LEVEL = 1;
    /** Messages of a protocol that make its dictionary. */
    static final int TRAINING_SAMPLES = 4;
    /** DEFLATE looks back 32 KiB at most: a longer dictionary would only cost memory. */
    static final int MAX_DICTIONARY = 32 * 1024;

    private final Map<Integer, byte[]> dictionaries = new HashMap<>();
    private final Map<Integer, String> methods = new HashMap<>();
    private final Map<Integer, com.github.luben.zstd.ZstdCompressCtx> zstdOut = new HashMap<>();
    private final Map<Integer, com.github.luben.zstd.ZstdDecompressCtx> zstdIn = new HashMap<>();
    private final Map<String, Integer> codecOfProtocol = new HashMap<>();
    private final Map<String, List<byte[]>> training = new HashMap<>();
    private final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    private final Inflater inflater = new Inflater(true);
    private final byte[] buffer = new byte[64 * 1024];

    /** A codec read from the database. */
    void known(int id, String protocol, String method, byte[] dictionary) {
        if (!DEFLATE.equals(method) && !ZSTD.equals(method)) {
            throw new IllegalStateException("journal codec " + id + " has method '" + method + "', which this version "
                    + "cannot read (" + DEFLATE + ", " + ZSTD + ")");
        }
        dictionaries.put(id, dictionary);
        methods.put(id, method);
        if (ZSTD.equals(method)) {
            com.github.luben.zstd.ZstdDictCompress cdict = new com.github.luben.zstd.ZstdDictCompress(dictionary, ZSTD_LEVEL);
            zstdOut.put(id, new com.github.luben.zstd.ZstdCompressCtx().loadDict(cdict).setMagicless(true)
                    .setChecksum(false).setDictID(false).setContentSize(true));
            zstdIn.put(id, new com.github.luben.zstd.ZstdDecompressCtx()
                    .loadDict(new com.github.luben.zstd.ZstdDictDecompress(dictionary)).setMagicless(true));
        }
        codecOfProtocol.merge(protocol, id, Math::max);
    }

    /**
     * The dictionary to copy into a new Zstandard codec when {@code protocol}'s newest codec is an older method
     * (its new rows then use that codec; rows already written keep theirs), else null.
     */
    byte[] upgrade(String protocol) {
        Integer id = codecOfProtocol.get(protocol);
        return id == null || ZSTD.equals(methods.get(id)) ? null : dictionaries.get(id);
    }

    int nextId() {
        return dictionaries.keySet().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
    }

    /** The codec new rows of {@code protocol} use; RAW until its dictionary is learnt. */
    int codecFor(String protocol) {
        return codecOfProtocol.getOrDefault(protocol, RAW);
    }

    /**
     * Notes a raw message of a protocol that has no dictionary yet; returns the dictionary once enough have been seen
     * (the caller stores it and calls {@link #known}), else null.
     */
    byte[] learn(String protocol, byte[] utf8) {
        List<byte[]> samples = training.computeIfAbsent(protocol, p -> new ArrayList<>());
        samples.add(utf8);
        if (samples.size() < TRAINING_SAMPLES) {
            return null;
        }
        training.remove(protocol);
        ByteArrayOutputStream dict = new ByteArrayOutputStream();
        for (byte[] s : samples) {
            if (dict.size() + s.length > MAX_DICTIONARY) {
                break;
            }
            dict.writeBytes(s);
        }
        return dict.toByteArray();
    }

    byte[] encode(int codec, String payload) {
        byte[] utf8 = payload.getBytes(StandardCharsets.UTF_8);
        if (codec == RAW) {
            return utf8;
        }
        com.github.luben.zstd.ZstdCompressCtx z = zstdOut.get(codec);
        if (z != null) {
            return z.compress(utf8);
        }
        deflater.reset();
        deflater.setDictionary(dictionaries.get(codec));
        deflater.setInput(utf8);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream(utf8.length / 2 + 16);
        while (!deflater.finished()) {
            int n = deflater.deflate(buffer);
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    String decode(int codec, byte[] data) throws java.sql.SQLException {
        if (codec == RAW) {
            return new String(data, StandardCharsets.UTF_8);
        }
        byte[] dict = dictionaries.get(codec);
        if (dict == null) {
            throw new java.sql.SQLException("journal row uses codec " + codec + ", which journal_codecs does not hold");
        }
        com.github.luben.zstd.ZstdDecompressCtx z = zstdIn.get(codec);
        if (z != null) {
            try {
                long size = com.github.luben.zstd.Zstd.getFrameContentSize(data, 0, data.length, true);
                if (size < 0 || size > 64L << 20) {
                    throw new java.sql.SQLException("corrupt journal payload (codec " + codec + "): frame size " + size);
                }
                return new String(z.decompress(data, (int) size), StandardCharsets.UTF_8);
            } catch (com.github.luben.zstd.ZstdException e) {
                throw new java.sql.SQLException("corrupt journal payload (codec " + codec + "): " + e.getMessage(), e);
            }
        }
        try {
            inflater.reset();
            inflater.setDictionary(dict);
            inflater.setInput(data);
            ByteArrayOutputStream out = new ByteArrayOutputStream(data.length * 4);
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new DataFormatException("truncated");
                }
                out.write(buffer, 0, n);
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (DataFormatException e) {
            throw new java.sql.SQLException("corrupt journal payload (codec " + codec + "): " + e.getMessage(), e);
        }
    }
}
