package org.skydas.bench.ingest.asterix;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.skydas.ingest.asterix.AsterixDecoder;
import org.skydas.ingest.asterix.AsterixEditions;
import org.skydas.ingest.asterix.AsterixRecord;

/**
 * CAT048 records per second on one thread. The input is {@value #RECORDS} real CAT048 records (the distinct
 * records of cat_034_048.pcap, cat048.raw and the jASTERIX samples, repeated), packed 10 per data block.
 * {@code walk}: framing and item offsets only (what a filter or router needs);
 * {@code walkAndReadPlot}: plus SAC/SIC, time, RHO/THETA, Mode 3/A and FL read from the view, i.e. a plot
 * ready for geolocation. Scores are records/s (OperationsPerInvocation = records).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class Cat048DecodeBenchmark {

    static final int RECORDS = 1000;

    private byte[] input;
    private AsterixDecoder decoder;
    private final Plot plot = new Plot();

    /** Reusable sink for the values a plot consumer reads. */
    static final class Plot implements AsterixDecoder.Listener {
        int i010 = AsterixEditions.cat048().indexOf("010");
        int i140 = AsterixEditions.cat048().indexOf("140");
        int i040 = AsterixEditions.cat048().indexOf("040");
        int i070 = AsterixEditions.cat048().indexOf("070");
        int i090 = AsterixEditions.cat048().indexOf("090");
        long sum;

        @Override
        public void record(AsterixRecord r) {
            byte[] b = r.buffer();
            int p;
            if ((p = r.offset(i010)) >= 0) {
                sum += ((b[p] & 0xFF) << 8) | (b[p + 1] & 0xFF);
            }
            if ((p = r.offset(i140)) >= 0) {
                sum += ((b[p] & 0xFF) << 16) | ((b[p + 1] & 0xFF) << 8) | (b[p + 2] & 0xFF);
            }
            if ((p = r.offset(i040)) >= 0) {
                double rho = (((b[p] & 0xFF) << 8) | (b[p + 1] & 0xFF)) / 256.0;
                double theta = (((b[p + 2] & 0xFF) << 8) | (b[p + 3] & 0xFF)) * (360.0 / 65536.0);
                sum += (long) (rho * theta);
            }
            if ((p = r.offset(i070)) >= 0) {
                sum += ((b[p] & 0x0F) << 8) | (b[p + 1] & 0xFF);
            }
            if ((p = r.offset(i090)) >= 0) {
                sum += (short) (((b[p] & 0x3F) << 10) | ((b[p + 1] & 0xFF) << 2)) >> 2;
            }
        }
    }

    private final AsterixDecoder.Listener count = new AsterixDecoder.Listener() {
        @Override
        public void record(AsterixRecord r) {
            counted += r.itemCount();
        }
    };
    long counted;

    @Setup
    public void setup() {
        List<byte[]> records = new ArrayList<>();
        AsterixDecoder collector = new AsterixDecoder();
        for (byte[] payload : AsterixSamples.payloads()) {
            collector.decode(payload, 0, payload.length, r -> {
                if (r.category().number() == 48) {
                    byte[] rec = new byte[r.length()];
                    System.arraycopy(r.buffer(), r.start(), rec, 0, r.length());
                    records.add(rec);
                }
            });
        }
        if (records.isEmpty()) {
            throw new IllegalStateException("no CAT048 records in the samples");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < RECORDS; i += 10) {
            ByteArrayOutputStream block = new ByteArrayOutputStream();
            for (int k = 0; k < 10; k++) {
                block.writeBytes(records.get((i + k) % records.size()));
            }
            int len = block.size() + 3;
            out.write(48);
            out.write(len >>> 8);
            out.write(len);
            out.writeBytes(block.toByteArray());
        }
        input = out.toByteArray();
        decoder = new AsterixDecoder();
        int[] n = {0};
        if (decoder.decode(input, 0, input.length, r -> n[0]++) != 0 || n[0] != RECORDS) {
            throw new IllegalStateException("benchmark input does not decode to " + RECORDS + " records: " + n[0]);
        }
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long walk() {
        decoder.decode(input, 0, input.length, count);
        return counted;
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long walkAndReadPlot() {
        decoder.decode(input, 0, input.length, plot);
        return plot.sum;
    }
}
