package org.skydas.bench.watch;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.Deflater;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdDictCompress;
import com.github.luben.zstd.ZstdDictDecompress;

/**
 * CPU and bytes per journalled detection of the two journal codecs (issue 21): raw DEFLATE with a preset dictionary
 * (what the journal used first: the dictionary is hashed again for every row) and Zstandard with the same
 * dictionary digested once (what it uses now: magic-less frames, no checksum, no dictionary id), each compressing
 * the load generator's CoT events as the pipeline journals them, one row at a time, with the dictionary learnt
 * from the first 4 messages as the store learns it. Prints per codec the median over rounds of ns per row to
 * compress (and for Zstandard to decompress) and the mean payload bytes, with the load average.
 *
 * <p>Usage: {@code JournalCodecBench [ROUNDS=7] [EVENTS=5000]}
 */
public final class JournalCodecBench {

    private JournalCodecBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        List<byte[]> rows = new ArrayList<>();
        for (String s : JournalBytes.sampleEvents(events)) {
            rows.add(s.getBytes(StandardCharsets.UTF_8));
        }
        ByteArrayOutputStream d = new ByteArrayOutputStream();
        for (int i = 0; i < 4; i++) {
            d.writeBytes(rows.get(i));
        }
        byte[] dict = d.toByteArray();
        System.out.printf(Locale.ROOT, "%d CoT events of %d B on average, dictionary %d B; load average %s%n",
                rows.size(), rows.stream().mapToInt(r -> r.length).sum() / rows.size(), dict.length, load());
        double[] deflate = new double[rounds];
        double[] zstd = new double[rounds];
        double[] unzstd = new double[rounds];
        long deflateBytes = 0;
        long zstdBytes = 0;
        Deflater def = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        byte[] buf = new byte[64 * 1024];
        ZstdCompressCtx zc = new ZstdCompressCtx().loadDict(new ZstdDictCompress(dict, 1)).setMagicless(true)
                .setChecksum(false).setDictID(false).setContentSize(true);
        ZstdDecompressCtx zd = new ZstdDecompressCtx().loadDict(new ZstdDictDecompress(dict)).setMagicless(true);
        byte[][] packed = new byte[rows.size()][];
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            deflateBytes = 0;
            for (byte[] row : rows) {
                def.reset();
                def.setDictionary(dict);
                def.setInput(row);
                def.finish();
                while (!def.finished()) {
                    deflateBytes += def.deflate(buf);
                }
            }
            deflate[r] = (System.nanoTime() - t0) / (double) rows.size();
            t0 = System.nanoTime();
            zstdBytes = 0;
            for (int i = 0; i < rows.size(); i++) {
                packed[i] = zc.compress(rows.get(i));
                zstdBytes += packed[i].length;
            }
            zstd[r] = (System.nanoTime() - t0) / (double) rows.size();
            t0 = System.nanoTime();
            for (int i = 0; i < rows.size(); i++) {
                byte[] back = zd.decompress(packed[i], (int) Zstd.getFrameContentSize(packed[i], 0, packed[i].length, true));
                if (back.length != rows.get(i).length) {
                    throw new IllegalStateException("row " + i + " did not come back whole");
                }
            }
            unzstd[r] = (System.nanoTime() - t0) / (double) rows.size();
        }
        System.out.printf(Locale.ROOT, "deflate-raw+dictionary (level 6): %.0f ns/row, %.1f B/row%n", median(deflate),
                deflateBytes / (double) rows.size());
        System.out.printf(Locale.ROOT, "zstd-magicless+dictionary (level 1): %.0f ns/row, %.1f B/row; decompress %.0f ns/row%n",
                median(zstd), zstdBytes / (double) rows.size(), median(unzstd));
        System.out.printf(Locale.ROOT, "CPU ratio zstd/deflate: %.2f; load average %s%n", median(zstd) / median(deflate),
                load());
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
