package org.skydas.bench.ingest.standards;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.skydas.bench.ingest.tak.IngestSamples;
import org.skydas.ingest.DecodeException;
import org.skydas.ingest.sapient.SapientCodec;
import org.skydas.ingest.sapient.SapientSession;
import org.skydas.ingest.stanag4607.Gmti4607Decoder;

import com.google.protobuf.Timestamp;

import uk.gov.dstl.sapientmsg.bsiflex335v2.DetectionReport;
import uk.gov.dstl.sapientmsg.bsiflex335v2.Location;
import uk.gov.dstl.sapientmsg.bsiflex335v2.LocationCoordinateSystem;
import uk.gov.dstl.sapientmsg.bsiflex335v2.LocationDatum;
import uk.gov.dstl.sapientmsg.bsiflex335v2.SapientMessage;

/**
 * Decode rates on one thread, the goals: SAPIENT ≥ 500 k DetectionReports/s, STANAG 4607 ≥ 1 M target
 * reports/s.
 * <ul>
 * <li>{@code sapientTypicalReport}: a counter-drone radar's report (location, confidence, one class with a sub-class,
 * ENU velocity), parsed and validated as a registered session takes it (reports/s).
 * <li>{@code sapientFullReport}: the Dstl simulator's default DetectionReport (every optional part), the same way.
 * <li>{@code gmtiTargetReports}: a dwell of 1 000 target reports built from the shared sample's (its mask: hi-res
 * position, height, velocities, SNR, class, uncertainties, truth tag, RCS), decoded (target reports/s).
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SensorStandardsDecodeBenchmark {

    static final int TARGETS = 1_000;
    private static final String DEFAULTS = "data/protocols/sapient/samples/bsi_flex_335_v2_0/dstl-test-harness/simulator-defaults/";

    byte[] typical;
    byte[] full;
    SapientSession session;
    byte[] dwellPacket;
    final Gmti4607Decoder gmti = new Gmti4607Decoder();

    @Setup
    public void setUp() throws DecodeException {
        String node = "a8654cdf-4328-47de-81fa-c495589e30c9";
        session = new SapientSession(new SapientCodec(), "3f2b6c1e-5a8d-4e3f-9b1a-2c4d6e8f0a1b");
        SapientMessage reg = SapientCodec.parseJson(new String(IngestSamples.bytes(DEFAULTS + "Default.Registration.json"),
                StandardCharsets.UTF_8), false).toBuilder().setNodeId(node).build();
        if (session.handle(reg.toByteArray(), Instant.now()).refusal() != null) {
            throw new IllegalStateException("registration refused");
        }
        full = SapientCodec.parseJson(new String(IngestSamples.bytes(DEFAULTS + "Default.DetectionReport.json"),
                StandardCharsets.UTF_8), false).toBuilder().setNodeId(node).build().toByteArray();
        typical = SapientMessage.newBuilder().setTimestamp(Timestamp.newBuilder().setSeconds(1_780_000_000).setNanos(250_000_000))
                .setNodeId(node).setDetectionReport(DetectionReport.newBuilder().setReportId("01J0000000000000000000REP1")
                        .setObjectId("01J00000000000000000000DR1").setDetectionConfidence(0.9f)
                        .setLocation(Location.newBuilder().setX(25.2791).setY(54.6872).setZ(180).setXError(0.0001)
                                .setYError(0.0001).setCoordinateSystem(LocationCoordinateSystem.LOCATION_COORDINATE_SYSTEM_LAT_LNG_DEG_M)
                                .setDatum(LocationDatum.LOCATION_DATUM_WGS84_E))
                        .addClassification(DetectionReport.DetectionReportClassification.newBuilder().setType("Air Vehicle")
                                .setConfidence(0.9f).addSubClass(DetectionReport.SubClass.newBuilder()
                                        .setType("UAV Rotary Wing").setLevel(1).setConfidence(0.85f)))
                        .setEnuVelocity(uk.gov.dstl.sapientmsg.bsiflex335v2.ENUVelocity.newBuilder().setEastRate(8).setNorthRate(-3)))
                .build().toByteArray();
        for (byte[] m : new byte[][] {typical, full}) {
            if (session.handle(m, Instant.now()).report() == null) {
                throw new IllegalStateException("a benchmark report is refused");
            }
        }
        dwellPacket = dwell(IngestSamples.bytes("data/protocols/stanag4607/samples/pentlandedge/list1.4607"));
        if (((org.skydas.ingest.stanag4607.Gmti.Dwell) gmti.decode(dwellPacket, 0, dwellPacket.length, null).segments()
                .get(0)).targets().size() != TARGETS) {
            throw new IllegalStateException("dwell not built");
        }
    }

    /** The sample's dwell packet (its second, 112 bytes) with its one target report repeated {@link #TARGETS} times. */
    static byte[] dwell(byte[] sample) {
        int packet = 76;
        int seg = packet + 32;
        int targetStart = seg + 5 + 8 + 2 + 2 + 1 + 2 + 4 + 4 + 4 + 4 + 4 + 4 + 2 + 2;
        int targetLen = sample.length - targetStart;
        byte[] head = java.util.Arrays.copyOfRange(sample, packet, targetStart);
        byte[] target = java.util.Arrays.copyOfRange(sample, targetStart, sample.length);
        byte[] out = new byte[head.length + TARGETS * targetLen];
        System.arraycopy(head, 0, out, 0, head.length);
        for (int i = 0; i < TARGETS; i++) {
            System.arraycopy(target, 0, out, head.length + i * targetLen, targetLen);
        }
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(out);
        b.putInt(2, out.length);
        b.putInt(32 + 1, out.length - 32);
        b.putShort(32 + 5 + 8 + 2 + 2 + 1, (short) TARGETS);
        return out;
    }

    @Benchmark
    public void sapientTypicalReport(Blackhole bh) {
        bh.consume(session.handle(typical, Instant.EPOCH));
    }

    @Benchmark
    public void sapientFullReport(Blackhole bh) {
        bh.consume(session.handle(full, Instant.EPOCH));
    }

    @Benchmark
    @OperationsPerInvocation(TARGETS)
    public void gmtiTargetReports(Blackhole bh) throws DecodeException {
        bh.consume(gmti.decode(dwellPacket, 0, dwellPacket.length, null));
    }
}
