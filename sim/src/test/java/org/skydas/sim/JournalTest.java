package org.skydas.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skydas.model.Asset;
import org.skydas.model.AssetType;
import org.skydas.sim.journal.JournalReader;
import org.skydas.sim.journal.JournalWriter;
import org.skydas.sim.journal.Replayer;
import org.skydas.sim.script.ObjectKind;
import org.skydas.sim.script.RemoteIdSpec;
import org.skydas.sim.script.ScriptPatrol;
import org.skydas.sim.script.ScriptTarget;
import org.skydas.sim.script.SimScript;

class JournalTest {

    /** A short run that uses every channel. */
    static List<SimMessage> smallRun() {
        Asset radar = TestWorld.pointSensor("radar-1", AssetType.RADAR, TestWorld.X0, TestWorld.Y0,
                TestWorld.params(5_000, 0, 0, 0.9, 0.6, 2.0, 15, 20));
        Asset cam = TestWorld.pointSensor("camera-1", AssetType.EO_IR_CAMERA, TestWorld.X0, TestWorld.Y0,
                TestWorld.params(3_000, 0, 0, 0.9, 0.6, 1.0, 5, 5));
        Asset onvifCam = TestWorld.pointSensor("camera-2", AssetType.EO_IR_CAMERA, TestWorld.X0, TestWorld.Y0,
                TestWorld.params(3_000, 0, 0, 0.9, 0.6, 1.0, 5, 0));
        Asset rid = TestWorld.pointSensor("rid-1", AssetType.REMOTE_ID_RECEIVER, TestWorld.X0, TestWorld.Y0,
                TestWorld.params(4_000, 0, 0, 0.99, 0.9, 1.0, 3, 0));
        SimScript s = new SimScript("journal", 5, TestWorld.START, 300, null,
                List.of(new ScriptTarget("p", ObjectKind.PERSON, 2, 0.0, null, null,
                                List.of(TestWorld.at(-1_000, 0, 1.5), TestWorld.at(1_000, 0, null))),
                        new ScriptTarget("d", ObjectKind.DRONE, 1, 10.0, 120.0, new RemoteIdSpec("SER123", "OP456"),
                                List.of(TestWorld.at(0, -1_000, 8.0), TestWorld.at(0, 1_000, null)))),
                List.of(new ScriptPatrol("patrol", null, null, 0.0, 15.0, List.of(TestWorld.at(500, 500, null)))),
                null, null);
        org.locationtech.jts.geom.Coordinate at = org.skydas.geo.Lks94.toWgs84(TestWorld.X0, TestWorld.Y0);
        return new Simulation(TestWorld.scenario(radar, cam, onvifCam, rid), s).withSapientNodes(List.of(
                new org.skydas.sim.script.SapientNodeSpec("sapient-1", "radar", "R1",
                        org.skydas.sim.script.SapientNodeSpec.Kind.RADAR, at.x, at.y, 10, 3_000, 0, 0, 1.0, 10)))
                .withGmtiRadars(List.of(new org.skydas.sim.script.GmtiRadarSpec("gmti-1", "GSR", 1, at.x, at.y, 10,
                        5_000, 0, 0, 4.0, 10, 0.3)))
                .withOnvifCameras(List.of("camera-2"))
                .advanceTo(300);
    }

    @Test
    void journalRoundTripsEveryMessageExactly(@TempDir Path dir) throws Exception {
        List<SimMessage> run = smallRun();
        assertThat(run.stream().map(SimMessage::channel).distinct()).containsExactlyInAnyOrder(Channel.values());
        Path file = dir.resolve("run.jsonl");
        try (JournalWriter w = JournalWriter.open(file)) {
            run.forEach(w::accept);
            assertThat(w.written()).isEqualTo(run.size());
        }
        JournalReader r = new JournalReader();
        assertThat(r.read(file)).isEqualTo(run);
        assertThat(r.skipped()).isZero();
        assertThat(Files.readString(file)).contains("\"channel\":\"cot\",\"text\":\"<?xml");
    }

    @Test
    void malformedLinesAreCountedAndSkipped() throws Exception {
        String good = "{\"t\":1.0,\"time\":\"2026-11-27T04:00:01Z\",\"source\":\"s\",\"channel\":\"asterix\",\"base64\":\"MAAD\"}";
        String text = good + "\nnot json\n{\"t\":2}\n\n{\"t\":-1,\"time\":\"2026-11-27T04:00:01Z\",\"source\":\"s\","
                + "\"channel\":\"asterix\",\"base64\":\"MAAD\"}\n"
                + "{\"t\":3,\"time\":\"2026-11-27T04:00:03Z\",\"source\":\"s\",\"channel\":\"smoke\",\"text\":\"x\"}\n" + good;
        JournalReader r = new JournalReader();
        List<SimMessage> got = r.read(new StringReader(text));
        assertThat(got).hasSize(2);
        assertThat(got.get(0).payload()).containsExactly(0x30, 0, 3);
        assertThat(r.skipped()).isEqualTo(4);
        assertThat(r.firstError()).startsWith("line 2");
    }

    @Test
    void replayKeepsTheRecordedSpacingScaled() throws Exception {
        List<SimMessage> run = smallRun();
        Replayer replayer = new Replayer(run, 10);
        List<SimMessage> out = new ArrayList<>();
        List<Duration> sleeps = new ArrayList<>();
        double[] wall = {0};
        replayer.play(m -> {
            // Each message must come out exactly when its scaled time is due.
            assertThat(wall[0]).isCloseTo((m.simTimeS() - run.get(0).simTimeS()) / 10, within(1e-6));
            out.add(m);
        }, d -> {
            sleeps.add(d);
            wall[0] += d.toNanos() / 1e9;
        });
        assertThat(out).isEqualTo(run);
        assertThat(replayer.finished()).isTrue();
        double span = run.get(run.size() - 1).simTimeS() - run.get(0).simTimeS();
        assertThat(sleeps.stream().mapToDouble(d -> d.toNanos() / 1e9).sum()).isCloseTo(span / 10, within(1e-6));
        // Driven by the caller's clock instead.
        Replayer stepped = new Replayer(run, 2);
        List<SimMessage> first = new ArrayList<>();
        stepped.advanceTo(5, first::add);
        assertThat(first).isNotEmpty().allMatch(m -> m.simTimeS() - run.get(0).simTimeS() <= 10);
        assertThat(first.size()).isLessThan(run.size());
    }
}
